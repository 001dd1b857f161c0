"""Read YAML with line numbers (ruamel.yaml), so problems name their line."""

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from exercises.problems import Problem


class YamlFile:
    """One parsed YAML file; ``line_of`` maps a key path to its 1-based line."""

    def __init__(self, path: Path, data: Any):
        self.path = path
        self.data = data

    def line_of(self, location: Sequence[str | int]) -> int:
        node = self.data
        line = node.lc.line + 1 if isinstance(node, CommentedMap | CommentedSeq) else 1
        for key in location:
            if isinstance(node, CommentedMap) and key in node:
                line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        return line

    def problem(self, location: Sequence[str | int], message: str) -> Problem:
        return Problem(self.path, self.line_of(location), message)


def read_yaml(path: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse ``path``; syntax errors and duplicate keys come back as problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 1, f"Datei nicht lesbar: {error}")]
    try:
        data = YAML(typ="rt").load(text)
    except DuplicateKeyError as error:
        key = re.search(r'duplicate key "([^"]*)"', error.problem or "")
        name = key.group(1) if key else "?"
        return None, [Problem(path, error.problem_mark.line + 1, f"doppelte ID „{name}“")]
    except MarkedYAMLError as error:
        # The context mark is where the broken construct began (an unclosed quote,
        # say), which is where the author has to look; the problem mark is where
        # the parser gave up, often the end of the file.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else 1
        reason = "; ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(path, line, f"YAML-Syntaxfehler: {reason}")]
    except YAMLError as error:
        return None, [Problem(path, 1, f"YAML-Syntaxfehler: {error}")]
    return YamlFile(path, data), []

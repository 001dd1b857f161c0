"""Read YAML with line numbers (ruamel.yaml), so problems name their line.

ruamel's line-keeping parser is pure Python: the course's content takes about
2 s of CPU, and a build reads it in every process (the Sphinx extension, each
page's kernel, a company build's check). What it parsed is kept in
``_build/.yaml-cache``, keyed on the file's bytes, and loaded again in a
fraction of that time. Each edit of a file adds an entry: entries no build
has read for ``UNUSED_DAYS`` are removed when a new one is stored.
"""

import contextlib
import hashlib
import os
import pickle
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ruamel.yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from exercises import PROJECT_DIR
from exercises.problems import Problem

CACHE_DIR = PROJECT_DIR / "_build" / ".yaml-cache"
UNUSED_DAYS = 14


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
    cached = CACHE_DIR / (hashlib.sha256(f"{ruamel.yaml.__version__}\0{text}".encode()).hexdigest()
                          + ".pickle")
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError):
        data = pickle.loads(cached.read_bytes())
        with contextlib.suppress(OSError):
            os.utime(cached)  # still in use: not pruned
        return YamlFile(path, data), []
    try:
        data = YAML(typ="rt").load(text)
    except DuplicateKeyError as error:
        key = re.search(r'duplicate key "([^"]*)"', error.problem or "")
        name = key.group(1) if key else "?"
        return None, [Problem(path, error.problem_mark.line + 1, f"doppelte ID „{name}“")]
    except MarkedYAMLError as error:
        line, reason = explain(error)
        return None, [Problem(path, line, f"YAML-Syntaxfehler: {reason}")]
    except YAMLError:
        return None, [Problem(path, 1, f"YAML-Syntaxfehler: {GENERAL}")]
    keep(cached, data)
    return YamlFile(path, data), []


def keep(cached: Path, data: Any) -> None:
    """Store a parse for the next reader; several processes may write at once, none sees half a file.
    Entries of earlier versions of the files, unread for ``UNUSED_DAYS``, go."""
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, cached)
    unused_since = time.time() - UNUSED_DAYS * 86400
    for entry in cached.parent.glob("*.pickle"):
        with contextlib.suppress(OSError):  # another process may have removed it first
            if entry.stat().st_mtime < unused_since:
                entry.unlink()


INDENTATION = ("Die Einrückung stimmt nicht (hier oder in der Zeile davor): Einträge derselben Ebene "
               "beginnen mit gleich vielen Leerzeichen; ein Text mit Doppelpunkt braucht Anführungszeichen")
GENERAL = ("Die Datei ist kein gültiges YAML; bitte Einrückung (nur Leerzeichen), Doppelpunkte und "
           "Anführungszeichen prüfen")
# What the parser says (English) -> what the author reads, and whether the line to look
# at is where the broken construct began ("context": an unclosed quote, say) or where
# the parser gave up ("problem": a wrongly indented line).
EXPLANATIONS = (
    ("quoted scalar", "context", "Ein Anführungszeichen wird nicht geschlossen"),
    ("flow mapping", "context", "Eine geschweifte Klammer { … } wird nicht geschlossen, oder ein Komma "
                                "fehlt"),
    ("flow sequence", "context", "Eine eckige Klammer [ … ] wird nicht geschlossen, oder ein Komma fehlt"),
    ("'\\t'", "problem", "Hier steht ein Tabulator: bitte nur mit Leerzeichen einrücken"),
    ("could not find expected ':'", "context", "Nach dem Namen fehlt ein Doppelpunkt, oder die Zeile ist "
                                              "falsch eingerückt"),
    ("expected '-' indicator", "problem", "Einträge einer Liste beginnen mit „- “, alle gleich weit "
                                          "eingerückt"),
    ("mapping values are not allowed", "problem", INDENTATION),
    ("expected <block end>", "problem", INDENTATION),
    ("did not find expected key", "problem", INDENTATION),
)


def explain(error: MarkedYAMLError) -> tuple[int, str]:
    """(1-based line, German reason) for a parser error, without the parser's English."""
    said = " ".join(part for part in (error.context, error.problem) if part)
    for phrase, which, reason in EXPLANATIONS:
        if phrase in said:
            mark = (error.context_mark if which == "context" else error.problem_mark) or error.problem_mark
            return (mark.line + 1 if mark else 1), reason
    mark = error.problem_mark or error.context_mark
    return (mark.line + 1 if mark else 1), GENERAL

"""Load and validate the course's content data with cross-references.

``load_content`` never raises on bad content: it returns what is valid and a
list of problems, so ``python -m exercises check`` can report all of them.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from exercises import CONTENT_DIR, PROJECT_DIR, content_dir
from exercises.models import Figure, GlossaryEntry, Source, validation_errors
from exercises.problems import ContentError, Problem
from exercises.yamlfile import YamlFile, read_yaml

# Which files hold which kind of entry; the glob decides the model.
KINDS: dict[str, type[BaseModel]] = {
    "quellen.yml": Source,
    "zahlen*.yml": Figure,
    "glossar-*.yml": GlossaryEntry,
}

# {zahl}`id`, {quelle}`id` and {term}`Begriff` in chapter Markdown.
REFERENCE = re.compile(r"\{(zahl|quelle|term)\}`([^`]+)`")


@dataclass
class Content:
    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    # where each entry was defined, for cross-reference messages
    origin: dict[tuple[str, str], tuple[YamlFile, str]] = field(default_factory=dict)


def content_files(directory: Path = CONTENT_DIR) -> list[tuple[Path, type[BaseModel]]]:
    files = []
    for pattern, model in KINDS.items():
        files += [(path, model) for path in sorted(directory.glob(pattern))]
    return files


def model_for(path: Path) -> type[BaseModel] | None:
    for pattern, model in KINDS.items():
        if path.match(pattern):
            return model
    return None


def load_entries(
    yaml_file: YamlFile, model: type[BaseModel]
) -> tuple[dict[str, BaseModel], list[Problem]]:
    """Validate a mapping of id -> entry; each bad entry is one or more problems."""
    if yaml_file.data is None:
        return {}, []
    if not isinstance(yaml_file.data, dict):
        return {}, [yaml_file.problem([], "erwartet eine Zuordnung „id: Eintrag“")]
    entries, problems = {}, []
    for key, value in yaml_file.data.items():
        if not isinstance(key, str) or not key.strip():
            problems.append(yaml_file.problem([key], f"ungültige ID {key!r}"))
            continue
        try:
            entries[key] = model.model_validate(_plain(value))
        except ValidationError as error:
            for location, message in validation_errors(error):
                problems.append(yaml_file.problem([key, *location], f"{key}: {message}"))
    return entries, problems


def _plain(value):
    """ruamel's commented containers as plain dicts and lists (strict models)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_content(
    paths: list[Path] | None = None, chapters: list[Path] | None = None
) -> tuple[Content, list[Problem]]:
    """Load content files (default: all) and check references between them."""
    files = content_files() if paths is None else [(path, model_for(path)) for path in paths]
    content, problems = Content(), []
    targets = {Source: content.sources, Figure: content.figures, GlossaryEntry: content.glossary}
    for path, model in files:
        if model is None:
            problems.append(Problem(path, 1, "unbekannte Inhaltsdatei (erwartet: " +
                                    ", ".join(KINDS) + ")"))
            continue
        yaml_file, read_problems = read_yaml(path)
        problems += read_problems
        if yaml_file is None:
            continue
        entries, entry_problems = load_entries(yaml_file, model)
        problems += entry_problems
        target = targets[model]
        for key, entry in entries.items():
            if key in target:
                first, _ = content.origin[(model.__name__, key)]
                problems.append(yaml_file.problem(
                    [key], f"„{key}“ ist schon in {first.path.name} definiert"))
                continue
            target[key] = entry
            content.origin[(model.__name__, key)] = (yaml_file, key)
    problems += _check_source_references(content, partial=paths is not None)
    problems += check_chapter_references(content, chapters or [])
    return content, sorted(problems)


def _check_source_references(content: Content, partial: bool) -> list[Problem]:
    """Figures and glossary entries must cite an existing source."""
    if partial and not content.sources:
        return []  # checking single files without quellen.yml: nothing to resolve against
    problems = []
    for kind, entries in (("Figure", content.figures), ("GlossaryEntry", content.glossary)):
        for key, entry in entries.items():
            if entry.quelle is not None and entry.quelle not in content.sources:
                yaml_file, _ = content.origin[(kind, key)]
                problems.append(yaml_file.problem(
                    [key, "quelle"], f"{key}: unbekannte Quelle „{entry.quelle}“"))
    return problems


def check_chapter_references(content: Content, chapters: list[Path]) -> list[Problem]:
    """Every {zahl}, {quelle} and {term} in the chapters must name an entry."""
    known = {"zahl": content.figures, "quelle": content.sources, "term": content.glossary}
    label = {"zahl": "Zahl", "quelle": "Quelle", "term": "Glossarbegriff"}
    problems = []
    for path in chapters:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for role, target in REFERENCE.findall(line):
                explicit = re.fullmatch(r".*<(.+)>", target)  # {term}`Text <Begriff>`
                target = explicit.group(1) if explicit else target
                if target not in known[role]:
                    problems.append(Problem(path, number, f"unbekannte {label[role]} „{target}“"))
    return problems


def require_content(project: Path = PROJECT_DIR) -> Content:
    """All content of ``project``, or ContentError listing every problem (for builds)."""
    from exercises.chapters import chapter_files

    files = content_files(content_dir(project))
    content, problems = load_content(
        [path for path, _ in files], chapters=chapter_files(project / "_toc.yml"))
    if problems:
        raise ContentError(problems)
    return content

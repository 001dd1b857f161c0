"""The course's chapters, read from ``_toc.yml`` and the chapters' Markdown.

A chapter is a page whose front matter has a ``kurs`` block; its objectives,
summary and reflection questions are the ``lernziele``, ``zusammenfassung``
and ``reflexion`` directives that ``exercises.sphinx`` renders.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from exercises import PROJECT_DIR
from exercises.problems import ContentError, Problem
from exercises.yamlfile import read_yaml

TOC = PROJECT_DIR / "_toc.yml"
FENCE = re.compile(r"^(`{3,}|:{3,})\{([\w-]+)\}")
LABEL = re.compile(r"^\([\w-]+\)=\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(.*)")


@dataclass
class Page:
    """One entry of ``_toc.yml``; ``docname`` is the path without suffix."""

    docname: str
    part: str | None
    root: Path

    @property
    def path(self) -> Path:
        for suffix in (".md", ".ipynb"):
            candidate = self.root / f"{self.docname}{suffix}"
            if candidate.exists():
                return candidate
        return self.root / f"{self.docname}.md"


@dataclass
class Chapter:
    id: str
    title: str
    path: Path
    minutes: int
    objectives: list[str]
    summary: list[str]
    reflection: list[str]
    body: str = field(repr=False)

    @property
    def body_words(self) -> int:
        return len(re.findall(r"[\wÄÖÜäöüß-]+", self.body))


def toc_pages(toc: Path = TOC) -> list[Page]:
    """Every page in course order: the root first, then the parts' chapters."""
    toc_file, problems = read_yaml(toc)
    if toc_file is None:
        raise ContentError(problems)
    data = toc_file.data
    try:
        pages = [Page(data["root"], None, toc.parent)]
        for part in data.get("parts", []):
            pages += [Page(entry["file"], part.get("caption"), toc.parent)
                      for entry in part["chapters"]]
    except (KeyError, TypeError, AttributeError) as error:
        problem = Problem(toc, 1, f"unerwarteter Aufbau des Inhaltsverzeichnisses: {error}")
        raise ContentError([problem]) from None
    return pages


def split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---", 4)
    return YAML(typ="safe").load(text[4:end]) or {}, text[end + 4:]


def parse_chapter(path: Path) -> Chapter | None:
    """The chapter on ``path``, or None for a page without a ``kurs`` block."""
    meta, text = split_front_matter(path.read_text(encoding="utf-8"))
    if "kurs" not in meta:
        return None
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    blocks, body = _directive_blocks(text)
    return Chapter(
        id=path.stem,
        title=title,
        path=path,
        minutes=int(meta["kurs"].get("minuten", 0)),
        objectives=blocks.get("lernziele", []),
        summary=blocks.get("zusammenfassung", []),
        reflection=blocks.get("reflexion", []),
        body=body,
    )


def _directive_blocks(text: str) -> tuple[dict[str, list[str]], str]:
    """List items of each directive block, and the text outside all blocks."""
    blocks: dict[str, list[str]] = {}
    body: list[str] = []
    fence, name = None, None
    for line in text.splitlines():
        if fence is None:
            match = FENCE.match(line)
            if match:
                fence, name = match.group(1), match.group(2)
                blocks.setdefault(name, [])
            elif not line.startswith("# ") and not LABEL.match(line):
                body.append(line)
        elif line.strip() == fence:
            fence = None
        elif name in {"lernziele", "zusammenfassung", "reflexion"}:
            item = LIST_ITEM.match(line)
            if item:
                blocks[name].append(item.group(1).strip())
            elif line.strip() and blocks[name]:
                blocks[name][-1] += " " + line.strip()  # continuation of a list item
    return blocks, "\n".join(body)


def chapters(toc: Path = TOC) -> list[Chapter]:
    """The chapters in course order."""
    found = (parse_chapter(page.path) for page in toc_pages(toc) if page.path.exists())
    return [chapter for chapter in found if chapter is not None]


def chapter_files(toc: Path = TOC) -> list[Path]:
    return [page.path for page in toc_pages(toc) if page.path.exists()]


def section_labels(path: Path) -> dict[str, str]:
    """The labels ``(label)=`` of a chapter with the heading each one marks."""
    labels, pending = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LABEL.match(line)
        if match:
            pending = line[1:line.index(")=")]
        elif pending and line.startswith("#"):
            labels[pending] = line.lstrip("#").strip()
            pending = None
    return labels

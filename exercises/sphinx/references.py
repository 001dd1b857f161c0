"""Roles that take figures and citations from the data files.

``{zahl}`id``` prints a figure of ``zahlen*.yml`` in German format, so a
number is typed once; ``{quelle}`id``` links to the entry on the sources
page; ``{kurs}`kapitelzahl``` says how many chapters this edition has (a
company edition may leave some out or add one). Unknown ids are build errors
(with ``-W``) naming file and line.
"""

from pathlib import Path

from docutils import nodes
from ruamel.yaml import YAML
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxRole

from exercises import content_dir
from exercises.content import content_files, require_content
from exercises.formatting import with_unit
from exercises.problems import ContentError


def load_content(app: Sphinx) -> None:
    """Validate all content before reading any page; stop the build if invalid."""
    try:
        company = Path(app.config.kurs_firma) if app.config.kurs_firma else None
        app.env.kurs_content = require_content(Path(app.srcdir), company)
    except ContentError as error:
        raise ExtensionError("Ungültige Kursinhalte:\n" + str(error)) from None


def course_data(env):
    """The validated content; pages that use it are re-read when a data file changes."""
    for path, *_ in content_files(content_dir(Path(env.srcdir))):
        env.note_dependency(str(path))
    return env.kurs_content


def source_anchor(source_id: str) -> str:
    return f"quelle-{source_id}"


class CourseRole(SphinxRole):
    def course_data(self):
        return course_data(self.env)

    def unknown(self, kind: str):
        message = f"unbekannte {kind} „{self.text}“"
        error = self.inliner.reporter.error(message, line=self.lineno)
        return [self.inliner.problematic(self.rawtext, self.rawtext, error)], [error]


class FigureRole(CourseRole):
    def run(self):
        figure = self.course_data().figures.get(self.text)
        if figure is None:
            return self.unknown("Zahl")
        return [nodes.inline(text=with_unit(figure.wert, figure.einheit), classes=["kurs-zahl"])], []


class SourceRole(CourseRole):
    def run(self):
        source = self.course_data().sources.get(self.text)
        if source is None:
            return self.unknown("Quelle")
        return [citation(source_id=self.text, label=source.kurz)], []


NUMBER_WORDS = ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                "elf", "zwölf")


def chapter_count(srcdir: Path) -> int:
    """The pages of the toc part "Kapitel" of the edition being built."""
    toc = YAML(typ="safe").load((srcdir / "_toc.yml").read_text(encoding="utf-8"))
    return sum(len(part["chapters"]) for part in toc["parts"] if part.get("caption") == "Kapitel")


class CourseFactRole(CourseRole):
    def run(self):
        if self.text != "kapitelzahl":
            return self.unknown("Kursangabe")
        self.env.note_dependency(str(Path(self.env.srcdir) / "_toc.yml"))
        count = chapter_count(Path(self.env.srcdir))
        word = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
        return [nodes.inline(text=word, classes=["kurs-zahl"])], []


def citation(source_id: str, label: str) -> nodes.Node:
    """"(Webster & Wind 1972)" as a link to the entry on the sources page."""
    link = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=source_anchor(source_id),
        refexplicit=True, refwarn=True,
    )
    link += nodes.inline(text=label, classes=["kurs-quelle"])
    return nodes.inline("", "", nodes.Text("("), link, nodes.Text(")"))


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", load_content)
    app.add_role("zahl", FigureRole())
    app.add_role("quelle", SourceRole())
    app.add_role("kurs", CourseFactRole())

"""The fixed parts of every chapter: objectives, summary, reflection questions.

They are directives (not free admonitions) so that their German titles and
looks are the same everywhere and tests and ``inventory`` can find them.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.chapters import split_front_matter


class CourseBox(SphinxDirective):
    has_content = True
    title = ""
    name = ""

    def run(self):
        box = nodes.admonition(classes=["kurs-box", f"kurs-{self.name}"])
        box += nodes.title(text=self.title)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class Objectives(CourseBox):
    """The objectives, followed by the chapter's estimated learning time."""

    title, name = "Lernziele", "lernziele"

    def run(self):
        [box] = super().run()
        path = Path(self.env.doc2path(self.env.docname))
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        minutes = meta.get("kurs", {}).get("minuten")
        if minutes:
            box += nodes.paragraph(text=f"Geschätzte Lernzeit: etwa {minutes} Minuten.",
                                   classes=["kurs-lernzeit"])
        return [box]


class Summary(CourseBox):
    title, name = "Das Wichtigste in Kürze", "zusammenfassung"


class Reflection(CourseBox):
    title, name = "Zum Nachdenken", "reflexion"


def setup(app: Sphinx) -> None:
    for box in (Objectives, Summary, Reflection):
        app.add_directive(box.name, box)

"""The "Mein Fortschritt" page: the course's chapters as data for the JS view.

Progress itself never leaves the browser; the page only needs to know which
chapters exist, where they are and what counts as passed.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.chapters import chapters
from exercises.quiz.data import CHAPTER_PASS_PERCENT
from exercises.selfcheck import GAP_BELOW, STRENGTH_FROM
from exercises.static_html import container
from exercises.writing.page import overview


class ProgressOverview(SphinxDirective):
    def run(self):
        builder = self.env.app.builder
        exam = self.env.kurs_content.exam
        check = self.env.kurs_content.selfcheck
        course_chapters = chapters(Path(self.env.srcdir) / "_toc.yml")
        roleplays = builder.get_relative_uri(self.env.docname, "book/rollenspiele")
        data = {
            "kapitel": [
                {"id": c.id, "titel": c.title, "seite": self.env.path2doc(str(c.path)),
                 "href": builder.get_relative_uri(self.env.docname, self.env.path2doc(str(c.path)))}
                for c in course_chapters
            ],
            "kapitel_bestehensgrenze": exam.kapitel_bestehensgrenze if exam else CHAPTER_PASS_PERCENT,
            "rollenspiele": [
                {"id": scenario.id, "titel": scenario.titel, "href": f"{roleplays}#rollenspiel-{scenario.id}"}
                for scenario in self.env.kurs_content.scenarios.values()
            ],
            "pruefung": {"href": builder.get_relative_uri(self.env.docname, "book/abschlusstest"),
                         "bestehensgrenze": exam.bestehensgrenze if exam else CHAPTER_PASS_PERCENT},
            # the self-check's result is stored per competency id; the page shows the names
            "selbstcheck": {
                "href": builder.get_relative_uri(self.env.docname, "book/selbstcheck"),
                "kompetenzen": {key: c.name for key, c in check.kompetenzen.items()},
                "staerke_ab": STRENGTH_FROM, "luecke_unter": GAP_BELOW,
            } if check else None,
            # written practice (assets/kurs-schreiben.js adds its part to the page)
            "schreibaufgaben": overview(self.env.kurs_content.writing.values(), course_chapters, lambda c: (
                builder.get_relative_uri(self.env.docname, self.env.path2doc(str(c.path))))),
        }
        html = container("fortschritt", "uebersicht", data,
                         "Die Übersicht braucht JavaScript im Browser.", "kurs-fortschritt")
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("fortschrittsuebersicht", ProgressOverview)

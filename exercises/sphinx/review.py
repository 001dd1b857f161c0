"""The "Wiederholen" page: every chapter-quiz question as data for the review view
(assets/kurs-wiederholen.js), which picks the ones due from the learner's cards."""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.chapters import chapters
from exercises.quiz.data import all_questions
from exercises.sphinx.references import course_data
from exercises.static_html import container


class ReviewDirective(SphinxDirective):
    def run(self):
        toc = Path(self.env.srcdir) / "_toc.yml"
        self.env.note_dependency(str(toc))
        data = all_questions(course_data(self.env), chapters(toc))
        html = container("wiederholen", "faellige", data,
                         "Das Wiederholen braucht JavaScript im Browser.", "kurs-wiederholen")
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("wiederholung", ReviewDirective)

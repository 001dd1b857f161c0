"""``{gehalt}`beispiel.feld```: a result of the salary model in chapter prose.

The Gehalt chapter quotes what the calculator gives for the example profiles
of ``gehaltsmodell.yml`` (e.g. ``{gehalt}`angebot.typisch```: the offer's
typical annual salary, rounded to 100 € like every amount of the calculator).
The role computes it with ``exercises.salary`` at build time, so the prose
cannot disagree with the calculator next to it. Unknown targets are build
errors, like unknown figures.
"""

from docutils import nodes
from sphinx.application import Sphinx

from exercises.salary import EXAMPLE_FIELDS, example_text
from exercises.sphinx.references import CourseRole


class SalaryRole(CourseRole):
    def run(self):
        content = self.course_data()
        example_id, _, field = self.text.partition(".")
        examples = content.salary.beispiele if content.salary else {}
        if example_id not in examples or field not in EXAMPLE_FIELDS:
            return self.unknown("Gehaltsangabe")
        text = example_text(content.salary_tables(), example_id, field)
        return [nodes.inline(text=text, classes=["kurs-zahl"])], []


def setup(app: Sphinx) -> None:
    app.add_role("gehalt", SalaryRole())

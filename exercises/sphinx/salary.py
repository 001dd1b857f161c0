"""The Gehalt chapter's salary figures: the ``{gehalt}`` role and the ``gehaltsrechner-text`` directive.

``{gehalt}`beispiel.feld``` quotes what the calculator gives for the example
profiles of ``gehaltsmodell.yml`` (e.g. ``{gehalt}`angebot.typisch```: the
offer's typical annual salary, rounded to 100 € like every amount of the
calculator). The role computes it with ``exercises.salary.model`` at build time, so
the prose cannot disagree with the calculator next to it. Unknown targets are
build errors, like unknown figures.

The chapter is one text for every edition, but a company edition's calculator
shows the company's own figures instead of the market model. The text that
explains the calculator therefore sits in a ``gehaltsrechner-text`` directive:
its content in the general editions, a paragraph generated from the company's
figures in a company edition.
"""

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.salary.model import (
    EXAMPLE_FIELDS,
    TARGET_PAY,
    Tables,
    company_profile,
    estimate,
    euros,
    example_text,
    percent_text,
)
from exercises.sphinx.references import CourseRole, course_data


class SalaryRole(CourseRole):
    def run(self):
        content = self.course_data()
        example_id, _, field = self.text.partition(".")
        examples = content.salary.beispiele if content.salary else {}
        if example_id not in examples or field not in EXAMPLE_FIELDS:
            return self.unknown("Gehaltsangabe")
        text = example_text(content.salary_tables(), example_id, field)
        return [nodes.inline(text=text, classes=["kurs-zahl"])], []


def company_introduction(tables: Tables) -> str:
    """What the calculator shows in a company edition and where it comes from (MyST text)."""
    company = tables.company
    result = estimate(tables, company_profile(tables))
    text = (f"In dieser Ausgabe zeigt der Gehaltsrechner die Zahlen, die {company.name} für diese "
            f"Aufgabe angibt (Stand {company.year}) {{quelle}}`firma`: typisch {euros(company.typical)} "
            f"brutto im Jahr, in einer Spanne von {euros(company.low)} bis {euros(company.high)}. "
            "Der Rechner übernimmt sie genau so: Er rechnet keine Marktfaktoren ein und rundet nicht. "
            "Die Marktwerte und Faktoren der Abschnitte oben helfen Ihnen, diese Zahlen einzuordnen; "
            "in den Rechner fließen sie hier nicht ein. Im Monat sind das typisch "
            f"{euros(result.monthly_typical)} (Jahreswert durch 12).")
    if company.share is not None:
        text += (f" Bei einem variablen Anteil von {percent_text(company.share)} entfallen davon "
                 f"{euros(result.fixed_typical)} auf das {{term}}`Fixum` und "
                 f"{euros(result.variable_typical)} auf den variablen Teil {TARGET_PAY}.")
    return text


def company_advice(tables: Tables) -> str:
    return ("Wo Ihre Stelle in der Spanne liegt, sagt Ihnen der Rechner nicht. Fragen Sie bei "
            f"{tables.company.name} nach, wovon das abhängt und wie der variable Teil berechnet wird.")


COMPANY_TEXT = {"einfuehrung": company_introduction, "beispiel": company_advice}


class CalculatorText(SphinxDirective):
    """Its content in the general editions; in a company edition a generated paragraph instead."""

    required_arguments = 1
    has_content = True

    def run(self):
        part = self.arguments[0]
        if part not in COMPANY_TEXT:
            raise self.error(f"unbekannter Teil „{part}“; erlaubt: {', '.join(COMPANY_TEXT)}")
        content = course_data(self.env)
        tables = content.salary_tables() if content.salary else None
        lines = self.content
        if tables is not None and tables.company:
            lines = StringList(COMPANY_TEXT[part](tables).splitlines(), source=self.get_source_info()[0])
        container = nodes.container(classes=["kurs-gehalt-text"])
        self.state.nested_parse(lines, self.content_offset, container)
        return container.children


def setup(app: Sphinx) -> None:
    app.add_role("gehalt", SalaryRole())
    app.add_directive("gehaltsrechner-text", CalculatorText)

"""The exercises of the course in the form they take on paper, for the handbook.

Each function returns the HTML that replaces one exercise of a built page:
quiz questions with boxes to tick (the paper test's rendering), the salary and
discount calculators as worked examples computed by their models, a writing
task with lines and its checklist, and a role-play as a summary with its link
and a QR code.
"""

from html import escape

from exercises.content import Content
from exercises.delivery.assign import qr_svg
from exercises.delivery.worksheet import key_items, numbered, question_items
from exercises.discount import model as discount
from exercises.formatting import german_number
from exercises.roleplay.data import UI_TEXT
from exercises.roleplay.model import Scenario
from exercises.salary.model import (
    TARGET_PAY,
    Tables,
    company_lines,
    estimate,
    euros,
    level_text,
    round_euro,
    signed_euros,
)
from exercises.writing.model import WritingTask

WRITING_LINES = 7  # ruled lines for a writing task's answer
# Labels the role cards do not have (UI_TEXT holds the rest, in the scenario's language).
SUMMARY_TEXT = {
    "de": {"roles": "Rollen", "observer": "Beobachtung", "skills": "Bewertet werden",
           "endings": "{n} mögliche Enden", "online": "Online spielen",
           "confidential": "Einkauf · vertraulich"},
    "en": {"roles": "Roles", "observer": "Observer", "skills": "Skills scored",
           "endings": "{n} possible endings", "online": "Play online",
           "confidential": "Buyer · confidential"},
}


def listing(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def quiz(content: Content, chapter_id: str) -> str:
    """The chapter's questions in bank order, numbered as in the trainer notes' key."""
    items = numbered(content.quizzes[chapter_id].fragen)
    return (f'<div class="hb-quiz"><p class="hb-label">Quiz · {len(items)} Fragen</p>'
            f'<ol class="questions">{question_items(items, None)}</ol></div>')


def quiz_key(content: Content, chapter_id: str) -> str:
    """The answer key with the numbers and letters of :func:`quiz`."""
    items = numbered(content.quizzes[chapter_id].fragen)
    return f'<ol class="key">{key_items(items, None, content)}</ol>'


def salary_example(tables: Tables) -> str:
    """The calculator's example profiles, step by step: starting value, each factor, result."""
    if tables.company:
        return ('<div class="hb-rechnung"><p class="hb-label">Gehaltsrechner</p>'
                f'{listing(company_lines(tables))}<p class="hb-note">{escape(level_text(tables))}</p></div>')
    tables_html = []
    for name, profile in tables.examples.values():
        result = estimate(tables, profile)
        running = round_euro(tables.base)
        rows = [f"<tr><td>Ausgangswert</td><td></td><td></td><td>{euros(running)}</td></tr>"]
        for step in result.steps:
            running += step.effect
            rows.append(f"<tr><td>{escape(step.label)}: {escape(step.choice.name)}</td>"
                        f"<td>× {german_number(step.choice.factor, 3)}</td>"
                        f"<td>{signed_euros(step.effect)}</td><td>{euros(running)}</td></tr>")
        rows.append('<tr class="hb-summe"><td>Typisch im Jahr</td><td></td><td></td>'
                    f"<td>{euros(result.typical)}</td></tr>")
        tables_html.append(
            f'<div><table class="hb-tabelle"><caption>Profil „{escape(name)}“</caption><thead><tr>'
            '<th scope="col">Schritt</th><th scope="col">Faktor</th><th scope="col">Wirkung</th>'
            f'<th scope="col">Zwischenstand</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<p>Spanne {euros(result.low)} bis {euros(result.high)}; im Monat typisch "
            f"{euros(result.monthly_typical)}; bei {profile.variable_share} % variablem Anteil "
            f"Fixum {euros(result.fixed_typical)} und variabel {euros(result.variable_typical)} "
            f"{TARGET_PAY}.</p></div>")
    return ('<div class="hb-rechnung"><p class="hb-label">Gehaltsrechner als Rechenbeispiel</p>'
            + f'<div class="hb-profile">{"".join(tables_html)}</div>'
            + f'<p class="hb-note">{escape(level_text(tables))}</p></div>')


def discount_example() -> str:
    """The discount calculator's starting example and its table of price changes."""
    margin = discount.START["margin"]
    rows = "".join(
        f"<tr><td>{discount.percent(row.step)}</td>"
        f"<td>{discount.result_percent(row.increase_needed) if row.increase_needed is not None else '–'}</td>"
        f"<td>{discount.result_percent(row.loss_allowed)}</td></tr>" for row in discount.table(margin))
    return ('<div class="hb-rechnung"><p class="hb-label">Rabattrechner als Rechenbeispiel</p>'
            f"<p>{escape(discount.increase_text(margin, discount.START['discount']))} "
            f"{escape(discount.loss_text(margin, discount.START['increase']))}</p>"
            f'<table class="hb-tabelle"><caption>Bei {discount.percent(margin)} Marge</caption><thead><tr>'
            '<th scope="col">Preisänderung</th><th scope="col">Nötige Mehrmenge bei Rabatt</th>'
            f'<th scope="col">Erlaubter Mengenverlust bei Preiserhöhung</th></tr></thead><tbody>{rows}'
            "</tbody></table></div>")


def roleplay_summary(scenario: Scenario, link: str, with_qr: bool, confidential: bool) -> str:
    """Title, situation, roles and goals; the buyer's confidential card only if ``confidential``."""
    text, labels = UI_TEXT[scenario.sprache], SUMMARY_TEXT[scenario.sprache]
    seller, buyer = scenario.rollen.verkauf, scenario.rollen.einkauf
    roles = [seller.titel, buyer.titel, labels["observer"]]
    parts = [f'<div class="hb-rollenspiel" lang="{scenario.sprache}">',
             f'<p class="hb-label">{escape(scenario.titel)}</p>',
             f'<div class="hb-online">{qr_svg(link, scenario.titel) if with_qr else ""}'
             f'<p>{escape(labels["online"])}:<br><span class="hb-link">{escape(link)}</span></p></div>',
             f'<h4>{escape(text["situation_title"])}</h4><p>{escape(scenario.situation)}</p>',
             f'<h4>{escape(labels["roles"])}</h4>{listing(roles)}',
             f'<h4>{escape(text["goals"])}</h4>{listing(seller.ziele)}',
             f'<p>{escape(labels["skills"])}: {escape(", ".join(scenario.dimensionen))} · '
             f'{escape(labels["endings"].format(n=len(scenario.endings())))}</p>']
    if confidential:
        parts.append(f'<div class="hb-vertraulich"><p class="hb-label">{escape(labels["confidential"])}: '
                     f'{escape(buyer.titel)}</p><p>{escape(buyer.auftrag)}</p>'
                     f'<h4>{escape(text["goals"])}</h4>{listing(buyer.ziele)}'
                     f'<h4>{escape(text["limits"])}</h4>{listing(buyer.vertrauliche_grenzen)}'
                     f'<h4>{escape(text["tactics"])}</h4>{listing(buyer.taktiken)}</div>')
    return "".join(parts) + "</div>"


def writing_task(task: WritingTask, for_trainer: bool) -> str:
    """The task and its checklist to tick; lines to write on, or for trainers the model answer."""
    checklist = "".join(f'<li><span class="box" aria-hidden="true"></span> {escape(point)}</li>'
                        for point in task.checkliste)
    answer = (f'<h4>Musterantwort</h4><p class="hb-muster">{escape(task.musterantwort)}</p>' if for_trainer
              else '<p class="hb-zeile"></p>' * WRITING_LINES)
    return (f'<div class="hb-schreiben"><p class="hb-label">Schreibaufgabe: {escape(task.titel)}</p>'
            f"<p>{escape(task.situation)}</p><p><strong>{escape(task.auftrag)}</strong> "
            f"({escape(task.umfang)})</p>{answer}"
            f'<h4>Prüfen Sie Ihren Text</h4><ul class="choices">{checklist}</ul></div>')


def online_only(link: str) -> str:
    """For an exercise the handbook has no paper form of."""
    return f'<p class="hb-online-nur">Diese Übung gibt es nur online: {escape(link)}</p>'

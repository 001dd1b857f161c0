"""Editions of the course: trainee (default), trainer, and company editions.

The edition is a Sphinx setting (``kurs_edition``, ``kurs_firma``) that
``python -m exercises build`` passes in. Trainer material is added to the
chapters' source only in the trainer edition, so the trainee edition contains
none of it, not even hidden.
"""

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.delivery.worksheet import numbered
from exercises.formatting import with_unit
from exercises.quiz.model import Numeric, solution_text
from exercises.sphinx.rolecards import FOLDER as ROLE_CARDS

EDITIONS = ("trainee", "trainer")
TRAINER_TITLE = "Ausgabe für Trainer:innen"
TRAINER_BANNER = f"{TRAINER_TITLE} – nicht an Teilnehmende weitergeben"


def add_edition_material(app: Sphinx, docname: str, source: list[str]) -> None:
    content = app.env.kurs_content
    chapter_id = Path(docname).name
    if app.config.kurs_edition == "trainer" and chapter_id in content.trainer_notes:
        source[0] += (f"\n\n({chapter_id}-trainer)=\n## Für Trainer:innen\n\n"
                      f"```{{trainerhinweise}} {chapter_id}\n```\n")
    if content.company is not None and docname == app.env.config.root_doc:
        # right below the page title, where a candidate sees it first
        source[0] = re.sub(r"^(# .*\n)", r"\1\n```{firmenhinweis}\n```\n", source[0], count=1, flags=re.M)


def paragraph(*parts) -> nodes.paragraph:
    node = nodes.paragraph()
    for part in parts:
        node += part if isinstance(part, nodes.Node) else nodes.Text(part)
    return node


def bullets(items, enumerated: bool = False) -> nodes.Element:
    listing = nodes.enumerated_list() if enumerated else nodes.bullet_list()
    for item in items:
        listing += nodes.list_item("", item if isinstance(item, nodes.Node) else paragraph(item))
    return listing


class TrainerNotesDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        content = self.env.kurs_content
        chapter_id = self.arguments[0]
        notes = content.trainer_notes[chapter_id]
        box = nodes.container(classes=["kurs-trainer"])
        box += paragraph("Dieser Abschnitt erscheint nur in der Ausgabe für Trainer:innen.")
        box += nodes.rubric(text=f"Ablauf im Seminar (etwa {notes.total_minutes()} Minuten)")
        box += bullets([paragraph(nodes.strong(text=f"{p.phase} ({p.minuten} Minuten): "), p.beschreibung)
                        for p in notes.ablauf], enumerated=True)
        box += nodes.rubric(text="Fragen für die Diskussion")
        box += bullets(notes.diskussionsfragen)
        if notes.rollenspiel:
            scenario = content.scenarios[notes.rollenspiel.szenario]
            cards = f"{'../' * self.env.docname.count('/')}{ROLE_CARDS}/{scenario.id}.html"
            box += nodes.rubric(text=f"Rollenspiel im Seminar: {scenario.titel}")
            box += paragraph(notes.rollenspiel.timing())
            box += paragraph(notes.rollenspiel.anleitung)
            box += paragraph("Rollenkarten zum Ausdrucken: ",
                             nodes.reference("", "Karten für Verkauf, Einkauf und Beobachtung",
                                             refuri=cards))
        box += nodes.rubric(text="Häufige Missverständnisse")
        box += bullets([paragraph(nodes.strong(text=f"„{m.irrtum}“ – "), m.richtigstellung)
                        for m in notes.missverstaendnisse])
        if chapter_id in content.quizzes:
            box += nodes.rubric(text="Lösungsschlüssel zum Kapitel-Quiz")
            # numbered as on a paper test printed without --seed
            key = numbered(content.quizzes[chapter_id].fragen)
            box += bullets([self.key_entry(number, question) for number, question in key])
        return [box]

    def key_entry(self, number: int, question) -> nodes.paragraph:
        solution = self.env.kurs_content.solution(question) if isinstance(question, Numeric) else None
        text = getattr(question, "frage", None) or question.aussage
        return paragraph(nodes.strong(text=f"Frage {number}: "), nodes.emphasis(text=text), " – Lösung: ",
                         nodes.strong(text=solution_text(question, solution, with_unit)),
                         f". {question.erklaerung}")


class CompanyNotice(SphinxDirective):
    """The company's name and contact person on the start page of its edition."""

    def run(self):
        company = self.env.kurs_content.company
        contact = company.kontakt
        box = nodes.admonition(classes=["kurs-firma"])
        box += nodes.title(text=f"Ihre Ausgabe von {company.name}")
        box += paragraph(f"Diese Ausgabe des Kurses stellt {company.name} für die Vorbereitung "
                         "interner Kandidat:innen bereit.")
        mail = nodes.reference("", contact.email, refuri=f"mailto:{contact.email}")
        phone = f", Telefon {contact.telefon}" if contact.telefon else ""
        box += paragraph(f"Ansprechperson: {contact.name} ({contact.rolle}), E-Mail ", mail, phone)
        if company.gehalt:
            box += paragraph("Der Gehaltsrechner zeigt in dieser Ausgabe die Zahlen von "
                             f"{company.name}, nicht die allgemeinen Marktwerte.")
        return [box]


def check_edition(app: Sphinx, config) -> None:
    if config.kurs_edition not in EDITIONS:
        from sphinx.errors import ConfigError
        raise ConfigError(f"kurs_edition muss eine von {', '.join(EDITIONS)} sein")
    if config.kurs_edition == "trainer":
        mark_trainer_edition(config)


def mark_trainer_edition(config) -> None:
    """Its own title, and a banner on every page of the theme (the header's announcement,
    an ``aside`` with a label, in the theme's colours for light and dark mode; it prints too).

    The role cards are left without it: they are meant to be handed out.
    """
    config.html_title = f"{config.html_title or config.project} – {TRAINER_TITLE}"
    banner = (f'<p class="kurs-trainer-banner" role="note"><span aria-hidden="true">&#9888;</span> '
              f"{TRAINER_BANNER}</p>")
    config.html_theme_options = {**config.html_theme_options, "announcement": banner}


def setup(app: Sphinx) -> None:
    app.add_config_value("kurs_edition", "trainee", "env", types=[str])
    app.add_config_value("kurs_firma", "", "env", types=[str])
    app.connect("config-inited", check_edition)
    app.connect("source-read", add_edition_material)
    app.add_directive("trainerhinweise", TrainerNotesDirective)
    app.add_directive("firmenhinweis", CompanyNotice)

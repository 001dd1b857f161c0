"""Paper tests: a chapter quiz or a drawn final exam as a numbered sheet, with the
answer key on its own page.

One numbering for every printed list of a bank's questions: ``numbered`` gives
the bank order without a seed, so the trainer notes' answer key (which uses it
too) matches a sheet printed without ``--seed``. Options, steps and terms are
always mixed, by the seed and the question id, so the right answer is not
always first and the same seed gives the same sheet.
"""

import random
from dataclasses import dataclass
from html import escape

from exercises.content import Content
from exercises.formatting import with_unit
from exercises.quiz.model import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
    solution_text,
)

EXAM = "abschlusstest"
LETTERS = "abcdefgh"


def numbered(questions: list, seed: int | None = None) -> list[tuple[int, Question]]:
    """(number, question) from 1: bank order without a seed, mixed by the seed otherwise."""
    order = list(questions)
    if seed is not None:
        random.Random(f"reihenfolge:{seed}").shuffle(order)
    return list(enumerate(order, 1))


def exam_draw(content: Content, chapter_ids: list[str], seed: int) -> list[Question]:
    """Questions drawn as the exam on the site draws them: each chapter its equal share,
    the rest from all chapters, then mixed."""
    rng = random.Random(f"abschlusstest:{seed}")
    banks = [list(content.quizzes[chapter_id].fragen) for chapter_id in chapter_ids]
    count = min(content.exam.fragen_pro_versuch, sum(len(bank) for bank in banks))
    share = count // len(banks)
    drawn, rest = [], []
    for bank in banks:
        rng.shuffle(bank)
        drawn += bank[:share]
        rest += bank[share:]
    rng.shuffle(rest)
    drawn += rest[:count - len(drawn)]
    rng.shuffle(drawn)
    return drawn


def mixed(count: int, seed: int | None, key: str) -> list[int]:
    order = list(range(count))
    random.Random(f"{seed}:{key}").shuffle(order)
    return order


@dataclass
class Sheet:
    title: str
    note: str  # which variant: the seed, or the bank order
    items: list[tuple[int, Question]]
    seed: int | None


def question_stem(question: Question) -> str:
    return question.aussage if isinstance(question, TrueFalse) else question.frage


def box_list(labels_texts: list[tuple[str, str]], hint: str) -> str:
    rows = "".join(f'<li><span class="box" aria-hidden="true"></span> {label}) {escape(text)}</li>'
                   for label, text in labels_texts)
    return f'<p class="hint">{hint}</p><ul class="choices">{rows}</ul>'


def answer_area(question: Question, seed: int | None) -> str:
    """What the learner fills in: boxes to tick, a line, or boxes for places and letters."""
    if isinstance(question, SingleChoice | MultipleChoice):
        order = mixed(len(question.optionen), seed, question.id)
        hint = ("Kreuzen Sie eine Antwort an." if isinstance(question, SingleChoice)
                else "Kreuzen Sie alle zutreffenden Antworten an.")
        return box_list([(LETTERS[n], question.optionen[i].text) for n, i in enumerate(order)], hint)
    if isinstance(question, TrueFalse):
        return ('<p class="hint">Kreuzen Sie an.</p><ul class="choices inline">'
                '<li><span class="box" aria-hidden="true"></span> wahr</li>'
                '<li><span class="box" aria-hidden="true"></span> falsch</li></ul>')
    if isinstance(question, Numeric):
        unit = f" {escape(question.einheit)}" if question.einheit else ""
        return f'<p class="answer">Antwort: <span class="line"></span>{unit}</p>'
    if isinstance(question, Ordering):
        order = mixed(len(question.schritte), seed, question.id)
        rows = "".join(f'<li><span class="box wide" aria-hidden="true"></span> {LETTERS[n]}) '
                       f'{escape(question.schritte[i].text)}</li>' for n, i in enumerate(order))
        return ('<p class="hint">Schreiben Sie vor jeden Schritt seinen Platz (1 = zuerst).</p>'
                f'<ul class="choices">{rows}</ul>')
    terms = mixed(len(question.paare), seed, f"begriffe:{question.id}")
    definitions = mixed(len(question.paare), seed, question.id)
    term_list = "".join(f"<li>{LETTERS[n].upper()}: {escape(question.paare[i].begriff)}</li>"
                        for n, i in enumerate(terms))
    rows = "".join(f'<li><span class="box wide" aria-hidden="true"></span> {LETTERS[n]}) '
                   f'{escape(question.paare[i].definition)}</li>' for n, i in enumerate(definitions))
    return ('<p class="hint">Schreiben Sie vor jede Beschreibung den Buchstaben des passenden '
            f'Begriffs.</p><ul class="terms">{term_list}</ul><ul class="choices">{rows}</ul>')


def key_text(question: Question, seed: int | None, content: Content) -> str:
    """The right answer with the labels printed on the sheet."""
    if isinstance(question, SingleChoice | MultipleChoice):
        order = mixed(len(question.optionen), seed, question.id)
        return "; ".join(f"{LETTERS[n]}) {question.optionen[i].text}"
                         for n, i in enumerate(order) if question.optionen[i].richtig)
    if isinstance(question, Ordering):
        order = mixed(len(question.schritte), seed, question.id)
        return " – ".join(LETTERS[order.index(place)] for place in range(len(order)))
    if isinstance(question, Matching):
        terms = mixed(len(question.paare), seed, f"begriffe:{question.id}")
        definitions = mixed(len(question.paare), seed, question.id)
        return ", ".join(f"{LETTERS[n]} – {LETTERS[terms.index(i)].upper()}"
                         for n, i in enumerate(definitions))
    solution = content.solution(question) if isinstance(question, Numeric) else None
    return solution_text(question, solution, with_unit)


# The questions and the key; the handbook prints them with these rules too.
QUESTION_STYLE = """
ol.questions>li{break-inside:avoid;margin:1.1rem 0}
.hint{font-style:italic;margin:.2rem 0;color:#333}
ul.choices,ul.terms{list-style:none;padding-left:.5rem;margin:.2rem 0}ul.choices li{margin:.3rem 0}
ul.choices.inline li{display:inline-block;margin-right:2rem}
.box{display:inline-block;width:.9rem;height:.9rem;border:1.5px solid #000;vertical-align:-.1rem;
margin-right:.3rem}.box.wide{width:1.6rem}
.line{display:inline-block;width:12rem;border-bottom:1px solid #000}
.key li{margin:.5rem 0}.key .why{color:#333;font-size:.9rem}
"""
STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:48rem;margin:2rem auto;
padding:0 1rem;line-height:1.45;color:#1a1a1a}
h1{font-size:1.5rem;margin-bottom:.25rem}.meta{color:#444;margin-top:0}
.fields{display:flex;gap:2rem}.fields span{flex:1;border-bottom:1px solid #000;padding-top:1.2rem}
.key{break-before:page;page-break-before:always}
@page{size:A4;margin:16mm}@media print{body{margin:0;max-width:none}}
""" + QUESTION_STYLE


def question_items(items: list[tuple[int, Question]], seed: int | None) -> str:
    """The numbered questions with their answer areas (``<li>`` of an ``ol.questions``)."""
    return "".join(f'<li value="{number}"><p class="stem">{escape(question_stem(question))}</p>'
                   f"{answer_area(question, seed)}</li>" for number, question in items)


def key_items(items: list[tuple[int, Question]], seed: int | None, content: Content) -> str:
    """The answer key with the same numbers and labels (``<li>`` of an ``ol``)."""
    return "".join(f'<li value="{number}"><strong>{escape(key_text(question, seed, content))}</strong>'
                   f'<br><span class="why">{escape(question.erklaerung)}</span></li>'
                   for number, question in items)


def render(sheet: Sheet, content: Content) -> str:
    questions = question_items(sheet.items, sheet.seed)
    key = key_items(sheet.items, sheet.seed, content)
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(sheet.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f'<h1>{escape(sheet.title)}</h1>\n'
            f'<p class="meta">{len(sheet.items)} Fragen · {escape(sheet.note)}</p>\n'
            '<p class="fields"><span>Name:</span><span>Datum:</span></p>\n'
            f'<ol class="questions">{questions}</ol>\n'
            f'<section class="key" aria-labelledby="key-title">\n<h2 id="key-title">Lösungsschlüssel: '
            f'{escape(sheet.title)}</h2>\n<p class="meta">{escape(sheet.note)}</p>\n'
            f"<ol>{key}</ol>\n</section>\n</main>\n</body>\n</html>\n")


def build_sheet(content: Content, chapters: list, quiz: str, seed: int | None) -> Sheet:
    """The sheet for a chapter's quiz or (``abschlusstest``) a drawn exam."""
    if quiz == EXAM:
        seed = 1 if seed is None else seed
        chapter_ids = [chapter.id for chapter in chapters if chapter.id in content.quizzes]
        items = numbered(exam_draw(content, chapter_ids, seed))
        return Sheet(content.exam.titel, f"Variante {seed}", items, seed)
    title = next(chapter.title for chapter in chapters if chapter.id == quiz)
    note = f"Variante {seed}" if seed is not None else "Reihenfolge wie in der Fragenbank"
    return Sheet(f"Kapitel-Quiz: {title}", note, numbered(content.quizzes[quiz].fragen, seed), seed)

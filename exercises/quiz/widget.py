"""The chapter quiz as an ipywidgets app, for live notebooks (Jupyter, Binder).

Same questions (from the YAML) and the same scoring (``exercises.quiz.model``) as
the static site; only the surface differs. Text from content files goes into
HTML widgets escaped.
"""

import random
from html import escape

import ipywidgets as widgets

from exercises.chapters import Chapter
from exercises.content import Content
from exercises.quiz.model import PARTIAL_CREDIT_RULE, Numeric, percent

VERDICTS = ((1.0, "✓ Richtig."), (0.0, "✗ Leider nicht richtig."))


def verdict(points: float) -> str:
    for value, text in VERDICTS:
        if points == value:
            return text
    return f"◐ Teilweise richtig: {round(points * 100)} % der Punkte."


def parse_number(text: str) -> float | None:
    """German number input, as in the JS runtime: "50.000", "4,6"."""
    cleaned = text.strip().replace(" ", "").replace("€", "").replace("%", "")
    parts = cleaned.split(",")
    if len(parts) > 2:
        return None
    whole = parts[0]
    if "." in whole and all(len(group) == 3 for group in whole.split(".")[1:]):
        whole = whole.replace(".", "")
    try:
        return float(whole + ("." + parts[1] if len(parts) == 2 else ""))
    except ValueError:
        return None


class QuestionWidget:
    """Inputs, a check button and feedback for one question."""

    def __init__(self, question, content: Content, number: int, total: int, on_check):
        self.question, self.content, self.on_check = question, content, on_check
        self.points: float | None = None
        text = getattr(question, "frage", None) or question.aussage
        title = widgets.HTML(f"<b>Frage {number} von {total}:</b> {escape(text)}")
        self.feedback = widgets.HTML()
        check = widgets.Button(description="Prüfen")
        check.on_click(lambda _: self.check())
        self.inputs = self.build_inputs()
        self.box = widgets.VBox([title, self.inputs, check, self.feedback])

    def build_inputs(self):
        q = self.question
        if q.typ in ("einfachauswahl", "wahr-falsch"):
            choice = q.typ == "einfachauswahl"
            labels = [o.text for o in q.optionen] if choice else ["Wahr", "Falsch"]
            self.order = random.sample(range(len(labels)), len(labels)) if choice else [0, 1]
            self.choice = widgets.RadioButtons(options=[(labels[i], i) for i in self.order], value=None,
                                               layout={"width": "max-content"})
            return self.choice
        if q.typ == "mehrfachauswahl":
            order = random.sample(range(len(q.optionen)), len(q.optionen))
            self.boxes = [(i, widgets.Checkbox(description=q.optionen[i].text, indent=False)) for i in order]
            return widgets.VBox([box for _, box in self.boxes])
        if q.typ == "zahl":
            self.number = widgets.Text(description=f"Antwort {q.einheit}".strip(), placeholder="z. B. 50.000")
            return self.number
        if q.typ == "reihenfolge":
            self.steps = random.sample(range(len(q.schritte)), len(q.schritte))
            self.steps_box = widgets.VBox()
            self.draw_steps()
            return self.steps_box
        definitions = random.sample(range(len(q.paare)), len(q.paare))
        self.dropdowns = [widgets.Dropdown(description=pair.begriff, value=None,
                                           style={"description_width": "initial"},
                                           options=[(q.paare[j].definition, j) for j in definitions])
                          for pair in q.paare]
        return widgets.VBox(self.dropdowns)

    def draw_steps(self):
        rows = []
        for place, step in enumerate(self.steps):
            up, down = widgets.Button(description="↑", layout={"width": "3em"}), widgets.Button(
                description="↓", layout={"width": "3em"})
            up.on_click(lambda _, p=place: self.move(p, -1))
            down.on_click(lambda _, p=place: self.move(p, 1))
            label = widgets.Label(f"{place + 1}. {self.question.schritte[step].text}")
            rows.append(widgets.HBox([up, down, label]))
        self.steps_box.children = rows

    def move(self, place: int, offset: int):
        target = place + offset
        if 0 <= target < len(self.steps):
            self.steps[place], self.steps[target] = self.steps[target], self.steps[place]
            self.draw_steps()

    def answer(self):
        q = self.question
        if q.typ == "einfachauswahl":
            return self.choice.value
        if q.typ == "wahr-falsch":
            return None if self.choice.value is None else ("wahr", "falsch")[self.choice.value]
        if q.typ == "mehrfachauswahl":
            chosen = {i for i, box in self.boxes if box.value}
            return chosen or None
        if q.typ == "zahl":
            return parse_number(self.number.value)
        if q.typ == "reihenfolge":
            return list(self.steps)
        picks = [d.value for d in self.dropdowns]
        return None if None in picks else picks

    def details(self, answer) -> list[str]:
        q = self.question
        if q.typ == "einfachauswahl":
            return [f"„{q.optionen[answer].text}“: {q.optionen[answer].feedback}"]
        if q.typ == "mehrfachauswahl":
            return [f"„{o.text}“: {o.feedback}" for i, o in enumerate(q.optionen) if i in answer or o.richtig]
        if q.typ == "wahr-falsch":
            return [q.feedback_wahr if answer == "wahr" else q.feedback_falsch]
        if q.typ == "zahl":
            right = q.score(answer, self.content.solution(q)) == 1
            return [q.feedback_richtig if right else q.feedback_falsch]
        if q.typ == "reihenfolge":
            return [f"„{q.schritte[s].text}“ gehört an Position {s + 1}: {q.schritte[s].feedback}"
                    for place, s in enumerate(answer) if s != place]
        return [f"„{pair.begriff}“: {pair.feedback}" for i, pair in enumerate(q.paare) if answer[i] != i]

    def check(self):
        answer = self.answer()
        if answer is None:
            self.feedback.value = "<p>Bitte beantworten Sie die Frage zuerst.</p>"
            return
        q = self.question
        if isinstance(q, Numeric):
            self.points = q.score(answer, self.content.solution(q))
        else:
            self.points = q.score(answer)
        items = "".join(f"<li>{escape(text)}</li>" for text in self.details(answer))
        self.feedback.value = (f"<p><b>{verdict(self.points)}</b></p><ul>{items}</ul>"
                               f"<p><b>Erklärung:</b> {escape(q.erklaerung)}</p>")
        self.on_check()


def quiz_widget(content: Content, chapter: Chapter) -> widgets.Widget:
    bank = content.quizzes[chapter.id]
    pass_mark = content.exam.kapitel_bestehensgrenze if content.exam else 80
    summary = widgets.HTML()
    questions: list[QuestionWidget] = []

    def update():
        done = [q.points for q in questions if q.points is not None]
        value = percent([q.points or 0 for q in questions])
        state = "bestanden" if value >= pass_mark else f"noch nicht bestanden (ab {pass_mark} %)"
        summary.value = (f"<p><b>{len(done)} von {len(questions)} Fragen beantwortet: {value} %"
                         + (f" – {state}" if len(done) == len(questions) else "") + "</b></p>")

    order = random.sample(bank.fragen, len(bank.fragen))
    questions += [QuestionWidget(q, content, n, len(order), update) for n, q in enumerate(order, 1)]
    update()
    intro = widgets.HTML(f"<p>{escape(PARTIAL_CREDIT_RULE)}</p>")
    return widgets.VBox([intro, *[q.box for q in questions], summary])


def draw_exam(content: Content, chapters: list[Chapter], rng=random) -> list:
    """Questions for one attempt, spread evenly over the chapters (as in the JS runtime)."""
    banks = [content.quizzes[c.id].fragen for c in chapters if c.id in content.quizzes]
    size = min(content.exam.fragen_pro_versuch, sum(len(bank) for bank in banks))
    each = size // len(banks)
    drawn, rest = [], []
    for bank in banks:
        shuffled = rng.sample(bank, len(bank))
        drawn += shuffled[:each]
        rest += shuffled[each:]
    drawn += rng.sample(rest, size - len(drawn))
    return rng.sample(drawn, len(drawn))


def exam_widget(content: Content, chapters: list[Chapter]) -> widgets.Widget:
    exam = content.exam
    summary = widgets.HTML()
    questions: list[QuestionWidget] = []

    def update():
        done = sum(q.points is not None for q in questions)
        value = percent([q.points or 0 for q in questions])
        passed = "bestanden" if value >= exam.bestehensgrenze else "nicht bestanden"
        result = passed if done == len(questions) else ""
        summary.value = f"<p><b>{done} von {len(questions)} Fragen beantwortet: {value} % {result}</b></p>"

    drawn = draw_exam(content, chapters)
    questions += [QuestionWidget(q, content, n, len(drawn), update) for n, q in enumerate(drawn, 1)]
    update()
    intro = widgets.HTML(f"<p>{escape(exam.titel)}: bestanden ab {exam.bestehensgrenze} %. "
                         f"{escape(PARTIAL_CREDIT_RULE)}</p>")
    return widgets.VBox([intro, *[q.box for q in questions], summary])

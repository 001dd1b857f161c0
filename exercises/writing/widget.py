"""A writing task as an ipywidgets app, for live notebooks.

Same task, model answer and checklist as the page (from the YAML). The text
stays in the kernel's memory only; the notebook has no course progress. Like
the page's textarea, the box keeps at most ``MAX_CHARS`` characters.
"""

from html import escape

import ipywidgets as widgets

from exercises.writing.model import MAX_CHARS, WritingTask


def count_text(text: str) -> str:
    return f"{len(text):,} von {MAX_CHARS:,} Zeichen".replace(",", ".")


def ticked_text(ticked: int, total: int) -> str:
    return f"{ticked} von {total} Punkten treffen auf Ihren Text zu."


class WritingApp:
    """``text``, ``reveal``, ``checks`` and ``summary`` are the widgets tests use."""

    def __init__(self, task: WritingTask):
        self.task = task
        intro = widgets.HTML(
            f"<h4>Schreibaufgabe: {escape(task.titel)}</h4><p><b>Situation:</b> {escape(task.situation)}</p>"
            f"<p><b>Ihr Auftrag:</b> {escape(task.auftrag)} <i>Umfang: {escape(task.umfang)}.</i></p>")
        self.text = widgets.Textarea(placeholder="Schreiben Sie hier Ihren Text.",
                                     layout=widgets.Layout(width="100%", height="12rem"))
        self.count = widgets.Label(count_text(""))
        self.text.observe(self.typed, names="value")
        self.reveal = widgets.Button(description="Musterantwort zeigen")
        self.reveal.on_click(lambda _: self.show())
        self.answer = widgets.HTML()
        self.checks = [widgets.Checkbox(description=item, value=False, indent=False,
                                        layout=widgets.Layout(width="100%"))
                       for item in task.checkliste]
        for check in self.checks:
            check.observe(lambda _: self.update_summary(), names="value")
        self.summary = widgets.Label()
        question = widgets.HTML("<b>Prüfen Sie Ihren Text: Was trifft zu?</b>")
        self.solution = widgets.VBox([self.answer, question, *self.checks, self.summary])
        self.solution.layout.display = "none"
        self.box = widgets.VBox([intro, self.text, self.count, self.reveal, self.solution])

    def typed(self, change) -> None:
        if len(change["new"]) > MAX_CHARS:  # the page's maxlength, applied after the fact
            self.text.value = change["new"][:MAX_CHARS]
            return
        self.count.value = count_text(change["new"])

    def show(self) -> None:
        paragraphs = "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>"
                             for part in self.task.musterantwort.split("\n\n"))
        self.answer.value = f"<b>Musterantwort</b><blockquote>{paragraphs}</blockquote>"
        self.solution.layout.display = None
        self.reveal.disabled = True
        self.update_summary()

    def update_summary(self) -> None:
        self.summary.value = ticked_text(sum(check.value for check in self.checks), len(self.checks))


def writing_widget(task: WritingTask) -> widgets.Widget:
    return WritingApp(task).box

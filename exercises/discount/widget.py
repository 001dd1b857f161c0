"""The discount calculator as an ipywidgets app, for live notebooks.

Computed by ``exercises.discount.model`` like the page and the command line.
The inputs are text boxes that take the same German input as the page ("2,5"),
so a wrong value gets the same message instead of a number.
"""

from html import escape

import ipywidgets as widgets

from exercises.discount.model import (
    LABELS,
    START,
    increase_text,
    loss_text,
    parse_inputs,
    percent,
    result_percent,
    table,
)

STYLE = {"description_width": "14rem"}
TITLES = {"margin": "Marge (% des Preises)", "discount": "Rabatt (%)", "increase": "Preiserhöhung (%)"}


def needed_text(needed: float | None) -> str:
    return "nicht möglich" if needed is None else f"+{result_percent(needed)}"


def result_html(raw: dict[str, str], source_label: str) -> str:
    """The answer for the text inputs: messages, or the two sentences and the table."""
    values, errors = parse_inputs(raw)
    if errors:
        items = "".join(f"<li>{escape(TITLES[name])}: {escape(message)}</li>"
                        for name, message in errors.items())
        return f"<p><b>Bitte korrigieren Sie die Eingaben:</b></p><ul>{items}</ul>"
    margin = values["margin"]
    sentences = []
    if "discount" in values:
        sentences.append(increase_text(margin, values["discount"]))
    if "increase" in values:
        sentences.append(loss_text(margin, values["increase"]))
    rows = "".join(
        f"<tr><th scope='row'>{percent(row.step)}</th><td>{needed_text(row.increase_needed)}</td>"
        f"<td>−{result_percent(row.loss_allowed)}</td></tr>"
        for row in table(margin))
    return ("".join(f"<p>{escape(text)}</p>" for text in sentences)
            + f"<table><caption>Bei {escape(percent(margin))} Marge</caption><thead><tr>"
              "<th scope='col'>Preisänderung</th><th scope='col'>Rabatt: nötige Mehrmenge</th>"
              "<th scope='col'>Erhöhung: möglicher Mengenverlust</th></tr></thead>"
              f"<tbody>{rows}</tbody></table><p>Quelle der Formel: {escape(source_label)}</p>")


class DiscountApp:
    """Three text boxes and the answer; ``inputs`` and ``output`` are the widgets tests use."""

    def __init__(self, source_label: str):
        self.source_label = source_label
        self.inputs = {name: widgets.Text(description=TITLES[name], value=str(START[name]), style=STYLE,
                                          placeholder=f"Zahl für {LABELS[name]}")
                       for name in LABELS}
        self.output = widgets.HTML()
        for box in self.inputs.values():
            box.observe(lambda _: self.update(), names="value")
        self.update()
        intro = widgets.HTML("<p>Geben Sie Ihre Marge und einen Rabatt oder eine Preiserhöhung ein "
                             "(Prozent des Preises, Komma oder Punkt). Leere Felder werden übersprungen.</p>")
        self.box = widgets.VBox([intro, *self.inputs.values(), self.output])

    def update(self) -> None:
        self.output.value = result_html({name: box.value for name, box in self.inputs.items()},
                                        self.source_label)


def discount_widget(source_label: str) -> widgets.Widget:
    return DiscountApp(source_label).box

"""The role-plays as an ipywidgets app for live notebooks (same data, same rules)."""

import random
from html import escape

import ipywidgets as widgets

from exercises.roleplay.data import UI_TEXT
from exercises.roleplay.model import Scenario


def roleplay_widget(scenario: Scenario) -> widgets.Widget:
    text = UI_TEXT[scenario.sprache]
    path: list[tuple[str, int]] = []
    transcript = widgets.HTML()
    choices = widgets.VBox()
    back = widgets.Button(description=text["back"])
    restart = widgets.Button(description=text["restart"])

    def current() -> str:
        name = scenario.start
        for node, index in path:
            name = scenario.knoten[node].optionen[index].weiter
        return name

    def render():
        name, lines = scenario.start, []
        node = scenario.knoten[name]
        lines.append(f"<p><b>{escape(node.sprecher or '')}:</b> {escape(node.text)}</p>")
        for step, index in path:
            option = scenario.knoten[step].optionen[index]
            effects = ", ".join(f"{d} {v:+d}" for d, v in option.wirkung.items())
            verdict = text["feedback"].format(rating=text["ratings"][option.bewertung],
                                              concept=option.konzept, effect=effects)
            lines.append(f"<p><b>{escape(text['you'])}:</b> {escape(option.text)}</p>"
                         f"<p><i>{escape(verdict)}</i><br>{escape(option.feedback)}</p>")
            name = option.weiter
            node = scenario.knoten[name]
            if not node.ende:
                lines.append(f"<p><b>{escape(node.sprecher or '')}:</b> {escape(node.text)}</p>")
        if node.ende:
            totals = scenario.score(path)
            scores = "".join(f"<li>{escape(d)}: {v:+d}</li>" for d, v in totals.items())
            ending = text["ending"].format(title=node.titel)
            lines.append(f"<h4>{escape(ending)}</h4><p>{escape(node.text)}</p>"
                         f"<h5>{escape(text['scores'])}</h5><ul>{scores}</ul>"
                         f"<p><b>{escape(text['debrief'])}:</b> {escape(node.nachbesprechung)}</p>")
            choices.children = []
        else:
            buttons = []
            for index in random.sample(range(len(node.optionen)), len(node.optionen)):
                button = widgets.Button(description=node.optionen[index].text[:80],
                                        tooltip=node.optionen[index].text, layout={"width": "100%"})
                button.on_click(lambda _, n=name, i=index: choose(n, i))
                buttons.append(button)
            choices.children = buttons
        transcript.value = "".join(lines)

    def choose(name: str, index: int):
        path.append((name, index))
        render()

    def step_back(_):
        if path:
            path.pop()
            render()

    def start_over(_):
        path.clear()
        render()

    back.on_click(step_back)
    restart.on_click(start_over)
    intro = widgets.HTML(f"<h3>{escape(scenario.titel)}</h3>"
                         f"<p><b>{escape(text['situation'])}</b>{escape(scenario.situation)}</p>")
    render()
    return widgets.VBox([intro, transcript, choices, widgets.HBox([back, restart])])

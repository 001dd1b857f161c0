"""Negotiation role-plays: branching dialogues as a graph of nodes.

A scenario is valid when every node is reachable, every option leads to an
existing node, there is no cycle (so every path ends), every ending can be
reached and the best path has enough decisions. ``paths`` enumerates every
path, which the tests use to prove that all scores stay bounded.
"""

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, model_validator

from exercises.models import Model, Text

Rating = Literal["beste", "akzeptabel", "schwach"]
MAX_EFFECT = 2  # one choice moves a skill by at most this much, up or down
MIN_BEST_DECISIONS = 5
MIN_ENDINGS = 3


class Choice(Model):
    text: Text
    bewertung: Rating
    konzept: Text
    wirkung: dict[str, Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]]
    feedback: Text
    weiter: Text


class Node(Model):
    sprecher: Text | None = None
    text: Text
    optionen: list[Choice] | None = None
    ende: bool = False
    titel: Text | None = None
    nachbesprechung: Text | None = None

    @model_validator(mode="after")
    def decision_or_ending(self):
        if self.ende:
            if self.optionen:
                raise ValueError("ein Ende hat keine Optionen")
            if not self.titel or not self.nachbesprechung:
                raise ValueError("ein Ende braucht „titel“ und „nachbesprechung“")
        elif not self.optionen or len(self.optionen) < 2:
            raise ValueError("ein Entscheidungsknoten braucht mindestens zwei Optionen "
                             "(oder „ende: true“)")
        elif not self.sprecher:
            raise ValueError("ein Entscheidungsknoten braucht „sprecher“")
        return self


class SellerCard(Model):
    titel: Text
    auftrag: Text
    ziele: list[Text] = Field(min_length=1)
    spielraum: list[Text] = Field(min_length=1)


class BuyerCard(Model):
    titel: Text
    auftrag: Text
    ziele: list[Text] = Field(min_length=1)
    vertrauliche_grenzen: list[Text] = Field(min_length=1)
    taktiken: list[Text] = Field(min_length=1)


class Roles(Model):
    verkauf: SellerCard
    einkauf: BuyerCard
    beobachtung: list[Text] = Field(min_length=3)


class Scenario(Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    titel: Text
    sprache: Literal["de", "en"]
    kapitel: Text
    dimensionen: list[Text] = Field(min_length=2)
    situation: Text
    rollen: Roles
    start: Text
    knoten: dict[str, Node] = Field(min_length=2)

    def endings(self) -> list[str]:
        return [name for name, node in self.knoten.items() if node.ende]

    def paths(self) -> Iterator[list[tuple[str, int]]]:
        """Every path from the start to an ending, as (node, option index) steps."""
        def walk(name: str, taken: list[tuple[str, int]]):
            node = self.knoten[name]
            if node.ende:
                yield taken + [(name, -1)]
                return
            for index, choice in enumerate(node.optionen):
                yield from walk(choice.weiter, taken + [(name, index)])
        yield from walk(self.start, [])

    def best_path(self) -> list[tuple[str, int]]:
        steps, name = [], self.start
        while not self.knoten[name].ende:
            options = self.knoten[name].optionen
            index = next((i for i, c in enumerate(options) if c.bewertung == "beste"), 0)
            steps.append((name, index))
            name = options[index].weiter
        return steps + [(name, -1)]

    def score(self, path: list[tuple[str, int]]) -> dict[str, int]:
        totals = dict.fromkeys(self.dimensionen, 0)
        for name, index in path:
            if index >= 0:
                for dimension, effect in self.knoten[name].optionen[index].wirkung.items():
                    totals[dimension] += effect
        return totals


def graph_problems(scenario: Scenario) -> list[tuple[list, str]]:
    """Structural problems as (YAML location, message); empty if the graph is sound."""
    problems = []
    nodes = scenario.knoten
    if scenario.start not in nodes:
        return [(["start"], f"Startknoten „{scenario.start}“ gibt es nicht")]
    for name, node in nodes.items():
        for index, choice in enumerate(node.optionen or []):
            where = ["knoten", name, "optionen", index]
            if choice.weiter not in nodes:
                message = f"Option führt zu unbekanntem Knoten „{choice.weiter}“"
                problems.append((where + ["weiter"], message))
            unknown = set(choice.wirkung) - set(scenario.dimensionen)
            if unknown:
                message = (f"unbekannte Dimension(en): {', '.join(sorted(unknown))}; "
                           f"erlaubt: {', '.join(scenario.dimensionen)}")
                problems.append((where + ["wirkung"], message))
    if problems:
        return problems
    cycle = find_cycle(scenario)
    if cycle:
        problems.append((["knoten", cycle[0]], "Schleife ohne Ausgang: " + " → ".join(cycle)
                         + " (Dialoge dürfen nicht zu einem früheren Knoten zurückführen)"))
        return problems
    reachable = reachable_nodes(scenario)
    for name in nodes:
        if name not in reachable:
            kind = "Ende" if nodes[name].ende else "Knoten"
            problems.append((["knoten", name], f"{kind} „{name}“ ist vom Start aus nicht erreichbar"))
    endings = scenario.endings()
    if len(endings) < MIN_ENDINGS:
        problems.append((["knoten"], f"mindestens {MIN_ENDINGS} Enden nötig, gefunden: {len(endings)}"))
    if not problems:
        decisions = len(scenario.best_path()) - 1
        if decisions < MIN_BEST_DECISIONS:
            problems.append((["start"], f"der beste Pfad hat nur {decisions} Entscheidungen, "
                                        f"nötig sind mindestens {MIN_BEST_DECISIONS}"))
        for name, node in nodes.items():
            if node.optionen and not any(c.bewertung == "beste" for c in node.optionen):
                problems.append((["knoten", name, "optionen"], "keine Option ist als „beste“ bewertet"))
    return problems


def reachable_nodes(scenario: Scenario) -> set[str]:
    seen, stack = set(), [scenario.start]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack += [choice.weiter for choice in scenario.knoten[name].optionen or []]
    return seen


def find_cycle(scenario: Scenario) -> list[str] | None:
    """A cycle as a list of node names (first repeated at the end), or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(name: str, trail: list[str]) -> list[str] | None:
        if state.get(name) == "open":
            return trail[trail.index(name):] + [name]
        if state.get(name) == "done":
            return None
        state[name] = "open"
        for choice in scenario.knoten[name].optionen or []:
            found = visit(choice.weiter, trail + [name])
            if found:
                return found
        state[name] = "done"
        return None

    for name in scenario.knoten:
        found = visit(name, [])
        if found:
            return found
    return None

"""Negotiation role-plays: branching dialogues as a graph of nodes.

A scenario is valid when every node is reachable, every option leads to an
existing node, there is no cycle (so every path ends), every ending can be
reached and the best path has enough decisions. ``paths`` enumerates every
path, which the tests use to prove that all scores stay bounded.

Where a scenario is about one number (a price, a price increase, a discount),
its ``verhandlung`` block holds the seller's internal mandate, the reservation
price that follows from the BATNA and the buyer's confidential limit, and
choices that put a number on the table carry it as ``angebot``. That lets the
check apply the course's own rules mechanically: an offer past the mandate is
"schwach", so is a concession without anything in return that goes straight to
the mandate, and the seller's side never sees the buyer's limit.
"""

import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, model_validator

from exercises.models import Model, Text

Rating = Literal["beste", "akzeptabel", "schwach"]
MAX_EFFECT = 2  # one choice moves a skill by at most this much, up or down
MIN_BEST_DECISIONS = 5
MIN_ENDINGS = 3


class Offer(Model):
    """The number a choice puts on the table, and whether it asks for something in return."""

    wert: int | float
    gegenleistung: bool


class Choice(Model):
    text: Text
    bewertung: Rating
    konzept: Text
    wirkung: dict[str, Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]]
    feedback: Text
    weiter: Text
    angebot: Offer | None = None


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
    name: Text  # the buyer's name as the dialogue uses it, e.g. "Frau Vogt"
    titel: Text
    auftrag: Text
    ziele: list[Text] = Field(min_length=1)
    vertrauliche_grenzen: list[Text] = Field(min_length=1)
    taktiken: list[Text] = Field(min_length=1)


class Roles(Model):
    verkauf: SellerCard
    einkauf: BuyerCard
    beobachtung: list[Text] = Field(min_length=3)


class Negotiation(Model):
    """The one number the talks turn on, seen from the selling side."""

    einheit: Literal["€", "%"]
    hoeher_ist_besser: bool  # True for a price or price increase, False for a discount
    mandat: int | float  # the management's limit for the seller
    reservationspreis: int | float  # where a deal becomes worse than the seller's BATNA
    grenze_einkauf: int | float  # the buyer's confidential limit

    def worse(self, value: float, than: float) -> bool:
        """True if ``value`` is worse for the seller than ``than``."""
        return value < than if self.hoeher_ist_besser else value > than


class Scenario(Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    titel: Text
    sprache: Literal["de", "en"]
    kapitel: Text
    dimensionen: list[Text] = Field(min_length=2)
    situation: Text
    rollen: Roles
    verhandlung: Negotiation | None = None
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
    return problems + negotiation_problems(scenario)


NUMBER = r"\d+(?:[.,]\d+)*"
# An amount is a number with its unit: "2,5 %", "4 Prozent", "€98", "98 Euro"; other numbers
# in the same text ("1,5 Millionen Sensoren") are not amounts of the negotiated figure.
AMOUNT = {
    "%": re.compile(rf"({NUMBER})\s*(?:%|Prozent|per ?cent)"),
    "€": re.compile(rf"€\s*({NUMBER})|({NUMBER})\s*(?:€|(?:Euro|euros?)\b)"),
}


def amounts_in(text: str, unit: str, language: str) -> set[float]:
    """Every amount in ``unit``; "2,5" and "1.500" in German, "2.5" and "1,500" in English."""
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    values = set()
    for groups in AMOUNT[unit].findall(text):
        number = "".join(groups) if isinstance(groups, tuple) else groups
        try:
            values.add(float(number.replace(thousands, "").replace(decimal, ".")))
        except ValueError:  # e.g. "1.2.3": not an amount the rules are about
            continue
    return values


def seller_texts(scenario: Scenario) -> list[tuple[list, str]]:
    """What the selling side reads before the talks: the situation and the seller's card."""
    card = scenario.rollen.verkauf
    texts = [(["situation"], scenario.situation), (["rollen", "verkauf", "auftrag"], card.auftrag)]
    for field in ("ziele", "spielraum"):
        texts += [(["rollen", "verkauf", field, i], line) for i, line in enumerate(getattr(card, field))]
    return texts


def negotiation_problems(scenario: Scenario) -> list[tuple[list, str]]:
    """The course's negotiation rules, applied to a scenario's numbers and ratings."""
    frame = scenario.verhandlung
    if frame is None:
        return []
    unit = frame.einheit
    problems = []
    if frame.worse(frame.mandat, frame.reservationspreis):
        problems.append((["verhandlung", "mandat"],
                         f"das Mandat ({frame.mandat:g} {unit}) ist schlechter als der Reservations"
                         f"preis ({frame.reservationspreis:g} {unit}), also schlechter als die BATNA"))
    texts = seller_texts(scenario)
    seen = set().union(*(amounts_in(text, unit, scenario.sprache) for _, text in texts))
    for key, label in (("mandat", "das Mandat"), ("reservationspreis", "der Reservationspreis")):
        if float(getattr(frame, key)) not in seen:
            problems.append((["verhandlung", key], f"{label} ({getattr(frame, key):g} {unit}) steht weder "
                                                   "in der Lage noch auf der Verkaufskarte"))
    for location, text in texts:
        if float(frame.grenze_einkauf) in amounts_in(text, unit, scenario.sprache):
            problems.append((location, "die Verkaufsseite sieht die vertrauliche Grenze des Einkaufs "
                                       f"({frame.grenze_einkauf:g} {unit}); sie gehört nur auf die "
                                       "Einkaufskarte"))
    for name, node in scenario.knoten.items():
        for index, choice in enumerate(node.optionen or []):
            offer = choice.angebot
            if offer is None or choice.bewertung == "schwach":
                continue
            where = ["knoten", name, "optionen", index, "bewertung"]
            if frame.worse(offer.wert, frame.mandat):
                problems.append((where, f"ein Angebot von {offer.wert:g} {unit} liegt jenseits des Mandats "
                                        f"({frame.mandat:g} {unit}) und ist deshalb „schwach“"))
            elif offer.wert == frame.mandat and not offer.gegenleistung:
                problems.append((where, f"ein Zugeständnis ohne Gegenleistung bis an das Mandat "
                                        f"({frame.mandat:g} {unit}) ist „schwach“"))
    return problems


def buyer_name_problems(scenarios: dict[str, Scenario]) -> list[tuple[str, list, str]]:
    """(scenario id, location, message) for buyers who share a surname with another scenario's buyer."""
    problems, first = [], {}
    for scenario_id, scenario in scenarios.items():
        surname = scenario.rollen.einkauf.name.split()[-1]
        if surname in first:
            problems.append((scenario_id, ["rollen", "einkauf", "name"],
                             f"der Einkauf heißt wie im Rollenspiel „{first[surname]}“ ({surname}); "
                             "jedes Szenario braucht eigene Namen"))
        else:
            first[surname] = scenario_id
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

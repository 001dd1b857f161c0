"""The workbook's content (``exercises/inhalte/arbeitsmappe.yml``) and the shape of its entries.

The workbook walks through the five parts of an account plan the Aufgaben
chapter teaches, twice: for the case company of a role-play ("fall") and for
the learner's own customer ("eigen"). The page keeps the entries in the
progress state under ``workbook`` (``Kurs.progress.savePractice``), one entry
per key:

  "<plan>:<field id>"    text of a field
  "<plan>:stakeholder"   [[name, <code per attribute, in YAML order>], …]
  "<plan>:whitespace"    {"<row>.<column>": option code}; rows and columns are
                         the case's unit and product ids, or 1-based slots for
                         the learner's own customer
  "eigen:einheiten", "eigen:produkte"   the names of those slots (a list of texts)

An empty value removes its entry. Every text has a maximum length, so the
largest possible state is known: ``worst_case_state`` builds it (every
character one that JSON escapes) and the check refuses content whose worst case
exceeds ``STATE_LIMIT``. That fits SCORM 2004's suspend_data (64,000
characters) next to the rest of the progress; SCORM 1.2 (4,096) leaves the free
texts out when they do not fit and keeps them in the browser (assets/kurs-lms.js).
"""

import json
import re
from typing import Annotated

from pydantic import Field, StringConstraints

from exercises.models import Model, Text

PLANS = {"fall": "Fallbeispiel", "eigen": "Ihr eigener Kunde"}
# The five parts of an account plan as the Aufgaben chapter teaches them (and FACTS.md section 2).
PARTS = ("ueberblick", "ziele", "potenzial", "stakeholder", "massnahmen")
STATE_LIMIT = 12_000  # characters of JSON for the whole workbook, worst case
# Option codes are stored once per cell or person, so they stay short (checks.py); ids name fields.
CODE = re.compile(r"[a-z][a-z0-9-]{0,11}")
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
Length = Annotated[int, Field(ge=20, le=1000)]


class TextField(Model):
    """One text field: label, what to write, and an example answer for the case."""

    id: Id
    label: Text
    anleitung: Text
    beispiel: Text
    laenge: Length
    zeilen: Annotated[int, Field(ge=1, le=12)] = 4


class Part(Model):
    id: Id
    titel: Text
    frage: Text
    felder: list[TextField] = Field(min_length=1)


class Attribute(Model):
    """A select of the stakeholder map: its label and options (code -> text)."""

    label: Text
    optionen: dict[str, Text] = Field(min_length=2)


class Named(Model):
    id: Id
    name: Text


class StakeholderMap(Model):
    anleitung: Text
    personen_max: Annotated[int, Field(ge=1, le=12)]
    name_laenge: Length
    merkmale: dict[str, Attribute] = Field(min_length=1)
    beispiel: list[dict[str, str]] = Field(min_length=1)


class Whitespace(Model):
    anleitung: Text
    optionen: dict[str, Text] = Field(min_length=2)
    eigene_einheiten: Annotated[int, Field(ge=1, le=8)]
    eigene_produkte: Annotated[int, Field(ge=1, le=8)]
    name_laenge: Length


class Case(Model):
    """The case company: a customer from one of the course's role-plays."""

    rollenspiel: Id
    kunde: Text
    anbieter: Text
    beschreibung: list[Text] = Field(min_length=1)
    einheiten: list[Named] = Field(min_length=1)
    produkte: list[Named] = Field(min_length=1)
    whitespace_beispiel: dict[str, str]


class Workbook(Model):
    titel: Text
    einleitung: Text
    quelle: Id
    fall: Case
    eigen_einleitung: Text
    bausteine: list[Part]
    stakeholder: StakeholderMap
    whitespace: Whitespace


def fields(workbook: Workbook) -> list[TextField]:
    return [field for part in workbook.bausteine for field in part.felder]


def own_slots(workbook: Workbook) -> tuple[list[str], list[str]]:
    """Row and column keys of the learner's own whitespace matrix: "1", "2", …"""
    return ([str(n) for n in range(1, workbook.whitespace.eigene_einheiten + 1)],
            [str(n) for n in range(1, workbook.whitespace.eigene_produkte + 1)])


def matrix_keys(workbook: Workbook, plan: str) -> list[str]:
    if plan == "fall":
        rows, columns = [u.id for u in workbook.fall.einheiten], [p.id for p in workbook.fall.produkte]
    else:
        rows, columns = own_slots(workbook)
    return [f"{row}.{column}" for row in rows for column in columns]


def worst_case_state(workbook: Workbook) -> dict:
    """The largest workbook entry the page can save: every text at its maximum length,
    made of a character JSON escapes (the page drops control characters, whose escapes
    would be longer), every stakeholder row used and every cell set to the longest code."""
    escaped = '"'
    longest = max(workbook.whitespace.optionen, key=len)
    state: dict = {}
    for plan in PLANS:
        for field in fields(workbook):
            state[f"{plan}:{field.id}"] = escaped * field.laenge
        row = [escaped * workbook.stakeholder.name_laenge,
               *(max(a.optionen, key=len) for a in workbook.stakeholder.merkmale.values())]
        state[f"{plan}:stakeholder"] = [row] * workbook.stakeholder.personen_max
        state[f"{plan}:whitespace"] = {key: longest for key in matrix_keys(workbook, plan)}
    name = escaped * workbook.whitespace.name_laenge
    state["eigen:einheiten"] = [name] * workbook.whitespace.eigene_einheiten
    state["eigen:produkte"] = [name] * workbook.whitespace.eigene_produkte
    return state


def state_size(state: dict) -> int:
    """Characters of the state as JSON.stringify writes it (no spaces, non-ASCII kept)."""
    return len(json.dumps(state, ensure_ascii=False, separators=(",", ":")))

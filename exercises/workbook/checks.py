"""Checks across the workbook's content: the five parts in the course's order,
the role-play and source it names, the example matrix and the size limit.

Each problem is (YAML location, German message); ``exercises/content.py``
turns it into ``PATH:LINE: message``.
"""

from collections.abc import Container

from exercises.workbook.model import (
    CODE,
    PARTS,
    STATE_LIMIT,
    Workbook,
    matrix_keys,
    state_size,
    worst_case_state,
)


def workbook_problems(workbook: Workbook, scenarios: Container[str],
                      sources: Container[str]) -> list[tuple[list, str]]:
    problems: list[tuple[list, str]] = []
    found = [part.id for part in workbook.bausteine]
    if found != list(PARTS):
        problems.append((["bausteine"], "die Bausteine müssen die fünf des Kapitels Aufgaben sein, in dieser "
                         "Reihenfolge: " + ", ".join(PARTS) + "; gefunden: " + ", ".join(found)))
    seen: set[str] = set()
    for index, part in enumerate(workbook.bausteine):
        for number, field in enumerate(part.felder):
            if field.id in seen:
                problems.append((["bausteine", index, "felder", number, "id"],
                                 f"doppelte Feld-ID „{field.id}“"))
            seen.add(field.id)
            if len(field.beispiel) > field.laenge:
                problems.append((["bausteine", index, "felder", number, "beispiel"],
                                 f"{field.id}: die Beispielantwort ist länger ({len(field.beispiel)} "
                                 f"Zeichen) als das Feld erlaubt ({field.laenge})"))
    if workbook.fall.rollenspiel not in scenarios:
        problems.append((["fall", "rollenspiel"], f"unbekanntes Rollenspiel „{workbook.fall.rollenspiel}“"))
    if workbook.quelle not in sources:
        problems.append((["quelle"], f"unbekannte Quelle „{workbook.quelle}“"))
    problems += code_problems(workbook)
    problems += example_matrix_problems(workbook)
    problems += example_people_problems(workbook)
    size = state_size(worst_case_state(workbook))
    if size > STATE_LIMIT:
        problems.append(([], f"die Arbeitsmappe kann bis zu {size} Zeichen JSON speichern, erlaubt sind "
                         f"{STATE_LIMIT}; bitte Feldlängen, Personen oder Matrix verkleinern"))
    return problems


def example_matrix_problems(workbook: Workbook) -> list[tuple[list, str]]:
    cells = set(matrix_keys(workbook, "fall"))
    problems = []
    for key, code in workbook.fall.whitespace_beispiel.items():
        if key not in cells:
            problems.append((["fall", "whitespace_beispiel", key],
                             f"unbekannte Zelle „{key}“; erwartet wird Einheit.Produkt aus den IDs "
                             "des Falls"))
        elif code not in workbook.whitespace.optionen:
            problems.append((["fall", "whitespace_beispiel", key], f"„{key}“: unbekannte Auswahl „{code}“; "
                             "erlaubt: " + ", ".join(workbook.whitespace.optionen)))
    return problems


def example_people_problems(workbook: Workbook) -> list[tuple[list, str]]:
    """Every person of the example map has a name and a known option per attribute."""
    attributes = workbook.stakeholder.merkmale
    problems = []
    for index, row in enumerate(workbook.stakeholder.beispiel):
        where = ["stakeholder", "beispiel", index]
        name = row.get("name", "")
        if not name.strip():
            problems.append((where, "Beispielperson ohne „name“"))
        for key in sorted(set(row) - {"name", *attributes}):
            problems.append(([*where, key], f"{name}: unbekanntes Merkmal „{key}“; bekannt: "
                             + ", ".join(attributes)))
        for key, attribute in attributes.items():
            if row.get(key) not in attribute.optionen:
                allowed = ", ".join(attribute.optionen)
                problems.append(([*where, key] if key in row else where,
                                 f"{name}: „{key}“ muss einer von {allowed} sein"))
    return problems


def code_problems(workbook: Workbook) -> list[tuple[list, str]]:
    """Option codes and attribute keys are stored with every entry: short, lower case."""
    named = [(["stakeholder", "merkmale", key], key) for key in workbook.stakeholder.merkmale]
    for key, attribute in workbook.stakeholder.merkmale.items():
        named += [(["stakeholder", "merkmale", key, "optionen", code], code) for code in attribute.optionen]
    named += [(["whitespace", "optionen", code], code) for code in workbook.whitespace.optionen]
    rule = "darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten und höchstens 12 Zeichen lang sein"
    return [(where, f"der Code „{code}“ {rule}") for where, code in named if not CODE.fullmatch(code)]

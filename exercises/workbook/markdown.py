"""The workbook as Markdown: the export of the page (``assets/kurs-arbeitsmappe.js``
writes the same text, the tests compare both) and of the notebook app.

Learner text is escaped so that it shows as typed: characters that would start
emphasis, code, links, HTML or table cells get a backslash anywhere, and those
that only start a block (a heading, quote, list item) get one at the start of a
line. Each typed line stays a line (a backslash hard break).
"""

import re

from exercises.workbook.model import PARTS, PLANS, Workbook, own_slots

INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# At the start of a line: a heading, quote, list item or setext underline, or a numbered item.
BLOCK_START = re.compile(r"^([#>+=-])|^([0-9]+)([.)])")
EMPTY = "–"


def escape_inline(text: str) -> str:
    return INLINE.sub(r"\\\1", text)


def escape_line(line: str) -> str:
    line = escape_inline(line.strip())
    return BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def escape_block(text: str) -> str:
    """A typed text as Markdown paragraphs; empty lines separate paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    lines = [[escape_line(line) for line in paragraph.split("\n") if line.strip()]
             for paragraph in paragraphs]
    return "\n\n".join("\\\n".join(paragraph) for paragraph in lines if paragraph) or EMPTY


def cell(text: str) -> str:
    return escape_inline(" ".join(text.split())) or EMPTY


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)]


def matrix_lines(workbook: Workbook, plan: str, entries: dict) -> list[str]:
    options = workbook.whitespace.optionen
    if plan == "fall":
        rows = [(u.id, u.name) for u in workbook.fall.einheiten]
        columns = [(p.id, p.name) for p in workbook.fall.produkte]
    else:
        row_keys, column_keys = own_slots(workbook)
        names = (entries.get("eigen:einheiten") or [], entries.get("eigen:produkte") or [])
        rows = [(key, text_at(names[0], i) or f"Bereich {key}") for i, key in enumerate(row_keys)]
        columns = [(key, text_at(names[1], i) or f"Produkt {key}") for i, key in enumerate(column_keys)]
    cells = entries.get(f"{plan}:whitespace")
    cells = cells if isinstance(cells, dict) else {}
    return table(["Bereich des Kunden", *(name for _, name in columns)],
                 [[name, *(options.get(cells.get(f"{row}.{column}"), "") for column, _ in columns)]
                  for row, name in rows])


def stakeholder_lines(workbook: Workbook, plan: str, entries: dict) -> list[str]:
    attributes = workbook.stakeholder.merkmale
    people = entries.get(f"{plan}:stakeholder")
    people = people if isinstance(people, list) else []
    if not people:
        return ["Noch keine Personen eingetragen."]
    rows = []
    for person in people:
        values = [text_at(person, i + 1) for i in range(len(attributes))]
        rows.append([text_at(person, 0) or "(ohne Namen)",
                     *(a.optionen.get(v, "") for a, v in zip(attributes.values(), values, strict=True))])
    return table(["Person", *(a.label for a in attributes.values())], rows)


def text_at(values, index: int) -> str:
    """values[index] if that is a text, else "" (stored entries may come from an old or edited state)."""
    if isinstance(values, list) and index < len(values) and isinstance(values[index], str):
        return values[index]
    return ""


def workbook_markdown(workbook: Workbook, entries: dict) -> str:
    """The whole workbook for the entries as the page stores them (see model.py)."""
    lines = [f"# {escape_inline(workbook.titel)}", ""]
    for plan, plan_title in PLANS.items():
        heading = f"{plan_title}: {workbook.fall.kunde}" if plan == "fall" else plan_title
        lines += [f"## {escape_inline(heading)}", ""]
        for number, part in enumerate(workbook.bausteine, 1):
            lines += [f"### {number}. {escape_inline(part.titel)}", ""]
            if part.id == PARTS[2]:
                lines += ["**Whitespace-Matrix**", "", *matrix_lines(workbook, plan, entries), ""]
            if part.id == PARTS[3]:
                lines += ["**Personen**", "", *stakeholder_lines(workbook, plan, entries), ""]
            for field in part.felder:
                value = entries.get(f"{plan}:{field.id}")
                lines += [f"**{escape_inline(field.label)}**", "",
                          escape_block(value if isinstance(value, str) else ""), ""]
    return "\n".join(lines)

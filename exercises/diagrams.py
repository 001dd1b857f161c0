"""Diagrams drawn by code at build time, from the same data as the prose.

A diagram is returned as an object with ``_repr_html_``: in the book it
becomes inline SVG (text stays selectable and readable by screen readers),
in Jupyter it shows the same picture.
"""

from dataclasses import dataclass
from html import escape

from exercises.content import require_content
from exercises.formatting import german_number, with_unit

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


@dataclass
class Row:
    label: str
    note: str
    low: float
    high: float | None = None  # None: a single value, drawn as a point


@dataclass
class Diagram:
    svg: str
    caption: str

    def _repr_html_(self) -> str:
        return (f'<figure class="kurs-diagramm">{self.svg}'
                f"<figcaption>{escape(self.caption)}</figcaption></figure>")


def salary_rows() -> list[Row]:
    """The annual figures of each salary source; monthly ones times twelve."""
    figures = require_content().figures

    def value(figure_id: str) -> float:
        return figures[figure_id].wert

    return [
        Row("Artikel (2020)", "Richtwert-Spanne", value("gehalt_jahr_von"), value("gehalt_jahr_bis")),
        Row("Artikel (2020)", f"über {with_unit(value('gehalt_monat_artikel'), '€')} im Monat, × 12",
            value("gehalt_monat_artikel") * 12),
        Row("StepStone (2021)", "Spanne", value("stepstone_2021_von"), value("stepstone_2021_bis")),
        Row("StepStone (2021)", "Durchschnitt", value("stepstone_2021_mittel")),
        Row("stellenanzeigen.de (2021)", "Durchschnitt", value("stellenanzeigen_2021_mittel")),
        Row("Bundesagentur (2021)", "Monatswert × 12", value("ba_2021_monat") * 12),
    ]


def salary_sources_chart() -> Diagram:
    """Ranges and points of all salary sources on one euro axis.

    Narrow on purpose (480 units): each source's name and amount stand above its
    bar, so on a 390 px phone the text keeps at least 11 px. Colours are attributes
    for Jupyter; in the book, CSS classes give them the page's (light or dark) colours.
    """
    rows = salary_rows()
    axis_from, axis_to, step = 40_000, 110_000, 10_000
    left, right, top, row_height = 20, 460, 10, 84
    axis_y = top + row_height * len(rows)
    height = axis_y + 56

    def x(euros: float) -> float:
        return left + (euros - axis_from) / (axis_to - axis_from) * (right - left)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 {height}" role="img" '
        f'aria-labelledby="gehaltsquellen-titel gehaltsquellen-text" font-family="{FONT}" '
        'font-size="16">',
        '<title id="gehaltsquellen-titel">Jahresgehälter von Key Account Manager:innen '
        "nach Quelle</title>",
        f'<desc id="gehaltsquellen-text">{escape(describe(rows))}</desc>',
    ]
    for index, row in enumerate(rows):
        y = top + row_height * index
        bar_y = y + 62
        parts.append(f'<text x="{left - 10}" y="{y + 18}" font-weight="600" fill="#1a1a1a" '
                     f'class="kurs-diagramm-text">{escape(row.label)}</text>')
        parts.append(f'<text x="{left - 10}" y="{y + 40}" fill="#1a1a1a" class="kurs-diagramm-text">'
                     f"{escape(row.note)}: {escape(amount(row))}</text>")
        for tick in range(axis_from, axis_to + 1, step):
            parts.append(f'<line x1="{x(tick):.1f}" y1="{bar_y - 14}" x2="{x(tick):.1f}" '
                         f'y2="{bar_y + 14}" stroke="#c8c8c8" class="kurs-diagramm-raster"/>')
        if row.high is None:
            # A point is a diamond, a range a bar: the shape, not the colour, tells them apart.
            parts.append(f'<path d="M{x(row.low):.1f} {bar_y - 11} l11 11 l-11 11 l-11 -11 z" '
                         'fill="#0b4f6c" class="kurs-diagramm-punkt"/>')
        else:
            parts.append(f'<rect x="{x(row.low):.1f}" y="{bar_y - 10}" '
                         f'width="{x(row.high) - x(row.low):.1f}" height="20" rx="4" fill="#9cc7da" '
                         'stroke="#0b4f6c" stroke-width="2" class="kurs-diagramm-spanne"/>')
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#1a1a1a" '
                 'class="kurs-diagramm-achse"/>')
    for tick in range(axis_from, axis_to + 1, step):
        parts.append(f'<text x="{x(tick):.1f}" y="{axis_y + 22}" text-anchor="middle" fill="#1a1a1a" '
                     f'class="kurs-diagramm-text">{german_number(tick / 1000)}</text>')
    parts.append(f'<text x="{(left + right) / 2}" y="{axis_y + 46}" text-anchor="middle" '
                 'fill="#1a1a1a" class="kurs-diagramm-text">Tausend Euro brutto im Jahr</text>')
    parts.append("</svg>")
    caption = ("Gehaltsangaben verschiedener Quellen auf einer gemeinsamen Achse. Balken zeigen "
               "Spannen, Rauten einzelne Werte; Monatswerte sind mal zwölf gerechnet, ohne "
               "Sonderzahlungen. Quellen und Jahre: siehe Quellenverzeichnis.")
    return Diagram("".join(parts), caption)


def amount(row: Row) -> str:
    if row.high is None:
        return f"{german_number(row.low)} €"
    return f"{german_number(row.low)}–{german_number(row.high)} €"


def describe(rows: list[Row]) -> str:
    """The chart as a sentence, for screen readers."""
    return "; ".join(f"{row.label}, {row.note}: {amount(row)}" for row in rows) + "."

"""The data of the static calculator (``assets/kurs-rabatt.js``): limits, the
starting example, the steps of the table and the source. The page repeats only
the two formulas of ``model.py`` and their rounding."""

from collections.abc import Callable

from exercises.discount.model import DECIMALS, LIMITS, SOURCE, START, STEPS
from exercises.models import Source


def source_json(source: Source) -> dict:
    return {"id": SOURCE, "title": source.kurz, "year": source.jahr}


def page_data(source: Source, source_link: Callable[[str], str]) -> dict:
    return {
        "limits": list(LIMITS),
        "decimals": DECIMALS,
        "steps": list(STEPS),
        "start": START,
        "source": {**source_json(source), "href": source_link(SOURCE)},
    }

"""What a price change costs in volume: the single source of every number.

A price cut of r % at a contribution margin of m % (of the price) keeps the
same total contribution only if the volume grows by r / (m − r); a price
increase of p % keeps it as long as no more than p / (m + p) of the volume is
lost (the breakeven sales change, see the source ``SOURCE``). Results are
percentages rounded to one decimal, halves up, with the same floating-point
steps as ``assets/kurs-rabatt.js``, so page, notebook and command line agree;
the tests compare them.
"""

import math
import re
from dataclasses import dataclass

from exercises.formatting import german_number

SOURCE = "nagle-hogan-zale-2011"  # the entry in exercises/inhalte/quellen.yml
LIMITS = (0, 100)  # every input is a percentage of the price
DECIMALS = 1
STEPS = (1, 2, 3, 4, 5)  # the price changes of the table and the chart, in %
START = {"margin": 25, "discount": 3, "increase": 3}  # the example the page opens with
LABELS = {"margin": "die Marge", "discount": "den Rabatt", "increase": "die Preiserhöhung"}
# ASCII digits only (Python's \d also takes other scripts), a comma or a point, two decimals at most.
NUMBER = re.compile(r"\s*([+-]?[0-9]+)(?:[.,]([0-9]{1,2}))?\s*")


def round_percent(value: float) -> float:
    """To one decimal, halves up: the same steps as Math.floor(x * 10 + 0.5) / 10 in the page."""
    return math.floor(value * 10 + 0.5) / 10


def volume_increase(margin: float, discount: float) -> float:
    """The extra volume (%) that keeps the contribution after a price cut; needs discount < margin."""
    if not LIMITS[0] <= discount < margin <= LIMITS[1]:
        raise ValueError(f"Rabatt {discount} und Marge {margin}: braucht 0 ≤ Rabatt < Marge ≤ 100")
    return round_percent(100 * discount / (margin - discount))


def volume_loss(margin: float, increase: float) -> float:
    """The volume (%) a price increase may lose before the contribution drops."""
    if not (LIMITS[0] < margin <= LIMITS[1] and LIMITS[0] <= increase <= LIMITS[1]):
        raise ValueError(f"Preiserhöhung {increase} und Marge {margin}: braucht 0 < Marge ≤ 100, "
                         "0 ≤ Erhöhung ≤ 100")
    return round_percent(100 * increase / (margin + increase))


@dataclass(frozen=True)
class Row:
    """One line of the table: a price change and what it means for the volume."""

    step: int
    increase_needed: float | None  # None: a cut of this size cannot be made up by volume
    loss_allowed: float


def table(margin: float) -> list[Row]:
    return [Row(step, volume_increase(margin, step) if step < margin else None, volume_loss(margin, step))
            for step in STEPS]


# ---------- checked input (command line, notebook) ----------


def parse_percent(text: str | None, what: str) -> tuple[float | None, str | None]:
    """A percentage typed by a person ("3", "2,5", "2.5"), or a German message."""
    allowed = f"Zahlen von {LIMITS[0]} bis {LIMITS[1]}, höchstens zwei Nachkommastellen"
    if text is None or not str(text).strip():
        return None, f"fehlt; bitte {what} in Prozent angeben ({allowed})"
    match = NUMBER.fullmatch(str(text))
    if not match:
        return None, f"„{text}“ ist keine Zahl; erlaubt: {allowed}"
    value = float(f"{match[1]}.{match[2] or 0}")
    if not LIMITS[0] <= value <= LIMITS[1]:
        return None, (f"{percent(value)} liegt außerhalb des erlaubten Bereichs; "
                      f"erlaubt: {LIMITS[0]} bis {LIMITS[1]}")
    return value, None


def parse_inputs(raw: dict[str, str | None]) -> tuple[dict[str, float], dict[str, str]]:
    """Checked values per input name (margin, discount, increase) or German messages per name.

    The margin is required; a discount or increase left out is not computed.
    """
    values: dict[str, float] = {}
    errors: dict[str, str] = {}
    for name in LABELS:
        text = raw.get(name)
        if name != "margin" and (text is None or not str(text).strip()):
            continue
        value, message = parse_percent(text, LABELS[name])
        if message:
            errors[name] = message
        else:
            values[name] = value
    margin = values.get("margin")
    if margin is not None and margin <= LIMITS[0]:
        errors["margin"] = "muss größer als 0 sein; ohne Marge gibt es keinen Deckungsbeitrag zu halten"
    elif margin is not None and values.get("discount", -1) >= margin:
        errors["discount"] = (f"{percent(values['discount'])} ist nicht kleiner als die Marge von "
                              f"{percent(margin)}; dann bleibt je Stück nichts übrig, und keine Mehrmenge "
                              "gleicht den Rabatt aus")
    return values, errors


# ---------- text ----------


def percent(value: float) -> str:
    """An input in German format, as typed: 3.0 -> "3 %", 2.25 -> "2,25 %" (no-break space)."""
    text = german_number(value, 2)
    return f"{text.rstrip('0').rstrip(',')}\u00a0%"


def result_percent(value: float) -> str:
    """A result, always with one decimal: "13,6 %", "50,0 %"."""
    return f"{german_number(value, DECIMALS)}\u00a0%"


def increase_text(margin: float, discount: float) -> str:
    return (f"Bei {percent(margin)} Marge kostet ein Rabatt von {percent(discount)} so viel Deckungsbeitrag, "
            f"dass Sie {result_percent(volume_increase(margin, discount))} mehr Menge verkaufen müssen, "
            "um gleich viel zu verdienen.")


def loss_text(margin: float, increase: float) -> str:
    return (f"Bei {percent(margin)} Marge dürfen nach einer Preiserhöhung um {percent(increase)} bis zu "
            f"{result_percent(volume_loss(margin, increase))} der Menge wegfallen, bevor der "
            "Deckungsbeitrag sinkt.")


def as_number(value: float) -> int | float:
    """25.0 -> 25 in JSON, 2.5 stays 2.5."""
    return int(value) if value.is_integer() else value


def result_json(values: dict[str, float], source: dict) -> dict:
    """The command line's ``--json`` output: the inputs and what they mean for the volume."""
    data: dict = {"inputs": {f"{name}_percent": as_number(value) for name, value in values.items()}}
    if "discount" in values:
        data["volume_increase_percent"] = volume_increase(values["margin"], values["discount"])
    if "increase" in values:
        data["volume_loss_percent"] = volume_loss(values["margin"], values["increase"])
    data["rounded_to_decimals"] = DECIMALS
    data["source"] = source
    return data

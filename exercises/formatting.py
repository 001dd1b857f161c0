"""German number formatting shared by prose, diagrams and (later) widgets."""


def german_number(value: float, decimals: int | None = None) -> str:
    """65000 -> "65.000", 4.6 -> "4,6"; whole numbers get no decimals."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def with_unit(value: float, unit: str) -> str:
    """A figure as printed in the course: "50.000 €", "20 %", "30 Tage"."""
    number = german_number(value)
    # A narrow no-break space keeps number and unit on one line (DIN 5008 spacing).
    return f"{number}\u00a0{unit}" if unit else number

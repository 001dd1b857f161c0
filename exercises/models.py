"""Validated models of the course's content data (field names as in the YAML)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Topic = Literal[
    "Grundlage des Kurses", "Modelle und Werkzeuge", "Verhandlung", "Branchen", "Gehalt", "Lernen",
    "Recht und Compliance",
]
Unit = Literal["€", "%", "Tage", ""]


# A required, non-empty string: the common field type of all content models.
Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Model):
    """An entry of the sources page; ``jahr`` may say that the year is unclear."""

    kurz: str = Field(min_length=1)
    angabe: str = Field(min_length=1)
    jahr: int | str
    thema: Topic


class Figure(Model):
    """A number printed in the prose with {zahl}`id`."""

    wert: int | float
    einheit: Unit
    quelle: str


class GlossaryEntry(Model):
    definition: str = Field(min_length=1)
    quelle: str | None = None


# pydantic names the branch of a union in the error location ("wert", "int");
# those tags are not YAML keys and are left out of locations and messages.
UNION_TAGS = {"int", "float", "str", "bool", "none"}
TAGS = {"einfachauswahl", "mehrfachauswahl", "wahr-falsch", "zahl", "reihenfolge", "zuordnung"}


def describe(field: str, error: dict) -> str:
    """One pydantic error in German, for trainers who edit YAML."""
    kind = error["type"]
    if kind == "value_error":  # raised by our own validators, already in German
        return error["msg"].removeprefix("Value error, ")
    if kind == "union_tag_invalid":
        context = error.get("ctx", {})
        return (f"unbekannter Fragetyp „{context.get('tag')}“ (Feld „typ“); erlaubt: "
                f"{context.get('expected_tags', '')}")
    if kind == "missing":
        return f"Pflichtfeld „{field}“ fehlt"
    if kind == "extra_forbidden":
        return f"unbekanntes Feld „{field}“"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if "@" in pattern:
            return f"„{field}“ ist keine gültige E-Mail-Adresse"
        return f"„{field}“ darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten"
    if kind == "less_than_equal":
        return f"„{field}“ darf höchstens {error['ctx']['le']} sein"
    if kind == "greater_than_equal":
        return f"„{field}“ muss mindestens {error['ctx']['ge']} sein"
    if kind in ("too_short", "too_long"):
        return f"„{field}“ hat zu {'wenige' if kind == 'too_short' else 'viele'} Einträge ({error['msg']})"
    if kind == "literal_error":
        allowed = str(error.get("ctx", {}).get("expected", "")).replace(" or ", " oder ")
        return f"„{field}“ hat einen ungültigen Wert; erlaubt: {allowed}"
    if kind == "string_too_short":
        return f"„{field}“ darf nicht leer sein"
    if kind.endswith("_type"):
        return f"„{field}“ hat den falschen Typ"
    return f"„{field}“: {error['msg']}"


def validation_errors(error: ValidationError) -> list[tuple[tuple, str]]:
    """(location, German message) for each error, one per location."""
    found: dict[tuple, str] = {}
    for item in error.errors():
        # Discriminated unions add the tag ("einfachauswahl") to the location.
        location = tuple(part for part in item["loc"] if part not in UNION_TAGS | TAGS)
        field = str(location[-1]) if location else "Eintrag"
        found.setdefault(location, describe(field, item))
    return list(found.items())

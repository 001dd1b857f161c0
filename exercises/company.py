"""A company edition: one YAML file with name, logo, colours, contact and options.

Companies onboard internal candidates with the course in their own look and
with their own numbers, without touching code.
"""

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from exercises.models import Model, Text

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5  # WCAG AA for normal text: white on the accent, accent on white


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


class Contact(Model):
    name: Text
    rolle: Text
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    telefon: str | None = None


class Colours(Model):
    akzent: Text

    @field_validator("akzent")
    @classmethod
    def readable(cls, value: str) -> str:
        if not HEX.match(value):
            raise ValueError(f"Farbe „{value}“ muss die Form #RRGGBB haben")
        ratio = contrast_with_white(value)
        if ratio < MIN_CONTRAST:
            raise ValueError(f"Farbe {value} hat zu wenig Kontrast zu Weiß ({ratio:.1f} : 1, "
                             f"nötig sind {MIN_CONTRAST} : 1); bitte eine dunklere Farbe wählen")
        return value


class CompanySalary(Model):
    """The company's own figures; in its edition they replace the calculator's market values."""

    jahr: int = Field(ge=2000, le=2100)
    ausgangswert: int = Field(gt=0)  # typical annual gross for a mid-career KAM in a mid-size unit
    spanne_von: int = Field(gt=0)
    spanne_bis: int = Field(gt=0)
    variabler_anteil: int | None = Field(default=None, ge=0, le=50)

    @model_validator(mode="after")
    def ordered(self):
        if not self.spanne_von < self.ausgangswert < self.spanne_bis:
            raise ValueError("es muss gelten: spanne_von < ausgangswert < spanne_bis")
        return self


class ExtraChapter(Model):
    titel: Text
    datei: Text  # Markdown file, relative to the company file


# Formats every browser shows as the theme's logo; others (PDF, TIFF, …) would show nothing.
LOGO_FORMATS = (".svg", ".png", ".jpg", ".jpeg", ".webp")


class Company(Model):
    name: Text
    kurzname: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    logo: Text  # relative to the company file, one of LOGO_FORMATS
    logo_dunkel: Text | None = None  # for dark mode; without it the logo gets a light backdrop
    farben: Colours
    kontakt: Contact
    gehalt: CompanySalary | None = None
    zusatzkapitel: ExtraChapter | None = None
    kapitel_weglassen: list[Text] = []

    @property
    def extra_chapter_id(self) -> str:
        """The page name of the extra chapter in the edition (book/<id>.md)."""
        return f"firma-{self.kurzname}"

    def path_of(self, company_file: Path, relative: str) -> Path:
        return (company_file.parent / relative).resolve()

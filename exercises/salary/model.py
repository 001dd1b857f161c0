"""The salary calculator's model: the single source of truth for every estimate.

Its parameters live in ``exercises/inhalte/gehaltsmodell.yml`` (validated as
:class:`SalaryModel`, cross-checked by :func:`parameter_problems`).
:func:`tables` turns them once into plain factors; :func:`estimate` multiplies
the factors of one profile and rounds to 100 €. The static page
(``assets/kurs-gehalt.js``) receives the same factors as JSON
(:func:`page_data`) and repeats only the multiplication, in the same order and
with the same rounding, so that page, notebook and command line print the
same euros; the tests compare them.

In a company edition the model carries a ``firma`` block (written by the
build): then :func:`estimate` returns the company's band and typical value as
entered, with no factor and no rounding, and the page gets those results
only (:func:`company_page_data`), so it has nothing to compute.
"""

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace

from pydantic import Field, model_validator

from exercises.formatting import german_number, with_unit
from exercises.models import Figure, Model, Source

ASSUMPTION = "kurs-annahme"  # the source entry for the course's own assumptions
YEARS = (0, 50)
VARIABLE_SHARE = (0, 50)
FACTOR = (0.5, 2.0)  # a factor outside this range is a typing error, not a model
CURRENCY = "EUR"
ROUNDING = 100  # every euro amount, so that no estimate pretends to be exact to the euro
TARGET_PAY = "bei 100 % Zielerreichung"  # what the variable pay assumes


# ---------- the data file ----------


class Sourced(Model):
    """A parameter: where it comes from and the year of that source.

    A sourced value names the year of its data (``jahr``); an assumption of the
    course names the year it was made (``jahr_der_annahme``), so that it is never
    shown as a data year. :func:`reference_problems` checks which one is due.
    """

    quelle: str
    jahr: int | str | None = None
    jahr_der_annahme: int | None = None
    hinweis: str | None = None


class FigureValue(Sourced):
    zahl: str


class AssumedValue(Sourced):
    wert: float


class YearSpan(Sourced):
    von: int = Field(ge=YEARS[0], le=YEARS[1])
    bis: int = Field(ge=YEARS[0], le=YEARS[1])


class WageIndex(Sourced):
    """The carry-forward: year -> figure id of the change on the year before (%)."""

    zieljahr: int
    veraenderung: dict[int, str] = Field(min_length=1)


class Spread(Model):
    unten: FigureValue
    oben: FigureValue


class GuideRange(Model):
    von: FigureValue
    bis: FigureValue
    berufsjahre: YearSpan


class Industry(Sourced):
    name: str = Field(min_length=1)
    technisch: bool
    zahl: str | None = None
    faktor: float | None = Field(default=None, ge=FACTOR[0], le=FACTOR[1])

    @model_validator(mode="after")
    def figure_or_factor(self):
        if (self.zahl is None) == (self.faktor is None):
            raise ValueError("braucht entweder „zahl“ (belegter Wert) oder „faktor“ (Annahme)")
        return self


class CompanySize(Sourced):
    name: str = Field(min_length=1)
    beschaeftigte: str = Field(min_length=1)
    zahl: str | None = None  # without a figure: between its neighbours (see the data file)


class CompanySizes(Model):
    bezug: str
    stufen: dict[str, CompanySize] = Field(min_length=2)


class Experience(Sourced):
    stuetzstellen: dict[int, float] = Field(min_length=2)


class Region(Sourced):
    name: str = Field(min_length=1)
    zahl: str


class Regions(Model):
    gewicht: AssumedValue
    laender: dict[str, Region] = Field(min_length=1)


class AccountSize(Sourced):
    name: str = Field(min_length=1)
    faktor: float = Field(ge=FACTOR[0], le=FACTOR[1])


class TeamLead(Sourced):
    faktor: float = Field(ge=1.0, le=FACTOR[1])


class Responsibility(Model):
    kundengroesse: dict[str, AccountSize] = Field(min_length=1)
    teamleitung: TeamLead


class Example(Model):
    """A profile the chapter quotes; the first two start the calculator."""

    name: str = Field(min_length=1)
    branche: str
    groesse: str
    berufsjahre: int = Field(ge=YEARS[0], le=YEARS[1])
    variabler_anteil: int | None = Field(default=None, ge=VARIABLE_SHARE[0], le=VARIABLE_SHARE[1])
    bundesland: str | None = None
    kundengroesse: str | None = None
    teamleitung: bool = False


class CompanyFigures(Model):
    """Written by a company build: the calculator shows the company's own figures as entered."""

    name: str
    variabler_anteil: bool = False  # whether the company gave its variable share


class SalaryModel(Model):
    """``gehaltsmodell.yml``: every parameter of the calculator."""

    ausgangswert: FigureValue
    fortschreibung: WageIndex | None = None  # without it (a company's own figures) nothing is carried forward
    spanne: Spread
    richtwert: GuideRange
    variabler_anteil: FigureValue
    branchenniveau: AssumedValue
    branchen: dict[str, Industry] = Field(min_length=1)
    unternehmensgroessen: CompanySizes
    erfahrung: Experience
    bundeslaender: Regions
    verantwortung: Responsibility
    beispiele: dict[str, Example] = Field(min_length=2)
    firma: CompanyFigures | None = None  # set only in a company edition


def sourced_parameters(model: SalaryModel) -> Iterator[tuple[list, Sourced]]:
    """Every parameter with its place in the file (for PATH:LINE messages)."""
    yield ["ausgangswert"], model.ausgangswert
    if model.fortschreibung is not None:
        yield ["fortschreibung"], model.fortschreibung
    yield ["spanne", "unten"], model.spanne.unten
    yield ["spanne", "oben"], model.spanne.oben
    yield ["richtwert", "von"], model.richtwert.von
    yield ["richtwert", "bis"], model.richtwert.bis
    yield ["richtwert", "berufsjahre"], model.richtwert.berufsjahre
    yield ["variabler_anteil"], model.variabler_anteil
    yield ["branchenniveau"], model.branchenniveau
    for key, industry in model.branchen.items():
        yield ["branchen", key], industry
    for key, size in model.unternehmensgroessen.stufen.items():
        yield ["unternehmensgroessen", "stufen", key], size
    yield ["erfahrung"], model.erfahrung
    yield ["bundeslaender", "gewicht"], model.bundeslaender.gewicht
    for key, region in model.bundeslaender.laender.items():
        yield ["bundeslaender", "laender", key], region
    for key, size in model.verantwortung.kundengroesse.items():
        yield ["verantwortung", "kundengroesse", key], size
    yield ["verantwortung", "teamleitung"], model.verantwortung.teamleitung


# ---------- resolved factors ----------


@dataclass(frozen=True)
class Choice:
    """One option of an input with its factor, e.g. the industry "maschinenbau"."""

    key: str
    name: str
    factor: float
    sources: tuple[str, ...]
    note: str | None = None
    detail: str | None = None  # the staff band of a company size


@dataclass(frozen=True)
class Profile:
    """The inputs of one estimate (the keys of ``inputs`` in the JSON output)."""

    industry: str
    company_size: str
    years: int
    variable_share: int
    region: str | None = None
    account_size: str | None = None
    team_lead: bool = False


@dataclass(frozen=True)
class CompanyBand:
    """A company's figures exactly as it entered them; no factor applies to them."""

    name: str
    year: int | str
    low: int
    typical: int
    high: int
    share: int | None  # None when the company gave no variable share


@dataclass(frozen=True)
class Tables:
    """The parameters resolved into factors: all a calculation needs."""

    base: float  # the starting value carried forward: source_base * wage_index
    base_sources: tuple[str, ...]
    base_note: str | None
    source_base: float  # the starting value as its source gives it
    base_year: int | str
    wage_index: float  # 1.0 when the starting value is not older than target_year
    wage_changes: tuple[float, ...]  # % per year carried forward
    target_year: int | str
    index_sources: tuple[str, ...]
    low_ratio: float
    high_ratio: float
    spread_sources: tuple[str, ...]
    industries: dict[str, Choice]
    sizes: dict[str, Choice]
    experience: tuple[float, ...]  # factor for each whole year from YEARS[0]
    experience_sources: tuple[str, ...]
    experience_note: str | None
    regions: dict[str, Choice]
    account_sizes: dict[str, Choice]
    team_lead: Choice
    default_share: int
    default_share_sources: tuple[str, ...]
    guide: tuple[float, float]  # the article's annual range
    guide_years: tuple[int, int]
    examples: dict[str, tuple[str, Profile]]
    source_labels: dict[str, tuple[str, int | str]]  # id -> (short title, year)
    company: CompanyBand | None = None  # company mode: these figures instead of the market model

    @property
    def carried_forward(self) -> bool:
        return self.wage_index != 1.0

    @property
    def level(self) -> str:
        """The short label of the amounts' level, e.g. "auf 2024 fortgeschrieben"."""
        if self.company:
            return f"Zahlen von {self.company.name} (Stand {self.company.year})"
        if self.carried_forward:
            return f"auf {self.target_year} fortgeschrieben"
        return f"Stand {self.base_year}"

    def experience_choice(self, years: int) -> Choice:
        return Choice(str(years), years_text(years), self.experience[years - YEARS[0]],
                      self.experience_sources, self.experience_note)


def years_text(years: int) -> str:
    return "1 Jahr" if years == 1 else f"{years} Jahre"


def sources_of(parameter: Sourced) -> tuple[str, ...]:
    return (parameter.quelle,)


def industry_factors(model: SalaryModel, figures: dict[str, Figure]) -> dict[str, float]:
    """Sourced industries relative to their mean; assumed ones are on that scale already."""
    sourced = [figures[i.zahl].wert for i in model.branchen.values() if i.zahl]
    scale = model.branchenniveau.wert / (sum(sourced) / len(sourced))
    return {key: figures[i.zahl].wert * scale if i.zahl else i.faktor for key, i in model.branchen.items()}


def size_factors(model: SalaryModel, figures: dict[str, Figure]) -> dict[str, float]:
    """Sourced sizes from their figures; the others in equal ratio steps between them."""
    sizes = model.unternehmensgroessen.stufen
    known = {index: figures[size.zahl].wert for index, size in enumerate(sizes.values()) if size.zahl}
    values = []
    for index in range(len(sizes)):
        if index in known:
            values.append(known[index])
            continue
        lower = max(k for k in known if k < index)
        upper = min(k for k in known if k > index)
        ratio = known[upper] / known[lower]
        values.append(known[lower] * ratio ** ((index - lower) / (upper - lower)))
    reference = values[list(sizes).index(model.unternehmensgroessen.bezug)]
    return {key: value / reference for key, value in zip(sizes, values, strict=True)}


def size_sources(model: SalaryModel, size: CompanySize) -> tuple[str, ...]:
    if size.zahl:
        return sources_of(size)
    # An interpolated size rests on the sourced sizes around it as well.
    around = [s.quelle for s in model.unternehmensgroessen.stufen.values() if s.zahl]
    return tuple(dict.fromkeys([*around, size.quelle]))


def experience_factors(points: dict[int, float]) -> tuple[float, ...]:
    """The curve for every whole year: straight lines between its points."""
    xs = sorted(points)
    factors = []
    for year in range(YEARS[0], YEARS[1] + 1):
        right = next(x for x in xs if x >= year)
        if right == year:
            factors.append(points[year])
            continue
        left = max(x for x in xs if x < year)
        factors.append(points[left] + (points[right] - points[left]) * (year - left) / (right - left))
    return tuple(factors)


def carried_years(model: SalaryModel) -> range:
    """The years whose wage change lifts the starting value (none for a recent one)."""
    if model.fortschreibung is None:
        return range(0)
    return range(model.ausgangswert.jahr + 1, model.fortschreibung.zieljahr + 1)


def region_factors(model: SalaryModel, figures: dict[str, Figure]) -> dict[str, float]:
    regions = model.bundeslaender
    values = {key: figures[region.zahl].wert for key, region in regions.laender.items()}
    mean = sum(values.values()) / len(values)
    return {key: 1 + regions.gewicht.wert * (value / mean - 1) for key, value in values.items()}


def example_profile(example: Example, default_share: int) -> Profile:
    return Profile(
        industry=example.branche, company_size=example.groesse, years=example.berufsjahre,
        variable_share=default_share if example.variabler_anteil is None else example.variabler_anteil,
        region=example.bundesland, account_size=example.kundengroesse, team_lead=example.teamleitung,
    )


def tables(model: SalaryModel, figures: dict[str, Figure], sources: dict[str, Source]) -> Tables:
    """Resolve figure ids and rules into factors (for a model without problems)."""
    value = {key: figure.wert for key, figure in figures.items()}
    base = value[model.ausgangswert.zahl]
    industry, size, region = (industry_factors(model, figures), size_factors(model, figures),
                              region_factors(model, figures))
    weight = model.bundeslaender.gewicht
    index = model.fortschreibung
    changes = tuple(value[index.veraenderung[year]] for year in carried_years(model))  # () without index
    wage_index = math.prod(1 + change / 100 for change in changes)
    team = model.verantwortung.teamleitung
    default_share = int(value[model.variabler_anteil.zahl])
    cited = {parameter.quelle for _, parameter in sourced_parameters(model)}
    company = None
    if model.firma:
        company = CompanyBand(model.firma.name, model.ausgangswert.jahr, int(value[model.spanne.unten.zahl]),
                              int(base), int(value[model.spanne.oben.zahl]),
                              default_share if model.firma.variabler_anteil else None)
    return Tables(
        base=base * wage_index,
        base_sources=sources_of(model.ausgangswert) + (sources_of(index) if changes else ()),
        base_note=model.ausgangswert.hinweis,
        source_base=base,
        base_year=model.ausgangswert.jahr,
        wage_index=wage_index,
        wage_changes=changes,
        target_year=index.zieljahr if index else model.ausgangswert.jahr,
        index_sources=sources_of(index) if index else (),
        low_ratio=value[model.spanne.unten.zahl] / base,
        high_ratio=value[model.spanne.oben.zahl] / base,
        spread_sources=sources_of(model.spanne.unten),
        industries={key: Choice(key, i.name, industry[key], sources_of(i), i.hinweis)
                    for key, i in model.branchen.items()},
        sizes={key: Choice(key, s.name, size[key], size_sources(model, s), s.hinweis, s.beschaeftigte)
               for key, s in model.unternehmensgroessen.stufen.items()},
        experience=experience_factors(model.erfahrung.stuetzstellen),
        experience_sources=sources_of(model.erfahrung),
        experience_note=model.erfahrung.hinweis,
        regions={key: Choice(key, r.name, region[key], (r.quelle, weight.quelle), weight.hinweis)
                 for key, r in model.bundeslaender.laender.items()},
        account_sizes={key: Choice(key, a.name, a.faktor, sources_of(a), a.hinweis)
                       for key, a in model.verantwortung.kundengroesse.items()},
        team_lead=Choice("ja", "Teamleitung", team.faktor, sources_of(team), team.hinweis),
        default_share=default_share,
        default_share_sources=sources_of(model.variabler_anteil),
        guide=(value[model.richtwert.von.zahl], value[model.richtwert.bis.zahl]),
        guide_years=(model.richtwert.berufsjahre.von, model.richtwert.berufsjahre.bis),
        examples={key: (e.name, example_profile(e, default_share)) for key, e in model.beispiele.items()},
        source_labels={key: (source.kurz, source.jahr) for key, source in sources.items() if key in cited},
        company=company,
    )


# ---------- the calculation ----------


def round_euro(amount: float, step: int = ROUNDING) -> int:
    """To 100 €, halves up: the same floating-point steps as Math.floor(x / 100 + 0.5) * 100 in the page."""
    return math.floor(amount / step + 0.5) * step


@dataclass(frozen=True)
class Step:
    """One input's factor and how many euros it moved the typical salary."""

    input: str
    label: str
    choice: Choice
    effect: int


@dataclass(frozen=True)
class Estimate:
    profile: Profile
    low: int
    typical: int
    high: int
    monthly_typical: int
    fixed_typical: int | None  # None: a company that gave no variable share
    variable_typical: int | None
    steps: tuple[Step, ...]
    sources: tuple[str, ...]


def factors(tables: Tables, profile: Profile) -> list[tuple[str, str, Choice]]:
    """(input, German label, choice) in the order of the multiplication."""
    used = [
        ("industry", "Branche", tables.industries[profile.industry]),
        ("company_size", "Unternehmensgröße", tables.sizes[profile.company_size]),
        ("years", "Berufserfahrung", tables.experience_choice(profile.years)),
    ]
    if profile.region is not None:
        used.append(("region", "Bundesland", tables.regions[profile.region]))
    if profile.account_size is not None:
        used.append(("account_size", "Größe der Key Accounts", tables.account_sizes[profile.account_size]))
    if profile.team_lead:
        used.append(("team_lead", "Teamleitung", tables.team_lead))
    return used


def estimate(tables: Tables, profile: Profile) -> Estimate:
    """Range, monthly value and split of the typical annual gross salary, each rounded to 100 €.

    The typical value is the starting value times one factor per input, left
    to right; each step's effect is the change of the rounded running value,
    so the effects add up exactly to typical minus the rounded starting value.
    In company mode the company's figures come back as entered (see :func:`company_estimate`).
    """
    if tables.company:
        return company_estimate(tables, profile)
    raw = tables.base
    steps = []
    for name, label, choice in factors(tables, profile):
        before = round_euro(raw)
        raw = raw * choice.factor
        steps.append(Step(name, label, choice, round_euro(raw) - before))
    typical = round_euro(raw)
    fixed = round_euro(typical * (100 - profile.variable_share) / 100)
    sources = [*tables.base_sources, *tables.spread_sources]
    for step in steps:
        sources += step.choice.sources
    return Estimate(
        profile=profile,
        low=round_euro(raw * tables.low_ratio),
        typical=typical,
        high=round_euro(raw * tables.high_ratio),
        monthly_typical=round_euro(typical / 12),
        fixed_typical=fixed,
        variable_typical=typical - fixed,
        steps=tuple(steps),
        sources=tuple(dict.fromkeys(sources)),
    )


def company_estimate(tables: Tables, profile: Profile) -> Estimate:
    """The company's band and typical value untouched; month and split to the whole euro.

    The profile's inputs have no effect: the company's figures are what it pays,
    not a market estimate to be moved by factors. The split uses the company's share.
    """
    company = tables.company
    fixed = variable = None
    if company.share is not None:
        fixed = round_euro(company.typical * (100 - company.share) / 100, 1)
        variable = company.typical - fixed
    return Estimate(profile=profile, low=company.low, typical=company.typical, high=company.high,
                    monthly_typical=round_euro(company.typical / 12, 1), fixed_typical=fixed,
                    variable_typical=variable, steps=(),
                    sources=tuple(dict.fromkeys([*tables.base_sources, *tables.spread_sources])))


def company_lines(tables: Tables) -> list[str]:
    """The company mode's result in words: the same lines on the page, in the notebook and the CLI."""
    company, result = tables.company, estimate(tables, company_profile(tables))
    lines = [f"Jahresgehalt typisch: {euros(company.typical)} "
             f"(Spanne {euros(company.low)} bis {euros(company.high)})",
             f"Im Monat typisch: {euros(result.monthly_typical)} (Jahreswert geteilt durch 12)"]
    if company.share is not None:
        lines.append(f"Bei einem variablen Anteil von {percent_text(company.share)}: Fixum "
                     f"{euros(result.fixed_typical)}, variabel {TARGET_PAY} {euros(result.variable_typical)}")
    return lines


def company_profile(tables: Tables) -> Profile:
    """A profile for company mode: the first example's inputs (without effect) and the company's share."""
    _, first = next(iter(tables.examples.values()))
    return replace(first, variable_share=tables.company.share or 0)


# ---------- text ----------


def euros(amount: int) -> str:
    return with_unit(amount, "€")


def signed_euros(amount: int) -> str:
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return sign + euros(abs(amount))


def source_text(tables: Tables, source_ids: tuple[str, ...]) -> str:
    names = [tables.source_labels[key][0] for key in source_ids]
    return "; ".join(names)


def percent_text(value: float) -> str:
    return with_unit(value, "%")


def level_text(tables: Tables) -> str:
    """One sentence on what the amounts are: gross, their level and the rounding."""
    if tables.company:
        return (f"Alle Beträge brutto; {tables.level}, genau wie angegeben: ohne Marktfaktoren und ohne "
                "Rundung (nur Monatswert und Aufteilung auf volle Euro gerundet).")
    if tables.carried_forward:
        level = (f"Werte aus {tables.base_year}, mit dem Nominallohnindex "
                 f"({source_text(tables, tables.index_sources)}) auf {tables.target_year} fortgeschrieben")
    else:
        level = f"Stand {tables.base_year}, ohne Fortschreibung"
    return f"Alle Beträge brutto; {level} und auf {euros(ROUNDING)} gerundet."


def base_text(tables: Tables) -> str:
    """The starting value and, if it was carried forward, from what and how."""
    text = f"Ausgangswert {euros(round_euro(tables.base))}"
    source = source_text(tables, tables.base_sources[:1])
    if not tables.carried_forward:
        return f"{text} ({source})"
    years = range(tables.base_year + 1, tables.target_year + 1)
    changes = ", ".join(f"{year}: +{percent_text(change)}" for year, change in zip(years, tables.wage_changes,
                                                                                   strict=True))
    return (f"{text}: {euros(round_euro(tables.source_base))} für {tables.base_year} ({source}), mit dem "
            f"Nominallohnindex {tables.level} ({changes}; {source_text(tables, tables.index_sources)})")


def explain(tables: Tables, profile: Profile) -> list[str]:
    """Why this number: the starting value, the inputs that moved it, the rest."""
    result = estimate(tables, profile)
    if tables.company:
        return [f"Spanne und typischer Wert: {tables.level}; Quelle: {source_text(tables, result.sources)}",
                f"Keine Faktoren, keine Rundung: Die Zahlen gelten so, wie {tables.company.name} sie angibt"]
    lines = [base_text(tables)]
    for step in result.steps:
        if step.effect:
            lines.append(f"{step.label} „{step.choice.name}“: {signed_euros(step.effect)} "
                         f"({source_text(tables, step.choice.sources)})")
    unchanged = [f"{step.label} „{step.choice.name}“" for step in result.steps if not step.effect]
    if unchanged:
        lines.append("Ohne Wirkung auf die Summe: " + ", ".join(unchanged))
    lines.append(f"Variabler Anteil {profile.variable_share} %: teilt die Summe nur auf "
                 f"(Fixum {euros(result.fixed_typical)}, variabel {euros(result.variable_typical)} "
                 f"{TARGET_PAY})")
    lines.append(f"Spanne {euros(result.low)} bis {euros(result.high)}: Streuung um den Mittelwert "
                 f"({source_text(tables, tables.spread_sources)})")
    return lines


# ---------- checked input (command line, notebook) ----------


def parse_whole(text: str, low: int, high: int) -> tuple[int | None, str | None]:
    """A whole number from ``low`` to ``high`` typed by a person, or a German message."""
    # ASCII digits only, like the page's /^\s*[+-]?\d+\s*$/ (Python's \d also takes other scripts).
    if not re.fullmatch(r"\s*[+-]?[0-9]+\s*", text):
        return None, f"„{text}“ ist keine ganze Zahl; erlaubt: ganze Zahlen von {low} bis {high}"
    number = int(text)
    if not low <= number <= high:
        return None, f"{number} liegt außerhalb des erlaubten Bereichs; erlaubt: {low} bis {high}"
    return number, None


def allowed(options: dict[str, Choice]) -> str:
    return ", ".join(options)


def parse_profile(tables: Tables, raw: dict[str, str | bool | None]) -> tuple[Profile | None, dict[str, str]]:
    """A :class:`Profile` from text inputs, or German messages per input name."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    choices = {"industry": tables.industries, "company_size": tables.sizes,
               "region": tables.regions, "account_size": tables.account_sizes}
    numbers = {"years": YEARS, "variable_share": VARIABLE_SHARE}
    required = {"industry", "company_size", "years", "variable_share"}
    for name in (*choices, *numbers):
        text = raw.get(name)
        if text is None or (isinstance(text, str) and not text.strip()):
            if name in required:
                hint = (allowed(choices[name]) if name in choices
                        else f"ganze Zahlen von {numbers[name][0]} bis {numbers[name][1]}")
                errors[name] = f"fehlt; erlaubt: {hint}"
            continue
        if name in choices:
            if text in choices[name]:
                values[name] = text
            else:
                errors[name] = f"„{text}“ gibt es nicht; erlaubt: {allowed(choices[name])}"
        else:
            number, message = parse_whole(str(text), *numbers[name])
            if message:
                errors[name] = message
            else:
                values[name] = number
    if errors:
        return None, errors
    return Profile(team_lead=bool(raw.get("team_lead")), **values), {}


def result_json(tables: Tables, result: Estimate) -> dict:
    """The command line's ``--json`` output (keys as in issue 4), euros rounded to 100.

    An assumption has no data year: its "year" is null and "assumed_in" says
    when the course made it.
    """
    def source(key: str) -> dict:
        title, year = tables.source_labels[key]
        if key == ASSUMPTION:
            return {"id": key, "title": title, "year": None, "assumption": True, "assumed_in": year}
        return {"id": key, "title": title, "year": year, "assumption": False}

    return {
        "annual": {"low": result.low, "typical": result.typical, "high": result.high},
        "monthly_typical": result.monthly_typical,
        "fixed_typical": result.fixed_typical,
        "variable_typical": result.variable_typical,
        "currency": CURRENCY,
        "rounded_to": 1 if tables.company else ROUNDING,
        "level": tables.level,
        "variable_assumes": TARGET_PAY,
        # in company mode no input moves the figures
        "inputs": {} if tables.company else asdict(result.profile),
        "sources": [source(key) for key in result.sources],
    }


# ---------- prose: {gehalt}`beispiel.feld` ----------

EXAMPLE_FIELDS = ("typisch", "unten", "oben", "monat", "fixum", "variabel",
                  "branche", "groesse", "berufsjahre", "anteil", "bundesland")


def example_text(tables: Tables, example_id: str, field: str) -> str:
    """One value of a named example profile as printed in the chapter."""
    _, profile = tables.examples[example_id]
    result = estimate(tables, profile)
    amounts = {"typisch": result.typical, "unten": result.low, "oben": result.high,
               "monat": result.monthly_typical, "fixum": result.fixed_typical,
               "variabel": result.variable_typical}
    if field in amounts:
        return "keine Angabe" if amounts[field] is None else euros(amounts[field])
    if field == "branche":
        return tables.industries[profile.industry].name
    if field == "groesse":
        size = tables.sizes[profile.company_size]
        return f"{size.name} ({size.detail})"
    if field == "berufsjahre":
        return german_number(profile.years)
    if field == "anteil":
        return with_unit(profile.variable_share, "%")
    return tables.regions[profile.region].name if profile.region else "ohne Angabe"


def example_references(tables: Tables) -> set[str]:
    return {f"{key}.{field}" for key in tables.examples for field in EXAMPLE_FIELDS}


# ---------- the static page ----------


def choice_json(choice: Choice) -> dict:
    return {"id": choice.key, "name": choice.name, "faktor": choice.factor, "quellen": list(choice.sources),
            "hinweis": choice.note, "detail": choice.detail}


def page_data(tables: Tables, source_link: Callable[[str], str]) -> dict:
    """Everything ``assets/kurs-gehalt.js`` needs, with every factor worked out."""
    if tables.company:
        return company_page_data(tables, source_link)
    starting_profiles = list(tables.examples.items())[:2]
    return {
        "ausgangswert": {"wert": tables.base, "quellen": list(tables.base_sources),
                         "hinweis": tables.base_note, "text": base_text(tables)},
        "stand": {"kurz": tables.level, "text": level_text(tables)},
        "rundung": ROUNDING,
        "ziel": TARGET_PAY,
        "spanne": {"unten": tables.low_ratio, "oben": tables.high_ratio,
                   "quellen": list(tables.spread_sources)},
        "branchen": [choice_json(c) for c in tables.industries.values()],
        "groessen": [choice_json(c) for c in tables.sizes.values()],
        "erfahrung": {"faktoren": list(tables.experience), "quellen": list(tables.experience_sources),
                      "hinweis": tables.experience_note},
        "laender": [choice_json(c) for c in tables.regions.values()],
        "kundengroessen": [choice_json(c) for c in tables.account_sizes.values()],
        "teamleitung": choice_json(tables.team_lead),
        "grenzen": {"jahre": list(YEARS), "variabel": list(VARIABLE_SHARE)},
        "variabel_standard": {"wert": tables.default_share, "quellen": list(tables.default_share_sources)},
        "profile": [{"id": key, "name": name, "eingaben": asdict(profile)}
                    for key, (name, profile) in starting_profiles],
        "quellen": {key: {"kurz": short, "jahr": year, "href": source_link(key), "annahme": key == ASSUMPTION}
                    for key, (short, year) in tables.source_labels.items()},
    }


def company_page_data(tables: Tables, source_link: Callable[[str], str]) -> dict:
    """Company mode: the page only shows the figures worked out here, it has nothing to compute."""
    result = estimate(tables, company_profile(tables))
    return {
        "firma": {"titel": tables.level, "stand": level_text(tables), "zeilen": company_lines(tables),
                  "unten": result.low, "typisch": result.typical, "oben": result.high,
                  "erklaerung": f"In dieser Ausgabe zeigt der Rechner die Zahlen von {tables.company.name}. "
                                "Sie gelten für alle gleich, deshalb gibt es hier nichts einzustellen.",
                  "quellen": [{"kurz": tables.source_labels[key][0], "jahr": tables.source_labels[key][1],
                               "href": source_link(key)} for key in result.sources]},
    }


# ---------- checks of the data file (python -m exercises check) ----------

Found = list[tuple[list, str]]  # (location in the file, German message)


def parameter_problems(model: SalaryModel, figures: dict[str, Figure], sources: dict[str, Source]) -> Found:
    """Sources, years and figures exist and fit; the numbers make a plausible model."""
    found: Found = []
    for location, parameter in sourced_parameters(model):
        found += reference_problems(location, parameter, figures, sources)
    if found:
        return found  # the checks below need every reference resolved
    found += shape_problems(model, figures)
    if found:
        return found
    return found + plausibility_problems(model, tables(model, figures, sources))


def reference_problems(location: list, parameter: Sourced, figures: dict[str, Figure],
                       sources: dict[str, Source]) -> Found:
    found: Found = []
    source = sources.get(parameter.quelle)
    if source is None:
        found.append(([*location, "quelle"], f"unbekannte Quelle „{parameter.quelle}“"))
    else:
        found += year_problems(location, parameter, source)
    if isinstance(parameter, WageIndex):
        return found  # its figures are checked per year (wage_index_problems)
    figure_id = getattr(parameter, "zahl", None)
    if figure_id is None:
        if source is not None and parameter.quelle != ASSUMPTION:
            # A typed number with a real source would be a sourced number typed twice.
            found.append(([*location, "quelle"], f"ein eigener Wert braucht „quelle: {ASSUMPTION}“; belegte "
                                                 "Werte stehen in zahlen.yml und werden mit „zahl“ genannt"))
        return found
    figure = figures.get(figure_id)
    unit = "%" if location == ["variabler_anteil"] else "€"
    if figure is None:
        found.append(([*location, "zahl"], f"unbekannte Zahl „{figure_id}“"))
    elif figure.quelle != parameter.quelle:
        found.append(([*location, "quelle"], f"Quelle „{parameter.quelle}“ passt nicht zur Zahl "
                                             f"„{figure_id}“ (dort: „{figure.quelle}“)"))
    elif figure.einheit != unit:
        found.append(([*location, "zahl"], f"die Zahl „{figure_id}“ hat die Einheit „{figure.einheit}“, "
                                           f"erwartet: „{unit}“"))
    return found


def year_problems(location: list, parameter: Sourced, source: Source) -> Found:
    """A source's data year for sourced values; the year it was made for an assumption."""
    if parameter.quelle == ASSUMPTION:
        if parameter.jahr is not None:
            return [([*location, "jahr"], "eine Annahme des Kurses hat kein Datenjahr; bitte "
                                          "„jahr_der_annahme“ (das Jahr der Annahme) statt „jahr“ angeben")]
        if parameter.jahr_der_annahme is None:
            return [(location, "es fehlt „jahr_der_annahme“: das Jahr, in dem der Kurs die Annahme "
                               "getroffen hat")]
        return []
    if parameter.jahr_der_annahme is not None:
        return [([*location, "jahr_der_annahme"], f"„jahr_der_annahme“ gilt nur für „quelle: {ASSUMPTION}“; "
                                                  "belegte Werte nennen das Jahr ihrer Quelle mit „jahr“")]
    if parameter.jahr != source.jahr:
        return [([*location, "jahr"], f"Jahr „{parameter.jahr}“ passt nicht zur Quelle "
                                      f"„{parameter.quelle}“ (dort: {source.jahr})")]
    return []


def wage_index_problems(model: SalaryModel, figures: dict[str, Figure]) -> Found:
    """The carry-forward needs a whole start year and one index change per year after it."""
    index, where = model.fortschreibung, ["fortschreibung", "veraenderung"]
    if index is None:
        return []
    if not isinstance(model.ausgangswert.jahr, int):
        return [(["ausgangswert", "jahr"], "der Ausgangswert braucht ein Jahr als Zahl, damit der "
                                           "Rechner ihn fortschreiben kann")]
    found: Found = []
    for year, figure_id in index.veraenderung.items():
        figure = figures.get(figure_id)
        if figure is None:
            found.append(([*where, year], f"unbekannte Zahl „{figure_id}“"))
        elif figure.quelle != index.quelle or figure.einheit != "%":
            found.append(([*where, year], f"die Zahl „{figure_id}“ muss eine Veränderung in „%“ aus der "
                                          f"Quelle „{index.quelle}“ sein"))
    missing = [str(year) for year in carried_years(model) if year not in index.veraenderung]
    if missing:
        found.append((where, f"für {', '.join(missing)} fehlt die Veränderung des Nominallohnindex"))
    return found


def shape_problems(model: SalaryModel, figures: dict[str, Figure]) -> Found:
    """What the resolution into factors relies on, and the examples' inputs."""
    found = wage_index_problems(model, figures)
    sizes = model.unternehmensgroessen
    if sizes.bezug not in sizes.stufen:
        found.append((["unternehmensgroessen", "bezug"],
                      f"„{sizes.bezug}“ ist keine Stufe; vorhanden: {', '.join(sizes.stufen)}"))
    for key in (list(sizes.stufen)[0], list(sizes.stufen)[-1]):
        if sizes.stufen[key].zahl is None:
            found.append((["unternehmensgroessen", "stufen", key],
                          "die kleinste und die größte Stufe brauchen eine „zahl“; "
                          "dazwischen rechnet der Kurs"))
    points = model.erfahrung.stuetzstellen
    where = ["erfahrung", "stuetzstellen"]
    if min(points) != YEARS[0] or max(points) < YEARS[1]:
        found.append((where, f"die Stützstellen müssen {YEARS[0]} bis {YEARS[1]} Berufsjahre abdecken"))
    years = sorted(points)
    for before, year in zip(years, years[1:], strict=False):
        if points[year] < points[before]:
            found.append(([*where, year], f"der Faktor bei {year} Jahren ist kleiner als bei {before} "
                                          "Jahren; mehr Erfahrung darf die Schätzung nicht senken"))
    for year, factor in points.items():
        if not FACTOR[0] <= factor <= FACTOR[1]:
            found.append(([*where, year], f"Faktor {factor} liegt außerhalb von {FACTOR[0]} bis {FACTOR[1]}"))
    if not 0 <= model.bundeslaender.gewicht.wert <= 1:
        found.append((["bundeslaender", "gewicht", "wert"], "das Gewicht muss zwischen 0 und 1 liegen"))
    account_sizes = list(model.verantwortung.kundengroesse.items())
    for (_, smaller), (key, bigger) in zip(account_sizes, account_sizes[1:], strict=False):
        if bigger.faktor < smaller.faktor:
            found.append((["verantwortung", "kundengroesse", key, "faktor"],
                          "größere Key Accounts dürfen die Schätzung nicht senken "
                          "(Reihenfolge: von klein nach groß)"))
    guide_years = model.richtwert.berufsjahre
    if guide_years.von > guide_years.bis:
        found.append((["richtwert", "berufsjahre"], "„von“ liegt über „bis“"))
    share = figures[model.variabler_anteil.zahl].wert
    if not VARIABLE_SHARE[0] <= share <= VARIABLE_SHARE[1] or not float(share).is_integer():
        found.append((["variabler_anteil", "zahl"], f"der variable Anteil muss eine ganze Zahl von "
                                                    f"{VARIABLE_SHARE[0]} bis {VARIABLE_SHARE[1]} sein"))
    for key, example in model.beispiele.items():
        found += example_problems(model, key, example)
    return found


def example_problems(model: SalaryModel, key: str, example: Example) -> Found:
    found: Found = []
    options = {"branche": model.branchen, "groesse": model.unternehmensgroessen.stufen,
               "bundesland": model.bundeslaender.laender, "kundengroesse": model.verantwortung.kundengroesse}
    for field, known in options.items():
        value = getattr(example, field)
        if value is not None and value not in known:
            found.append((["beispiele", key, field], f"„{value}“ gibt es nicht; erlaubt: {', '.join(known)}"))
    return found


def plausibility_problems(model: SalaryModel, resolved: Tables) -> Found:
    """The rules of issue 4: technical >= consumer goods, bigger >= smaller, mid-career in range."""
    found: Found = []
    if not resolved.low_ratio < 1 < resolved.high_ratio:
        found.append((["spanne"], "„unten“ muss unter und „oben“ über dem Ausgangswert liegen"))
    others = {key: c.factor for key, c in resolved.industries.items() if not model.branchen[key].technisch}
    for key, choice in resolved.industries.items():
        if not FACTOR[0] <= choice.factor <= FACTOR[1]:
            found.append((["branchen", key], f"Faktor {choice.factor:.3f} liegt außerhalb von "
                                             f"{FACTOR[0]} bis {FACTOR[1]}"))
        if model.branchen[key].technisch:
            for other, factor in others.items():
                if choice.factor < factor:
                    found.append((["branchen", key], f"„{key}“ (technischer Vertrieb) liegt unter „{other}“; "
                                                     "der technische Vertrieb zahlt mindestens so viel"))
    sizes = list(resolved.sizes.values())
    for smaller, bigger in zip(sizes, sizes[1:], strict=False):
        if bigger.factor < smaller.factor:
            found.append((["unternehmensgroessen", "stufen", bigger.key],
                          f"„{bigger.key}“ liegt unter „{smaller.key}“; "
                          "größere Unternehmen zahlen nicht weniger"))
    low, high = resolved.guide
    # The article's range is from 2020; compare with the sources' level, not the carried-forward one.
    at_source_level = replace(resolved, base=resolved.source_base)
    for industry in resolved.industries:
        for size in resolved.sizes:
            for years in range(resolved.guide_years[0], resolved.guide_years[1] + 1):
                profile = Profile(industry, size, years, resolved.default_share)
                typical = estimate(at_source_level, profile).typical
                if not low <= typical <= high:
                    found.append((["richtwert"], f"{industry}, {size}, {years_text(years)}: {euros(typical)} "
                                                 "(Stand der Quellen) liegt außerhalb des Richtwerts "
                                                 f"{euros(low)} bis {euros(high)}"))
                    return found
    return found


def describe_profile(tables: Tables, profile: Profile) -> str:
    """The inputs in words: "Chemie und Pharma, Groß (…), 6 Jahre Berufserfahrung, …"."""
    size = tables.sizes[profile.company_size]
    parts = [tables.industries[profile.industry].name, f"{size.name} ({size.detail})",
             f"{years_text(profile.years)} Berufserfahrung",
             f"variabler Anteil {with_unit(profile.variable_share, '%')}"]
    if profile.region is not None:
        parts.append(tables.regions[profile.region].name)
    if profile.account_size is not None:
        parts.append(tables.account_sizes[profile.account_size].name)
    if profile.team_lead:
        parts.append(tables.team_lead.name)
    return ", ".join(parts)

"""The salary model (exercises/salary.py), its data checks, the notebook app and
``python -m exercises salary``.

Broken data files live in ``tests/fixtures/kaputt-gehalt`` and are checked by
tests/test_cli.py like every other broken fixture (PATH:LINE and message).
"""

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import PROJECT

from exercises.content import load_content, require_content
from exercises.salary import (
    ASSUMPTION,
    VARIABLE_SHARE,
    YEARS,
    Profile,
    estimate,
    euros,
    example_text,
    explain,
    page_data,
    parse_profile,
    parse_whole,
    result_json,
    round_euro,
)

CONTENT = require_content()
TABLES = CONTENT.salary_tables()
MODEL = CONTENT.salary
QUICK = settings(max_examples=300, deadline=None, database=None)  # no .hypothesis folder in the project


def figure(figure_id: str) -> float:
    return CONTENT.figure_value(figure_id)


profiles = st.builds(
    Profile,
    industry=st.sampled_from(list(TABLES.industries)),
    company_size=st.sampled_from(list(TABLES.sizes)),
    years=st.integers(*YEARS),
    variable_share=st.integers(*VARIABLE_SHARE),
    region=st.none() | st.sampled_from(list(TABLES.regions)),
    key_accounts=st.none() | st.integers(1, TABLES.max_accounts),
    account_size=st.none() | st.sampled_from(list(TABLES.account_sizes)),
    team_lead=st.booleans(),
)


# ---------- rounding and worked examples ----------


def test_round_euro_rounds_halves_up_like_the_page():
    # Python's round() would give 2 for 2.5 (banker's rounding); the page's Math.floor(x + 0.5) gives 3.
    assert [round_euro(x) for x in (0.5, 1.5, 2.5, 2.4999, -0.5, -1.5)] == [1, 2, 3, 2, 0, -1]


def reference_profile() -> Profile:
    """Every factor exactly 1: an assumed industry at 1.0, the reference size, the curve's 1.0."""
    industry = next(key for key, c in TABLES.industries.items() if c.factor == 1.0)
    years = TABLES.experience.index(1.0)
    return Profile(industry, MODEL.unternehmensgroessen.bezug, years, TABLES.default_share)


def test_reference_profile_is_the_sourced_average_and_spread():
    result = estimate(TABLES, reference_profile())
    assert result.typical == figure("stepstone_2021_mittel")
    assert (result.low, result.high) == (figure("stepstone_2021_von"), figure("stepstone_2021_bis"))
    assert result.monthly_typical == round_euro(result.typical / 12)
    assert result.fixed_typical + result.variable_typical == result.typical
    assert result.variable_typical == round_euro(result.typical * figure("variabel_anteil_hsg") / 100)


def test_worked_example_follows_the_documented_rules():
    """Maschinenbau, Konzern, 10 years, Hessen, team lead: the rules of gehaltsmodell.yml by hand."""
    industries = [figure("jahr_automobil"), figure("jahr_maschinenbau"), figure("jahr_chemie")]
    industry = figure("jahr_maschinenbau") / (sum(industries) / 3)
    # klein and konzern are sourced; mittel (the reference) is one of three equal ratio steps up.
    size = (figure("monat_account_gross") / figure("monat_account_klein")) ** (2 / 3)
    states = ["hessen", "bayern", "baden_wuerttemberg", "nordrhein_westfalen", "berlin", "thueringen",
              "sachsen", "brandenburg"]
    mean = sum(figure(f"monat_{state}") for state in states) / len(states)
    region = 1 + MODEL.bundeslaender.gewicht.wert * (figure("monat_hessen") / mean - 1)
    team = MODEL.verantwortung.teamleitung.faktor
    expected = figure("stepstone_2021_mittel") * industry * size * 1.0 * region * team
    result = estimate(TABLES, Profile("maschinenbau", "konzern", 10, 25, region="hessen", team_lead=True))
    assert result.typical == pytest.approx(expected, abs=1)
    assert result.fixed_typical == round_euro(result.typical * 0.75)


def test_experience_curve_interpolates_between_points():
    points = MODEL.erfahrung.stuetzstellen
    assert TABLES.experience[0] == points[0]
    assert TABLES.experience[3] == pytest.approx(points[2] + (points[5] - points[2]) / 3)
    assert TABLES.experience[YEARS[1]] == points[max(points)]


def test_mid_career_profiles_lie_inside_the_articles_range():
    low, high = figure("gehalt_jahr_von"), figure("gehalt_jahr_bis")
    first, last = TABLES.guide_years
    for industry in TABLES.industries:
        for size in TABLES.sizes:
            for years in range(first, last + 1):
                typical = estimate(TABLES, Profile(industry, size, years, TABLES.default_share)).typical
                assert low <= typical <= high, (industry, size, years, typical)


def test_every_parameter_is_sourced_or_an_assumption():
    for key in ("konsumgueter", "it-software", "handel-ecommerce"):
        assert TABLES.industries[key].sources == (ASSUMPTION,)
    for key in ("automotive", "maschinenbau", "chemie-pharma"):
        assert TABLES.industries[key].sources == ("stepstone-branchen",)
    assert TABLES.experience_sources == (ASSUMPTION,)
    assert ASSUMPTION in TABLES.sizes["mittel"].sources
    assert CONTENT.sources[ASSUMPTION].thema == "Gehalt"


# ---------- properties ----------


@QUICK
@given(profiles)
def test_range_split_and_month_add_up(profile):
    result = estimate(TABLES, profile)
    assert 0 < result.low <= result.typical <= result.high
    assert result.fixed_typical + result.variable_typical == result.typical
    assert result.fixed_typical >= 0 and result.variable_typical >= 0
    assert result.monthly_typical == round_euro(result.typical / 12)
    amounts = (result.low, result.typical, result.high, result.monthly_typical, result.fixed_typical,
               result.variable_typical)
    assert all(type(amount) is int for amount in amounts)
    assert sum(step.effect for step in result.steps) == result.typical - round_euro(TABLES.base)


@QUICK
@given(profiles)
def test_never_falls_with_experience(profile):
    if profile.years < YEARS[1]:
        older = replace(profile, years=profile.years + 1)
        assert estimate(TABLES, older).typical >= estimate(TABLES, profile).typical
        assert estimate(TABLES, older).low >= estimate(TABLES, profile).low


@QUICK
@given(profiles)
def test_technical_sales_pays_at_least_as_much_as_consumer_goods(profile):
    consumer = estimate(TABLES, replace(profile, industry="konsumgueter")).typical
    for industry in ("automotive", "maschinenbau", "chemie-pharma", "it-software"):
        assert estimate(TABLES, replace(profile, industry=industry)).typical >= consumer


@QUICK
@given(profiles)
def test_bigger_company_and_more_responsibility_never_pay_less(profile):
    def typical(**changes):
        return estimate(TABLES, replace(profile, **changes)).typical

    sizes = list(TABLES.sizes)
    assert [typical(company_size=s) for s in sizes] == sorted(typical(company_size=s) for s in sizes)
    account_sizes = list(TABLES.account_sizes)
    assert [typical(account_size=a) for a in account_sizes] == sorted(
        typical(account_size=a) for a in account_sizes)
    assert typical(team_lead=True) >= typical(team_lead=False)
    if profile.key_accounts and profile.key_accounts < TABLES.max_accounts:
        assert typical(key_accounts=profile.key_accounts + 1) >= typical()


@QUICK
@given(profiles, st.integers(*VARIABLE_SHARE))
def test_variable_share_only_splits_the_total(profile, share):
    before, after = estimate(TABLES, profile), estimate(TABLES, replace(profile, variable_share=share))
    assert (after.low, after.typical, after.high) == (before.low, before.typical, before.high)


@QUICK
@given(profiles)
def test_explanation_names_every_input_that_moved_the_result(profile):
    result = estimate(TABLES, profile)
    text = "\n".join(explain(TABLES, profile))
    for step in result.steps:
        assert f"{step.label} „{step.choice.name}“" in text
    assert euros(result.fixed_typical) in text


# ---------- checked input ----------


@pytest.mark.parametrize(("text", "value"), [("0", 0), (" 50 ", 50), ("+7", 7)])
def test_whole_numbers_are_read(text, value):
    assert parse_whole(text, 0, 50) == (value, None)


@pytest.mark.parametrize(("text", "message"), [
    ("abc", "„abc“ ist keine ganze Zahl; erlaubt: ganze Zahlen von 0 bis 50"),
    ("6,5", "ist keine ganze Zahl"),
    ("٣", "ist keine ganze Zahl"),  # digits of other scripts: the page refuses them too
    ("51", "51 liegt außerhalb des erlaubten Bereichs; erlaubt: 0 bis 50"),
    ("-1", "-1 liegt außerhalb"),
])
def test_wrong_numbers_get_a_german_message(text, message):
    value, error = parse_whole(text, 0, 50)
    assert value is None and message in error


def test_profile_errors_name_the_allowed_values():
    _, errors = parse_profile(TABLES, {"industry": "bergbau", "company_size": None, "years": "x",
                                       "variable_share": "20", "region": "hamburg"})
    assert "konsumgueter, automotive, maschinenbau, chemie-pharma, it-software, handel-ecommerce" \
        in errors["industry"]
    assert errors["company_size"] == "fehlt; erlaubt: klein, mittel, gross, konzern"
    assert "0 bis 50" in errors["years"]
    assert "hessen" in errors["region"]
    assert "variable_share" not in errors


# ---------- prose, page data, notebook ----------


def test_prose_values_come_from_the_model():
    _, profile = TABLES.examples["angebot"]
    result = estimate(TABLES, profile)
    assert example_text(TABLES, "angebot", "typisch") == euros(result.typical)
    assert example_text(TABLES, "angebot", "monat") == euros(result.monthly_typical)
    assert example_text(TABLES, "angebot", "anteil") == f"{TABLES.default_share}\u00a0%"
    heute = TABLES.examples["heute"][1]
    assert example_text(TABLES, "heute", "bundesland") == TABLES.regions[heute.region].name


def test_unknown_salary_reference_in_a_chapter_is_refused(tmp_path):
    chapter = tmp_path / "kapitel.md"
    chapter.write_text("# Test\n\nTypisch {gehalt}`angebot.typisch`, aber {gehalt}`angebot.median`.\n",
                       encoding="utf-8")
    _, problems = load_content(chapters_to_check=[chapter])
    assert [str(p).split(": ", 1)[1] for p in problems] == ["unbekannte Gehaltsangabe „angebot.median“"]


def test_page_data_holds_the_models_factors():
    data = page_data(TABLES, lambda key: f"quellen.html#quelle-{key}")
    assert json.loads(json.dumps(data)) == data  # plain JSON, floats survive unchanged
    assert data["ausgangswert"]["wert"] == TABLES.base
    assert [c["faktor"] for c in data["branchen"]] == [c.factor for c in TABLES.industries.values()]
    assert data["erfahrung"]["faktoren"] == list(TABLES.experience)
    assert [p["id"] for p in data["profile"]] == list(TABLES.examples)[:2]
    assert data["quellen"][ASSUMPTION]["annahme"] is True


def test_notebook_app_computes_with_the_model_and_refuses_wrong_input():
    from exercises.salary_widget import salary_widget

    app = salary_widget(TABLES)
    comparison = app.children[2]
    first, second = app.children[1].children
    heute = TABLES.examples["heute"][1]
    assert euros(estimate(TABLES, heute).typical) in first.children[-1].value
    years = first.children[3]
    years.value = 20
    assert euros(estimate(TABLES, replace(heute, years=20)).typical) in first.children[-1].value
    accounts = second.children[6]
    accounts.value = "viele"
    assert "Fehler" in second.children[-1].value
    assert "„viele“ ist keine ganze Zahl" in second.children[-1].value
    assert "Der Vergleich erscheint" in comparison.value
    accounts.value = "4"
    assert "gegenüber" in comparison.value


def test_display_call_gives_static_page_and_widget():
    from exercises.display import salary_calculator

    bundle = salary_calculator()._repr_mimebundle_()
    assert 'data-kurs-gehalt="rechner"' in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


# ---------- command line ----------


def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", "salary", *map(str, args)],
                          capture_output=True, text=True, cwd=PROJECT)


def test_json_output_has_the_keys_of_the_issue_in_whole_euros():
    result = run("--industry", "maschinenbau", "--company-size", "gross", "--years", 8,
                 "--variable-share", 25, "--region", "bayern", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["annual", "monthly_typical", "fixed_typical", "variable_typical", "currency",
                          "inputs", "sources"]
    assert list(data["annual"]) == ["low", "typical", "high"]
    profile = Profile("maschinenbau", "gross", 8, 25, region="bayern")
    assert data == json.loads(json.dumps(result_json(TABLES, estimate(TABLES, profile))))
    assert data["currency"] == "EUR"
    assert all(isinstance(data[key], int) for key in ("monthly_typical", "fixed_typical", "variable_typical"))
    assert data["inputs"]["years"] == 8 and data["inputs"]["region"] == "bayern"
    assert {"stepstone-2021", "stepstone-branchen", ASSUMPTION} <= {s["id"] for s in data["sources"]}


def test_text_output_is_german_with_the_same_numbers():
    result = run("--industry", "konsumgueter", "--company-size", "klein", "--years", 3,
                 "--variable-share", 10, "--key-accounts", 2, "--account-size", "regional", "--team-lead")
    assert result.returncode == 0, result.stderr
    profile = Profile("konsumgueter", "klein", 3, 10, key_accounts=2, account_size="regional", team_lead=True)
    estimate_ = estimate(TABLES, profile)
    assert f"Jahresgehalt typisch: {euros(estimate_.typical)}" in result.stdout
    assert "Warum diese Zahl?" in result.stdout and "Annahme des Kurses" in result.stdout


@pytest.mark.parametrize(("args", "option", "allowed"), [
    (["--industry", "bergbau", "--company-size", "klein", "--years", 3, "--variable-share", 10],
     "--industry", "konsumgueter, automotive, maschinenbau, chemie-pharma, it-software, handel-ecommerce"),
    (["--industry", "automotive", "--company-size", "winzig", "--years", 3, "--variable-share", 10],
     "--company-size", "klein, mittel, gross, konzern"),
    (["--industry", "automotive", "--company-size", "klein", "--years", 51, "--variable-share", 10],
     "--years", "0 bis 50"),
    (["--industry", "automotive", "--company-size", "klein", "--years", "zwei", "--variable-share", 10],
     "--years", "ganze Zahlen von 0 bis 50"),
    (["--industry", "automotive", "--company-size", "klein", "--years", 3, "--variable-share", "12.5"],
     "--variable-share", "0 bis 50"),
    (["--industry", "automotive", "--company-size", "klein", "--years", 3],
     "--variable-share", "fehlt; erlaubt: ganze Zahlen von 0 bis 50"),
    (["--industry", "automotive", "--company-size", "klein", "--years", 3, "--variable-share", 10,
      "--region", "hamburg"], "--region", "hessen, bayern"),
    (["--industry", "automotive", "--company-size", "klein", "--years", 3, "--variable-share", 10,
      "--key-accounts", 0], "--key-accounts", "1 bis 50"),
])
def test_wrong_input_exits_2_naming_option_and_allowed_values(args, option, allowed):
    result = run(*args, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    line = next(text for text in result.stderr.splitlines() if text.startswith(f"Fehler bei {option}:"))
    assert allowed in line

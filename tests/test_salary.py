"""The salary model (exercises/salary/model.py), its data checks, the notebook app and
``python -m exercises salary``.

Broken data files live in ``tests/fixtures/kaputt-gehalt`` and are checked by
tests/test_cli.py like every other broken fixture (PATH:LINE and message).
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import PROJECT
from ruamel.yaml import YAML

from exercises.content import load_content, require_content
from exercises.salary.model import (
    ASSUMPTION,
    VARIABLE_SHARE,
    YEARS,
    FigureValue,
    Profile,
    Tables,
    estimate,
    euros,
    example_text,
    explain,
    page_data,
    parameter_problems,
    parse_profile,
    parse_whole,
    result_json,
    round_euro,
    tables,
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
    account_size=st.none() | st.sampled_from(list(TABLES.account_sizes)),
    team_lead=st.booleans(),
)


# ---------- rounding and worked examples ----------


def test_amounts_are_rounded_to_hundreds_halves_up_like_the_page():
    # Python's round() would give 200 for 250 (banker's rounding); the page's floor(x / 100 + 0.5) gives 300.
    amounts = (50, 149.99, 150, 250, 61249.99, 61250, 0, -50, -150)
    assert [round_euro(x) for x in amounts] == [100, 100, 200, 300, 61200, 61300, 0, 0, -100]


def test_2021_figures_are_carried_forward_to_2024_with_the_wage_index():
    # FACTS.md: Nominallohnindex 2022 +3.4 %, 2023 +6.0 %, 2024 +5.4 %, together about 1.155.
    assert TABLES.wage_index == pytest.approx(1.034 * 1.060 * 1.054)
    assert TABLES.wage_index == pytest.approx(1.155, abs=0.001)
    assert TABLES.base == pytest.approx(figure("stepstone_2021_mittel") * 1.034 * 1.060 * 1.054)
    assert (TABLES.base_year, TABLES.target_year, TABLES.level) == (2021, 2024, "auf 2024 fortgeschrieben")
    assert TABLES.base_sources == ("stepstone-2021", "destatis-nominallohnindex")
    lines = explain(TABLES, Profile("automotive", "mittel", 10, 20))
    assert lines[0].startswith(f"Ausgangswert {euros(round_euro(TABLES.base))}: "
                               f"{euros(figure('stepstone_2021_mittel'))} für 2021")
    assert "auf 2024 fortgeschrieben" in lines[0] and "2023: +6\u00a0%" in lines[0]


def test_a_starting_value_from_the_target_year_is_not_carried_forward():
    """A company edition's own figures of 2024 or later stay as entered."""
    recent = MODEL.model_copy(update={"ausgangswert": FigureValue(zahl="stepstone_2021_mittel",
                                                                  quelle="stepstone-2021", jahr=2025)})
    resolved = tables(recent, CONTENT.figures, CONTENT.sources)
    assert resolved.wage_index == 1.0 and resolved.base == figure("stepstone_2021_mittel")
    assert resolved.level == "Stand 2025"
    assert resolved.base_sources == ("stepstone-2021",)


def test_a_model_without_carry_forward_keeps_its_figures_and_says_so():
    """A company edition may leave the index out: its own figures are not lifted."""
    plain = MODEL.model_copy(update={"fortschreibung": None})
    assert parameter_problems(plain, CONTENT.figures, CONTENT.sources) == []
    resolved = tables(plain, CONTENT.figures, CONTENT.sources)
    assert resolved.wage_index == 1.0 and resolved.level == "Stand 2021"
    assert "destatis-nominallohnindex" not in resolved.base_sources
    assert explain(resolved, Profile("automotive", "mittel", 10, 20))[0] == (
        f"Ausgangswert {euros(figure('stepstone_2021_mittel'))} (StepStone 2021)")


def test_spread_and_split_follow_the_sources():
    profile = Profile("automotive", MODEL.unternehmensgroessen.bezug, 10, TABLES.default_share)
    result = estimate(TABLES, profile)
    raw = TABLES.base * TABLES.industries["automotive"].factor
    assert result.typical == round_euro(raw)
    low_ratio = figure("stepstone_2021_von") / figure("stepstone_2021_mittel")
    high_ratio = figure("stepstone_2021_bis") / figure("stepstone_2021_mittel")
    assert (result.low, result.high) == (round_euro(raw * low_ratio), round_euro(raw * high_ratio))
    assert result.monthly_typical == round_euro(result.typical / 12)
    assert result.fixed_typical + result.variable_typical == result.typical
    assert result.variable_typical == result.typical - round_euro(result.typical * (100 - 20) / 100)


def test_worked_example_follows_the_documented_rules():
    """Maschinenbau, Konzern, 10 years, Hessen, team lead: the rules of gehaltsmodell.yml by hand."""
    industries = [figure("jahr_automobil"), figure("jahr_maschinenbau"), figure("jahr_chemie")]
    industry = figure("jahr_maschinenbau") / (sum(industries) / 3) * MODEL.branchenniveau.wert
    # klein and konzern are sourced; mittel (the reference) is one of three equal ratio steps up.
    size = (figure("monat_account_gross") / figure("monat_account_klein")) ** (2 / 3)
    states = ["hessen", "bayern", "baden_wuerttemberg", "nordrhein_westfalen", "berlin", "thueringen",
              "sachsen", "brandenburg"]
    mean = sum(figure(f"monat_{state}") for state in states) / len(states)
    region = 1 + MODEL.bundeslaender.gewicht.wert * (figure("monat_hessen") / mean - 1)
    team = MODEL.verantwortung.teamleitung.faktor
    wage_index = 1 + figure("nominallohn_2022") / 100
    wage_index *= (1 + figure("nominallohn_2023") / 100) * (1 + figure("nominallohn_2024") / 100)
    expected = figure("stepstone_2021_mittel") * wage_index * industry * size * 1.0 * region * team
    result = estimate(TABLES, Profile("maschinenbau", "konzern", 10, 25, region="hessen", team_lead=True))
    assert result.typical == pytest.approx(expected, abs=50)
    assert result.fixed_typical == round_euro(result.typical * 0.75)


def test_experience_curve_interpolates_between_points():
    points = MODEL.erfahrung.stuetzstellen
    assert TABLES.experience[0] == points[0]
    assert TABLES.experience[3] == pytest.approx(points[2] + (points[5] - points[2]) / 3)
    assert TABLES.experience[YEARS[1]] == points[max(points)]


def test_mid_career_profiles_lie_inside_the_articles_range_at_the_sources_level():
    low, high = figure("gehalt_jahr_von"), figure("gehalt_jahr_bis")
    first, last = TABLES.guide_years
    at_source_level = replace(TABLES, base=figure("stepstone_2021_mittel"))
    for industry in TABLES.industries:
        for size in TABLES.sizes:
            for years in range(first, last + 1):
                profile = Profile(industry, size, years, TABLES.default_share)
                typical = estimate(at_source_level, profile).typical
                assert low <= typical <= high, (industry, size, years, typical)


@QUICK
@given(st.sampled_from(list(TABLES.industries)), st.integers(8, 12), st.integers(*VARIABLE_SHARE))
def test_typical_mid_career_profiles_lie_between_60000_and_85000(industry, years, share):
    """Issue 10: a mid-size company and about ten years land in 60,000 to 85,000 € at the 2024 level."""
    result = estimate(TABLES, Profile(industry, "mittel", years, share))
    assert 60_000 <= result.typical <= 85_000, (industry, years, result.typical)


def test_automotive_pays_above_the_average_and_team_lead_more_than_8_percent():
    # The StepStone table lists automotive among the technical industries that pay more.
    assert TABLES.industries["automotive"].factor > 1
    assert all(TABLES.industries[key].factor > 1 for key in ("maschinenbau", "chemie-pharma"))
    assert TABLES.team_lead.factor > 1.08


def test_assumptions_carry_the_year_they_were_made_and_no_data_year():
    parameters = [MODEL.branchenniveau, MODEL.erfahrung, MODEL.verantwortung.teamleitung,
                  MODEL.branchen["konsumgueter"], MODEL.bundeslaender.gewicht]
    assert all(p.quelle == ASSUMPTION and p.jahr is None and p.jahr_der_annahme for p in parameters)
    data = result_json(TABLES, estimate(TABLES, Profile("konsumgueter", "mittel", 3, 20)))
    assumption = next(source for source in data["sources"] if source["id"] == ASSUMPTION)
    assert assumption["year"] is None and assumption["assumed_in"] == CONTENT.sources[ASSUMPTION].jahr


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
    assert all(type(amount) is int and amount % 100 == 0 for amount in amounts)
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
    assert f"variabel {euros(result.variable_typical)} bei 100 % Zielerreichung" in text


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


def test_notebook_app_computes_with_the_model_and_states_level_and_target():
    from exercises.salary.widget import salary_widget

    app = salary_widget(TABLES)
    intro, comparison = app.children[0], app.children[2]
    first, second = app.children[1].children
    assert "auf 2024 fortgeschrieben" in intro.value and "auf 100\u00a0€ gerundet" in intro.value
    heute = TABLES.examples["heute"][1]
    assert euros(estimate(TABLES, heute).typical) in first.children[-1].value
    assert "auf 2024 fortgeschrieben" in first.children[-1].value
    years = first.children[3]
    years.value = 20
    older = estimate(TABLES, replace(heute, years=20))
    assert euros(older.typical) in first.children[-1].value
    assert f"variabel bei 100 % Zielerreichung: {euros(older.variable_typical)}" in first.children[-1].value
    team_lead = second.children[7]
    team_lead.value = True
    angebot = replace(TABLES.examples["angebot"][1], team_lead=True)
    difference = estimate(TABLES, angebot).typical - older.typical
    assert f"{'+' if difference > 0 else '−'}{euros(abs(difference))} im Jahr" in comparison.value


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
                          "rounded_to", "level", "variable_assumes", "inputs", "sources"]
    assert (data["rounded_to"], data["level"]) == (100, "auf 2024 fortgeschrieben")
    assert data["variable_assumes"] == "bei 100 % Zielerreichung"
    assert list(data["annual"]) == ["low", "typical", "high"]
    profile = Profile("maschinenbau", "gross", 8, 25, region="bayern")
    assert data == json.loads(json.dumps(result_json(TABLES, estimate(TABLES, profile))))
    assert data["currency"] == "EUR"
    assert all(isinstance(data[key], int) for key in ("monthly_typical", "fixed_typical", "variable_typical"))
    assert data["inputs"]["years"] == 8 and data["inputs"]["region"] == "bayern"
    assert {"stepstone-2021", "destatis-nominallohnindex", "stepstone-branchen", ASSUMPTION} <= {
        s["id"] for s in data["sources"]}


def test_text_output_is_german_with_the_same_numbers():
    result = run("--industry", "konsumgueter", "--company-size", "klein", "--years", 3,
                 "--variable-share", 10, "--account-size", "regional", "--team-lead")
    assert result.returncode == 0, result.stderr
    profile = Profile("konsumgueter", "klein", 3, 10, account_size="regional", team_lead=True)
    estimate_ = estimate(TABLES, profile)
    assert f"Jahresgehalt typisch: {euros(estimate_.typical)}" in result.stdout
    assert f"variabel bei 100 % Zielerreichung: {euros(estimate_.variable_typical)}" in result.stdout
    assert "auf 2024 fortgeschrieben" in result.stdout and "auf 100\u00a0€ gerundet" in result.stdout
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
      "--account-size", "riesig"], "--account-size", "regional, national, international"),
])
def test_wrong_input_exits_2_naming_option_and_allowed_values(args, option, allowed):
    result = run(*args, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    line = next(text for text in result.stderr.splitlines() if text.startswith(f"Fehler bei {option}:"))
    assert allowed in line


# ---------- the quiz item that quotes the calculator ----------


def quiz_item(question_id: str) -> dict:
    path = PROJECT / "exercises" / "inhalte" / "quiz-gehalt.yml"
    bank = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return next(question for question in bank["fragen"] if question["id"] == question_id)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_quiz_item_on_the_move_to_hessen_agrees_with_the_calculator():
    """Issue 10: one answer everywhere. The item quotes the starting profiles' estimates."""
    item = quiz_item("gehalt-wechsel-hessen")
    (_, heute), (_, angebot) = TABLES.examples["heute"], TABLES.examples["angebot"]
    before, after = estimate(TABLES, heute), estimate(TABLES, angebot)
    question = flat(item["frage"]).replace("\u00a0", " ")
    assert f"{heute.years} Jahren Berufserfahrung" in question and angebot.years == heute.years
    assert f"typisch {euros(before.typical)}".replace("\u00a0", " ") in question
    right = [flat(o["text"]).replace("\u00a0", " ") for o in item["optionen"] if o.get("richtig")]
    wrong = [flat(o["text"]).replace("\u00a0", " ") for o in item["optionen"] if not o.get("richtig")]
    quoted = f"Typisch {euros(after.typical)} (Spanne {euros(after.low)} bis {euros(after.high)})"
    assert right[0].startswith(quoted.replace("\u00a0", " "))
    assert not any(euros(after.typical).replace("\u00a0", " ") in text for text in wrong)
    # "vor allem wegen Unternehmensgröße und Bundesland": both move the estimate more than the industry.
    effects = {step.input: step.choice.factor for step in after.steps}
    effects_before = {step.input: step.choice.factor for step in before.steps}
    ratio = {key: effects[key] / effects_before[key] for key in ("industry", "company_size", "region")}
    assert min(ratio["company_size"], ratio["region"]) > ratio["industry"]


# ---------- a company edition: the company's figures as entered ----------


def company_tables(tmp_path, **salary) -> Tables:
    """The salary model as a company build leaves it, for the sample company with ``salary``."""
    from ruamel.yaml import YAML as RoundTrip

    from exercises.build import apply_company_salary, load_company
    from exercises.company import CompanySalary

    sample = load_company(PROJECT / "exercises" / "firmen" / "firma-muster.yml")
    company = sample.model_copy(update={"gehalt": CompanySalary(**salary)})
    shutil.copytree(PROJECT / "exercises" / "inhalte", tmp_path / "exercises" / "inhalte")
    shutil.copy2(PROJECT / "_toc.yml", tmp_path / "_toc.yml")
    shutil.copytree(PROJECT / "book", tmp_path / "book")  # the chapters the content refers to
    apply_company_salary(company, tmp_path, RoundTrip())
    content, problems = load_content(project=tmp_path)
    assert problems == []
    return content.salary_tables()


def test_company_mode_shows_the_band_as_entered_without_factors_or_rounding(tmp_path):
    resolved = company_tables(tmp_path, jahr=2026, ausgangswert=64321, spanne_von=62000, spanne_bis=88000,
                              variabler_anteil=15)
    assert resolved.level == "Zahlen von Muster Armaturen GmbH (Stand 2026)"
    # a high-paying and a low-paying profile: no input moves the company's figures
    for profile in (Profile("automotive", "konzern", 30, 40, "hessen", "international", True),
                    Profile("konsumgueter", "klein", 0, 0, "sachsen")):
        result = estimate(resolved, profile)
        assert (result.low, result.typical, result.high) == (62000, 64321, 88000)
        assert result.steps == ()
        assert (result.fixed_typical, result.variable_typical) == (54673, 9648)  # 85 % / 15 % of 64.321 €
        assert result.monthly_typical == 5360  # 64.321 € / 12 = 5.360,08 €
        assert result.sources == ("firma",)
    data = page_data(resolved, lambda key: f"quellen.html#{key}")
    assert set(data) == {"firma"}  # the page gets no factors to apply
    assert (data["firma"]["unten"], data["firma"]["typisch"], data["firma"]["oben"]) == (62000, 64321, 88000)
    assert data["firma"]["zeilen"][0] == ("Jahresgehalt typisch: 64.321\u00a0€ "
                                          "(Spanne 62.000\u00a0€ bis 88.000\u00a0€)")
    assert "Marktfaktoren" in data["firma"]["stand"]


def test_company_mode_without_a_variable_share_shows_no_split(tmp_path):
    resolved = company_tables(tmp_path, jahr=2025, ausgangswert=70000, spanne_von=62000, spanne_bis=88000)
    result = estimate(resolved, Profile("maschinenbau", "mittel", 6, 20))
    assert (result.fixed_typical, result.variable_typical) == (None, None)
    assert not any("Fixum" in line for line in page_data(resolved, str)["firma"]["zeilen"])


def test_company_mode_cli_and_notebook_app_give_the_page_numbers(tmp_path):
    from exercises.salary.widget import salary_widget

    company_tables(tmp_path, jahr=2026, ausgangswert=64000, spanne_von=62000, spanne_bis=88000,
                   variabler_anteil=15)
    env = {**os.environ, "KURS_PROJEKT": str(tmp_path)}
    output = subprocess.run([sys.executable, "-m", "exercises", "salary", "--json"], capture_output=True,
                            text=True, cwd=PROJECT, env=env)
    assert output.returncode == 0, output.stderr
    printed = json.loads(output.stdout)
    assert printed["annual"] == {"low": 62000, "typical": 64000, "high": 88000}
    assert (printed["fixed_typical"], printed["variable_typical"]) == (54400, 9600)
    assert printed["inputs"] == {} and printed["rounded_to"] == 1
    refused = subprocess.run([sys.executable, "-m", "exercises", "salary", "--industry", "chemie"],
                             capture_output=True, text=True, cwd=PROJECT, env=env)
    assert refused.returncode == 2 and "Fehler bei --industry: gilt in dieser Ausgabe nicht" in refused.stderr
    content, _ = load_content(project=tmp_path)
    app = salary_widget(content.salary_tables()).value
    assert "Zahlen von Muster Armaturen GmbH (Stand 2026)" in app
    assert "Spanne 62.000\u00a0€ bis 88.000\u00a0€" in app and "Fixum 54.400\u00a0€" in app

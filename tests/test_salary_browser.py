"""The salary calculator in the built Gehalt chapter (Chromium): the same
numbers as the Python model, inline messages for wrong input, and the inputs
kept in the page address so that a link carries them (over http and file://)."""

import random
from dataclasses import asdict, replace
from urllib.parse import urlparse

import pytest
from exercise_driver import grave_violations

from exercises.content import require_content
from exercises.salary.model import VARIABLE_SHARE, YEARS, Profile, estimate, euros, example_text, round_euro

pytestmark = pytest.mark.browser
TABLES = require_content().salary_tables()
PAGE = "book/gehalt.html"
FIELDS = ("typisch", "unten", "oben", "monat", "fixum", "variabel")


def parity_table(count: int = 160) -> list[Profile]:
    """Random profiles over every input (fixed seed), plus the edges of each range."""
    rng = random.Random(4)

    def maybe(options):
        return rng.choice([None, *options])

    table = [Profile(rng.choice(list(TABLES.industries)), rng.choice(list(TABLES.sizes)), rng.randint(*YEARS),
                     rng.randint(*VARIABLE_SHARE), maybe(list(TABLES.regions)),
                     maybe(list(TABLES.account_sizes)), rng.random() < 0.3)
             for _ in range(count)]
    edge = Profile("maschinenbau", "konzern", YEARS[1], VARIABLE_SHARE[1], "hessen", "international", True)
    table += [edge, replace(edge, years=YEARS[0], variable_share=VARIABLE_SHARE[0])]
    table += [replace(edge, industry="handel-ecommerce", company_size="klein", region="brandenburg",
                      account_size="regional", team_lead=False)]
    return table


def expected(profile: Profile) -> dict:
    result = estimate(TABLES, profile)
    return {
        "annual": {"low": result.low, "typical": result.typical, "high": result.high},
        "monthly_typical": result.monthly_typical, "fixed_typical": result.fixed_typical,
        "variable_typical": result.variable_typical, "sources": list(result.sources),
        "effects": [[step.input, step.effect] for step in result.steps],
    }


@pytest.fixture
def open_page(visit):
    """Opens the chapter (with an optional address part after "#") and checks for errors at the end."""
    visits = []

    def opener(base: str, fragment: str = ""):
        visits.append(visit())
        page = visits[-1].open(f"{base}/{PAGE}{fragment}")
        page.wait_for_selector("[data-kurs-gehalt][data-bereit]")
        return page

    yield opener
    assert [error for v in visits for error in v.errors] == []


def shown(page, profile_id: str) -> dict[str, int]:
    """The amounts a profile shows, from the page itself."""
    section = page.locator(f"section[data-profil='{profile_id}']")
    return {field: int(section.locator(f"[data-wert='{field}']").get_attribute("data-euro"))
            for field in FIELDS}


def amounts(profile: Profile) -> dict[str, int]:
    result = estimate(TABLES, profile)
    return dict(zip(FIELDS, (result.typical, result.low, result.high, result.monthly_typical,
                             result.fixed_typical, result.variable_typical), strict=True))


def fill(page, profile_id: str, profile: Profile) -> None:
    """Set a profile through the real form, as a person would."""
    section = page.locator(f"section[data-profil='{profile_id}']")
    section.locator("select[name='industry']").select_option(profile.industry)
    section.locator("select[name='company_size']").select_option(profile.company_size)
    section.locator("input[name='years']").fill(str(profile.years))
    section.locator("input[name='variable_share']").fill(str(profile.variable_share))
    section.locator("select[name='region']").select_option(profile.region or "")
    section.locator("select[name='account_size']").select_option(profile.account_size or "")
    section.locator("input[name='team_lead']").set_checked(profile.team_lead)


def test_page_and_python_model_agree_on_a_table_of_profiles(open_page, site_url):
    page = open_page(site_url)
    table = parity_table()
    assert len(table) >= 100
    computed = page.evaluate("profiles => profiles.map(p => Kurs.gehalt.berechnen(p))",
                             [asdict(profile) for profile in table])
    mismatches = [(profile, got) for profile, got in zip(table, computed, strict=True)
                  if got != expected(profile)]
    assert mismatches == []


def test_page_rounds_and_formats_like_python(open_page, site_url):
    page = open_page(site_url)
    halves = [50, 150, 250, 61249.99999, 61250, 70699.84099200001, 0.5]
    rounded = page.evaluate("xs => xs.map(Kurs.gehalt.runden)", halves)
    assert rounded == [round_euro(x) for x in halves]
    assert all(amount % 100 == 0 for amount in rounded)
    amounts_ = [0, 7, 999, 1000, 65000, 1234567]
    assert page.evaluate("xs => xs.map(Kurs.gehalt.euro)", amounts_) == [euros(n) for n in amounts_]


def test_starting_profiles_and_prose_show_the_models_numbers(open_page, site_url):
    page = open_page(site_url)
    for profile_id, (_, profile) in list(TABLES.examples.items())[:2]:
        assert shown(page, profile_id) == amounts(profile)
        typical = page.locator(f"section[data-profil='{profile_id}'] [data-wert='typisch']").text_content()
        assert typical == euros(estimate(TABLES, profile).typical)
    paragraphs = page.locator("xpath=//section[h2[contains(., 'Gehaltsrechner')]]/p").all()
    prose = " ".join(paragraph.text_content() for paragraph in paragraphs)
    for field in ("typisch", "unten", "oben", "monat", "fixum", "variabel", "anteil"):
        assert example_text(TABLES, "angebot", field) in prose


def test_page_states_the_level_the_rounding_and_the_target(open_page, site_url):
    page = open_page(site_url)
    calculator = page.locator("[data-kurs-gehalt]")
    assert "auf 2024 fortgeschrieben" in calculator.locator(".kurs-anleitung").first.text_content()
    assert "auf 100\u00a0€ gerundet" in calculator.text_content()
    typical = page.locator("section[data-profil='heute'] .kurs-gehalt-typisch").text_content()
    assert typical.endswith("(typisch, brutto, auf 2024 fortgeschrieben)")
    variable = page.locator("section[data-profil='heute'] dd:has([data-wert='variabel'])").text_content()
    assert "bei 100 % Zielerreichung" in variable


def test_the_real_form_gives_the_models_numbers(open_page, site_url):
    page = open_page(site_url)
    rng = random.Random(9)
    for profile in rng.sample(parity_table(), 6):
        fill(page, "angebot", profile)
        assert shown(page, "angebot") == amounts(profile), profile
    heute = TABLES.examples["heute"][1]
    difference = estimate(TABLES, profile).typical - estimate(TABLES, heute).typical
    assert int(page.locator(".kurs-gehalt-vergleich").get_attribute("data-euro")) == difference


def test_why_this_number_lists_the_inputs_that_moved_it_and_the_sources(open_page, site_url):
    page = open_page(site_url)
    profile = Profile("it-software", "mittel", 10, 20, account_size="international", team_lead=True)
    fill(page, "heute", profile)
    section = page.locator("section[data-profil='heute']")
    section.locator(".kurs-gehalt-warum summary").click()
    moved = section.locator(".kurs-gehalt-schritte li")
    result = estimate(TABLES, profile)
    assert [item.get_attribute("data-eingabe") for item in moved.all()] == \
        [step.input for step in result.steps if step.effect]
    assert "Annahme des Kurses" in moved.first.text_content()
    links = section.locator(".kurs-gehalt-quellen a")
    names = [TABLES.source_labels[key][0] for key in result.sources]
    assert [link.text_content() for link in links.all()] == names
    assert all(urlparse(link.get_attribute("href")).path == "quellen.html" for link in links.all())
    assert "Ohne Wirkung auf die Summe" in section.locator(".kurs-gehalt-warum-inhalt").text_content()


@pytest.mark.parametrize(("field", "text", "message"), [
    ("years", "abc", "„abc“ ist keine ganze Zahl. Erlaubt sind ganze Zahlen von 0 bis 50."),
    ("years", "51", "51 liegt außerhalb des erlaubten Bereichs. Erlaubt sind ganze Zahlen von 0 bis 50."),
    ("years", "", "Fehlt: Bitte geben Sie die Berufserfahrung als ganze Zahl von 0 bis 50 ein."),
    ("variable_share", "12,5", "„12,5“ ist keine ganze Zahl."),
    ("variable_share", "-3", "-3 liegt außerhalb des erlaubten Bereichs."),
])
def test_wrong_input_gets_an_inline_message_and_never_nan(open_page, site_url, field, text, message):
    page = open_page(site_url)
    section = page.locator("section[data-profil='heute']")
    field_input = section.locator(f"input[name='{field}']")
    field_input.fill(text)
    assert field_input.get_attribute("aria-invalid") == "true"
    error_id = field_input.get_attribute("id") + "-fehler"
    assert error_id in field_input.get_attribute("aria-describedby").split()
    error = page.locator(f"#{error_id}")
    assert error.is_visible() and message in error.text_content()
    assert section.get_attribute("data-gueltig") == "nein"
    assert section.locator(".kurs-gehalt-ergebnis").is_hidden()
    assert section.locator(".kurs-gehalt-ungueltig").is_visible()
    assert "NaN" not in page.locator("[data-kurs-gehalt]").text_content()
    comparison = page.locator(".kurs-gehalt-vergleich").text_content()
    assert "sobald beide Profile gültige Eingaben haben" in comparison
    # The other profile keeps working, and fixing the input brings the result back.
    assert page.locator("section[data-profil='angebot']").get_attribute("data-gueltig") == "ja"
    field_input.fill("3")
    assert field_input.get_attribute("aria-invalid") is None
    assert error.is_hidden()
    assert section.get_attribute("data-gueltig") == "ja"


def test_wrong_input_passes_axe(open_page, site_url):
    page = open_page(site_url)
    page.locator("section[data-profil='heute'] input[name='years']").fill("viele")
    page.locator("section[data-profil='angebot'] .kurs-gehalt-warum summary").click()
    assert grave_violations(page, "[data-kurs-gehalt]") == []


def test_results_are_announced_politely(open_page, site_url):
    page = open_page(site_url)
    region = page.locator("[data-kurs-gehalt] [aria-live='polite']")
    page.locator("section[data-profil='angebot'] input[name='years']").fill("12")
    result = estimate(TABLES, replace(TABLES.examples["angebot"][1], years=12))
    page.wait_for_function("element => element.textContent.includes('typisch')", arg=region.element_handle())
    assert f"Angebot: typisch {euros(result.typical)} im Jahr" in region.text_content()


def shared_link(page) -> str:
    return page.evaluate("location.hash")


def test_a_shared_link_restores_both_profiles(open_page, site_url, site):
    page = open_page(site_url)
    heute = Profile("handel-ecommerce", "gross", 2, 35, "berlin", "national", False)
    angebot = Profile("automotive", "konzern", 14, 15, None, "international", True)
    fill(page, "heute", heute)
    fill(page, "angebot", angebot)
    fragment = shared_link(page)
    assert "heute.branche=handel-ecommerce" in fragment and "angebot.team=ja" in fragment
    for base in (site_url, site.as_uri()):
        other = open_page(base, fragment)
        assert shown(other, "heute") == amounts(heute)
        assert shown(other, "angebot") == amounts(angebot)
        assert other.locator("section[data-profil='heute'] select[name='region']").input_value() == "berlin"
        assert shared_link(other) == fragment


def test_a_link_with_wrong_values_shows_them_without_breaking(open_page, site_url):
    page = open_page(site_url, "#heute.branche=bergbau&heute.jahre=zwanzig&angebot.land=hamburg")
    status = page.locator("[data-kurs-gehalt] [role='status']").text_content()
    assert "„Branche“ (Heute)" in status and "„Bundesland (freiwillig)“ (Angebot)" in status
    heute = page.locator("section[data-profil='heute']")
    assert heute.locator("select[name='industry']").input_value() == TABLES.examples["heute"][1].industry
    assert heute.locator("input[name='years']").get_attribute("aria-invalid") == "true"
    assert "NaN" not in page.locator("[data-kurs-gehalt]").text_content()


def test_reset_restores_the_starting_profiles(open_page, site_url):
    page = open_page(site_url)
    page.locator("section[data-profil='heute'] input[name='years']").fill("40")
    page.get_by_role("button", name="Voreinstellungen wiederherstellen").click()
    assert shown(page, "heute") == amounts(TABLES.examples["heute"][1])
    assert shared_link(page) == ""


def test_keyboard_focus_is_visible_in_the_form(open_page, site_url):
    page = open_page(site_url)
    industry = page.locator("section[data-profil='heute'] select[name='industry']")
    industry.focus()
    page.keyboard.press("Tab")
    size = page.locator("section[data-profil='heute'] select[name='company_size']")
    assert page.evaluate("element => element === document.activeElement", size.element_handle())
    assert page.evaluate("element => getComputedStyle(element).outlineStyle", size.element_handle()) != "none"

"""Role-play scenarios: every path of every scenario, walked in full."""

from collections import Counter
from html import escape
from pathlib import Path

import pytest
from pages import scenario_ids

from exercises.content import load_content
from exercises.roleplay.data import UI_TEXT, role_cards_html, roleplay_data
from exercises.roleplay.model import MAX_EFFECT, Scenario, amounts_in, negotiation_problems, seller_texts
from exercises.trainer import plan_problems

CONTENT, PROBLEMS = load_content()
VALID_FIXTURE = Path(__file__).parent / "fixtures" / "gueltiges-rollenspiel" / "roleplay-test.yml"


def test_course_content_is_valid():
    assert [str(p) for p in PROBLEMS] == []


def test_at_least_four_scenarios_one_in_english():
    scenarios = CONTENT.scenarios.values()
    assert len(scenarios) >= 4
    assert any(s.sprache == "en" for s in scenarios)


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_every_path_ends_with_a_bounded_score(scenario_id):
    scenario: Scenario = CONTENT.scenarios[scenario_id]
    endings_reached = set()
    count = 0
    for path in scenario.paths():
        count += 1
        last, index = path[-1]
        assert index == -1 and scenario.knoten[last].ende
        endings_reached.add(last)
        decisions = len(path) - 1
        for value in scenario.score(path).values():
            assert -MAX_EFFECT * decisions <= value <= MAX_EFFECT * decisions
    assert count > 0
    assert endings_reached == set(scenario.endings())
    assert len(endings_reached) >= 3


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_best_path_is_long_and_branches_merge(scenario_id):
    scenario = CONTENT.scenarios[scenario_id]
    assert len(scenario.best_path()) - 1 >= 5
    incoming = Counter(choice.weiter for node in scenario.knoten.values() for choice in node.optionen or [])
    merging = [name for name, n in incoming.items() if n >= 2 and not scenario.knoten[name].ende]
    assert merging, "keine Verzweigung läuft wieder zusammen"
    ratings = {choice.bewertung for node in scenario.knoten.values() for choice in node.optionen or []}
    assert ratings == {"beste", "akzeptabel", "schwach"}


def test_best_path_scores_highest_in_the_valid_fixture():
    _, problems = load_content([VALID_FIXTURE])
    assert problems == []
    content, _ = load_content([VALID_FIXTURE])
    scenario = content.scenarios["test"]
    best = scenario.score(scenario.best_path())
    # worked out by hand: five "beste" choices of +1, +1, +1, +1, +2 on both skills
    assert best == {"Beziehung": 6, "Wertsicherung": 6}
    # paths from k5: 2; k4: 2 + 1; k3: 3 + 1; k2: both options lead to k3, 2 * 4; k1: 8 + 1
    assert sum(1 for _ in scenario.paths()) == 9


def test_buyers_have_different_names_in_every_scenario():
    surnames = [s.rollen.einkauf.name.split()[-1] for s in CONTENT.scenarios.values()]
    assert len(surnames) == len(set(surnames)) == len(CONTENT.scenarios)
    for scenario in CONTENT.scenarios.values():
        # the buyer named on the card is the person who opens the dialogue
        assert scenario.rollen.einkauf.name.split()[-1] in scenario.knoten[scenario.start].sprecher


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_seller_card_never_shows_the_buyers_limits(scenario_id):
    scenario = CONTENT.scenarios[scenario_id]
    html = role_cards_html(scenario)
    seller_card = html[html.index('id="karte-verkauf"'):html.index('id="karte-einkauf"')]
    for limit in scenario.rollen.einkauf.vertrauliche_grenzen:
        assert escape(limit) not in seller_card
    frame = scenario.verhandlung
    if frame:
        limit = frame.grenze_einkauf
        for _, text in seller_texts(scenario):
            assert limit not in amounts_in(text, frame.einheit, scenario.sprache)
        # the page JSON leaves out the confidential frame, so page source does not give it away
        assert "verhandlung" not in roleplay_data(scenario, "karten.html")


def test_amounts_are_read_with_their_unit_and_language():
    # written out by hand: German and English number formats, amounts only with their unit
    assert amounts_in("2,5 % Nachlass bei 1,5 Millionen Stück", "%", "de") == {2.5}
    assert amounts_in("€98 a block, 108 euros, 38,000 blocks", "€", "en") == {98.0, 108.0}
    assert amounts_in("bis 20.000 Euro je Neuheit", "€", "de") == {20000.0}


def test_the_estimate_that_equalled_the_buyers_limit_is_refused():
    scenario = CONTENT.scenarios["international-buyer"]
    leaked = scenario.model_copy(update={"situation": scenario.situation
                                         + " You estimate that Orvanta could pay up to about €108."})
    messages = [message for _, message in negotiation_problems(leaked)]
    assert any("vertrauliche Grenze des Einkaufs (108 €)" in m for m in messages)


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_offers_follow_the_courses_rules(scenario_id):
    """An offer past the mandate, or a concession without return that goes straight to it, is poor."""
    scenario = CONTENT.scenarios[scenario_id]
    frame = scenario.verhandlung
    if frame is None:
        assert scenario_id == "erstgespraech-neukunde"  # a first meeting without prices
        return
    assert frame.worse(frame.reservationspreis, frame.mandat)  # two different limits, mandate first
    offers = [c for node in scenario.knoten.values() for c in node.optionen or [] if c.angebot]
    assert len(offers) >= 5
    for choice in offers:
        past = frame.worse(choice.angebot.wert, frame.mandat)
        naked_to_the_floor = choice.angebot.wert == frame.mandat and not choice.angebot.gegenleistung
        if past or naked_to_the_floor:
            assert choice.bewertung == "schwach", choice.text
    # the rule has something to bite on: each scenario has a poor offer past its mandate
    assert any(frame.worse(c.angebot.wert, frame.mandat) and c.bewertung == "schwach" for c in offers)


@pytest.mark.parametrize("scenario_id", ["international-buyer", "preissenkung-automotive",
                                         "jahresgespraech-handel"])
def test_debriefs_explain_mandate_and_reservation_price(scenario_id):
    scenario = CONTENT.scenarios[scenario_id]
    words = ("mandate", "reservation price") if scenario.sprache == "en" else ("Mandat", "Reservationspreis")
    debriefs = " ".join(scenario.knoten[name].nachbesprechung for name in scenario.endings())
    assert all(word in debriefs for word in words)
    assert all(word in scenario.situation for word in words)


def test_retail_talks_have_year_end_bonuses_and_run_into_the_first_quarter():
    scenario = CONTENT.scenarios["jahresgespraech-handel"]
    assert "Jahresbonus" in scenario.situation and "Rückvergütung" in scenario.situation
    assert "erste Quartal" in scenario.situation
    assert any("Jahresbonus" in node.text for node in scenario.knoten.values())


def test_automotive_talks_have_a_long_term_agreement_clause():
    scenario = CONTENT.scenarios["preissenkung-automotive"]
    assert "Long Term Agreement" in scenario.situation and "Produktivitätsklausel" in scenario.situation
    best = [scenario.knoten[name].optionen[index].text for name, index in scenario.best_path()[:-1]]
    assert any("Preisgleitklausel" in text for text in best)


def test_english_scenario_uses_idiomatic_terms_and_british_spelling():
    scenario = CONTENT.scenarios["international-buyer"]
    text = scenario.model_dump_json()
    assert "principled negotiation" in text.lower() and "salami tactics" in text.lower()
    assert "Harvard concept" not in text and "salami tactic " not in text
    for american in ("center", "recognize", "apologize", "favor", "behavior", "analyze", "color"):
        assert american not in text.lower(), american


def test_role_cards_and_labels_are_english_for_the_english_scenario():
    english = role_cards_html(CONTENT.scenarios["international-buyer"])
    for label in ("Card 1 of 3 · Seller", "Confidential limits", "Observation sheet", "Goals"):
        assert label in english
    for german in ("Karte", "Ziele", "Spielraum", "Beobachtung", "Drucken"):
        assert german not in english
    german_cards = role_cards_html(CONTENT.scenarios["jahresgespraech-handel"])
    assert "Karte 1 von 3 · Verkauf" in german_cards and "Seller" not in german_cards
    data = roleplay_data(CONTENT.scenarios["international-buyer"], "karten.html")
    assert data["texte"]["ratings"] == {"beste": "best", "akzeptabel": "acceptable", "schwach": "poor"}
    assert data["texte"]["situation"].startswith("Your situation")


def test_every_language_has_the_same_labels():
    assert set(UI_TEXT["de"]) == set(UI_TEXT["en"])
    for language, labels in UI_TEXT.items():
        assert set(labels["ratings"]) == {"beste", "akzeptabel", "schwach"}, language


def test_seminar_plans_add_up_and_leave_time_for_the_debrief():
    assert CONTENT.trainer_notes
    for chapter_id, notes in CONTENT.trainer_notes.items():
        assert sum(phase.minuten for phase in notes.ablauf) == notes.dauer, chapter_id
        if notes.rollenspiel:
            play = notes.rollenspiel
            phase = next(p for p in notes.ablauf if p.phase == play.phase)
            used = play.vorbereitung + play.runden * (play.gespraech + play.rueckmeldung)
            assert phase.minuten - used == play.nachbesprechung >= 5, chapter_id
            # the timing is printed from the fields, not typed again in the guide
            assert "Minuten Gespräch" not in play.anleitung


def test_plan_problems_name_the_wrong_sum_and_the_missing_debrief():
    notes = CONTENT.trainer_notes["anforderungen"]
    longer = notes.model_copy(update={"dauer": notes.dauer + 5})
    assert plan_problems(longer) == [(["dauer"], f"die Phasen dauern zusammen {notes.dauer} Minuten, "
                                                 f"angegeben sind {notes.dauer + 5}")]
    squeezed = notes.model_copy(update={"rollenspiel": notes.rollenspiel.model_copy(
        update={"nachbesprechung": notes.rollenspiel.nachbesprechung + 10})})
    assert [location for location, _ in plan_problems(squeezed)] == [["rollenspiel", "phase"]]

"""Role-plays in Chromium: best and poor path, step back, restart, persistence, English labels."""

import re

import pytest
from exercise_driver import grave_violations, page_data

pytestmark = pytest.mark.browser
PAGE = "book/rollenspiele.html"
SCENARIO = "preissenkung-automotive"
BOX = f"[data-kurs-rollenspiel='{SCENARIO}']"


def walk(data, rating):
    """The ending and decision count when always choosing ``rating`` (else the first option)."""
    name, decisions = data["start"], 0
    while not data["knoten"][name].get("ende"):
        options = data["knoten"][name]["optionen"]
        choice = next((o for o in options if o["bewertung"] == rating), options[0])
        name, decisions = choice["weiter"], decisions + 1
    return name, decisions


def current_node(data, box):
    """The node whose options are on screen, found by the buttons' texts."""
    shown = set(box.locator(".kurs-wahl button").all_inner_texts())
    return next(name for name, node in data["knoten"].items()
                if node.get("optionen") and {o["text"] for o in node["optionen"]} == shown)


def play(page, data, box, rating, keyboard=True):
    while box.locator(".kurs-wahl button").count():
        node = data["knoten"][current_node(data, box)]
        options = node["optionen"]
        choice = next((o for o in options if o["bewertung"] == rating), options[0])
        button = box.get_by_role("button", name=choice["text"], exact=True)
        if keyboard:
            button.focus()
            page.keyboard.press("Enter")
            # focus moves to the consequence (or the ending), which is read next
            assert page.evaluate("document.activeElement.matches('.kurs-folge, .kurs-abschluss h3')")
        else:
            button.click()


def test_best_path_reaches_the_best_ending_with_scores(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{PAGE}")
    box = page.locator(BOX)
    data = page_data(page, BOX)
    ending, decisions = walk(data, "beste")
    play(page, data, box, "beste", keyboard=True)
    assert box.locator(".kurs-abschluss h3").inner_text() == f"Ende: {data['knoten'][ending]['titel']}"
    assert box.locator(".kurs-rueckblick li").count() == decisions >= 5
    assert box.locator(".kurs-punkte dt").all_inner_texts() == data["dimensionen"]
    assert data["knoten"][ending]["nachbesprechung"] in box.locator(".kurs-abschluss").inner_text()
    assert v.errors == []


def test_poor_path_ends_elsewhere_and_back_and_restart_work(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{PAGE}")
    box = page.locator(BOX)
    data = page_data(page, BOX)
    poor_ending, _ = walk(data, "schwach")
    best_ending, _ = walk(data, "beste")
    assert poor_ending != best_ending
    play(page, data, box, "schwach", keyboard=False)
    assert box.locator(".kurs-abschluss h3").inner_text() == f"Ende: {data['knoten'][poor_ending]['titel']}"
    box.get_by_role("button", name="Einen Schritt zurück").click()
    assert box.locator(".kurs-abschluss").inner_text() == ""
    assert box.locator(".kurs-wahl button").count() >= 2
    box.get_by_role("button", name="Neu beginnen").click()
    assert box.locator(".kurs-dialog li").count() == 1
    assert box.locator(".kurs-wahl button").count() >= 2
    assert v.errors == []


def test_path_is_kept_across_reload_and_in_progress(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{PAGE}")
    box = page.locator(BOX)
    data = page_data(page, BOX)
    for _ in range(2):
        node = data["knoten"][current_node(data, box)]
        box.get_by_role("button", name=node["optionen"][0]["text"], exact=True).click()
    turns = box.locator(".kurs-dialog li").count()
    page.reload()
    box = page.locator(BOX)
    assert box.locator(".kurs-dialog li").count() == turns
    play(page, data, box, "beste", keyboard=False)
    stored = page.evaluate(f"Kurs.progress.roleplay('{SCENARIO}')")
    ending, _ = walk(data, "beste")
    assert stored["abgeschlossen"]["titel"] == data["knoten"][ending]["titel"]
    assert v.errors == []


ENGLISH_BOX = "[data-kurs-rollenspiel='international-buyer']"
GERMAN_UI_WORDS = ("Ausgangslage", "Bewertung", "Konzept", "Wirkung", "Entscheidung", "Ende:", "Punkte",
                   "Nachbesprechung", "zurück", "Neu beginnen", "beste Wahl", "akzeptabel", "schwach", "Sie ")


def test_english_scenario_speaks_english_on_every_label(visit, site_url, look):
    v = visit(look=look)
    page = v.open(f"{site_url}/{PAGE}")
    box = page.locator(ENGLISH_BOX)
    data = page_data(page, ENGLISH_BOX)
    assert box.locator(".kurs-lage strong").inner_text().strip() == "Your situation:"
    assert box.get_by_role("button", name="Go back a step").is_disabled()
    assert box.get_by_role("button", name="Start again").is_visible()
    assert re.fullmatch(r"Decision 1: How do you respond\?", box.locator(".kurs-frage-nummer").inner_text())
    play(page, data, box, "beste", keyboard=True)
    verdicts = box.locator(".kurs-bewertung").all_inner_texts()
    assert verdicts and all(t.startswith("Rating: best · Concept: ") and "· Effect: " in t for t in verdicts)
    ending, decisions = walk(data, "beste")
    assert box.locator(".kurs-abschluss h3").inner_text() == f"Ending: {data['knoten'][ending]['titel']}"
    assert box.locator(".kurs-abschluss h4").all_inner_texts() == [
        "Your score per skill", "Your path through the conversation", "Debrief"]
    assert all(" – best (" in t for t in box.locator(".kurs-rueckblick li").all_inner_texts())
    assert box.locator(".kurs-rueckblick li").count() == decisions
    assert "possible:" in box.locator(".kurs-balken-text").first.inner_text()
    shown = box.inner_text()
    assert [word for word in GERMAN_UI_WORDS if word in shown] == []
    # every part of the exercise says it is English, so screen readers switch voice
    assert box.locator(".kurs-dialog").get_attribute("lang") == "en"
    assert box.locator(".kurs-abschluss").get_attribute("lang") == "en"
    assert v.errors == []
    assert grave_violations(page, ENGLISH_BOX) == []


def test_english_role_cards_are_english_and_keep_the_buyers_limits_off_the_seller_card(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{PAGE}")
    cards = "Printable role cards for the classroom role-play"
    page.locator(ENGLISH_BOX).get_by_role("link", name=cards).click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Role cards: ")
    # the trainee edition leaves the buyer's confidential card to the trainer edition
    assert page.locator(".kennung").all_text_contents() == [  # as written, not as styled in capitals
        "Card 1 of 2 · Seller", "Card 2 of 2 · Observer"]
    assert page.locator("section.vertraulich").count() == 0
    seller = page.locator("section.karte").first.inner_text()
    assert "€108" not in page.locator("body").inner_text()  # Daniel's approval limit is the buyer's secret
    assert "ZOPA" not in seller
    assert "Karte" not in page.locator("body").inner_text()
    assert v.errors == []

"""Role-plays in Chromium: best and poor path, step back, restart, persistence."""

import pytest
from exercise_driver import page_data

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
    stored = page.evaluate("JSON.parse(localStorage.getItem('kam-kurs:fortschritt:v2'))")
    assert stored["roleplays"][SCENARIO]["abgeschlossen"]["titel"]
    assert v.errors == []

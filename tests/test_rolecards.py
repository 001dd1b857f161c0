"""Role cards as a trainer prints them: one A4 sheet per card, an observer sheet to
write on, headings in the scenario's language, the buyer's card only for trainers."""

import html
import json
import re

import pytest
from pages import PROJECT, scenario_ids
from ruamel.yaml import YAML

pytestmark = pytest.mark.browser
MM = 96 / 25.4  # CSS pixels per millimetre


def scenario(scenario_id: str) -> dict:
    path = PROJECT / "exercises" / "inhalte" / f"roleplay-{scenario_id}.yml"
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def pdf_pages(page, path) -> int:
    page.goto(path.as_uri())
    return len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4")))


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_every_card_fills_exactly_one_a4_sheet(browser, site, trainer_site, scenario_id):
    page = browser.new_page()
    # three cards for trainers (seller, buyer, observer), two for trainees (no buyer)
    for folder, cards in ((trainer_site, 3), (site, 2)):
        path = folder / "rollenkarten" / f"{scenario_id}.html"
        assert pdf_pages(page, path) == cards, path
        assert page.locator("section.karte").count() == cards
    page.close()


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_observer_sheet_has_a_box_to_write_in_for_every_criterion(browser, site, scenario_id):
    data = scenario(scenario_id)
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto((site / "rollenkarten" / f"{scenario_id}.html").as_uri())
    card = page.locator("section.karte", has=page.locator("#karte-beobachtung"))
    rows = card.locator("tbody tr")
    assert rows.count() == len(data["rollen"]["beobachtung"]) + len(data["dimensionen"])
    texts = [" ".join(t.split()) for t in rows.locator("td:first-child").all_inner_texts()]
    for criterion in data["rollen"]["beobachtung"] + data["dimensionen"]:
        assert " ".join(criterion.split()) in texts
    for box in rows.locator("td:last-child").all():
        assert box.inner_text().strip() == ""
        assert box.bounding_box()["height"] >= 12 * MM  # room for a short note by hand
    page.close()


def card_labels(page) -> list[str]:
    """Headings, card labels and table headers, as written (not as styled in capitals)."""
    return page.eval_on_selector_all(
        "h1, h2, h3, .kennung, th", "elements => elements.map(e => e.textContent.trim())")


def test_english_scenario_has_english_cards(browser, trainer_site):
    page = browser.new_page()
    page.goto((trainer_site / "rollenkarten" / "international-buyer.html").as_uri())
    assert page.get_attribute("html", "lang") == "en"
    labels = card_labels(page)
    for heading in ("Situation", "Your brief", "Goals", "Room to manoeuvre", "Confidential limits",
                    "Tactics to try", "Observation sheet", "Skills scored",
                    "Card 2 of 3 · Buyer · confidential"):
        assert heading in labels
    german = re.compile(r"\b(Karte|Lage|Auftrag|Ziele|Spielraum|Grenzen|Beobachtung|Beispiel|Fähigkeit)")
    assert not [label for label in labels if german.search(label)]
    page.goto((trainer_site / "rollenkarten" / "jahresgespraech-handel.html").as_uri())
    assert {"Lage", "Ziele", "Vertrauliche Grenzen", "Karte 1 von 3 · Verkauf"} <= set(card_labels(page))
    page.close()


def confidential_texts() -> list[str]:
    """The start of every confidential limit and buyer's tactic, in each form a page may hold it."""
    forms = []
    for scenario_id in scenario_ids():
        buyer = scenario(scenario_id)["rollen"]["einkauf"]
        for text in buyer["vertrauliche_grenzen"] + buyer["taktiken"]:
            start = " ".join(text.split())[:45]
            forms += [start, html.escape(start), json.dumps(start)[1:-1]]
    return forms


def test_trainee_edition_never_publishes_the_buyers_card(site, trainer_site):
    secrets = confidential_texts()
    files = [p for p in site.rglob("*") if p.suffix in {".html", ".js", ".json", ".txt", ".ipynb"}]
    assert any(p.name == "kurs-suchtexte.js" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="ignore")
        assert not [s for s in secrets if s in text], path
    # the trainer edition's cards hold every one of them
    cards = " ".join(html.unescape(p.read_text(encoding="utf-8"))
                     for p in (trainer_site / "rollenkarten").glob("*.html"))
    assert all(s in " ".join(cards.split()) for s in secrets[::3])


def test_trainee_cards_say_who_hands_out_the_buyers_card(browser, site):
    page = browser.new_page()
    page.goto((site / "rollenkarten" / "preissenkung-automotive.html").as_uri())
    assert "nur in der Ausgabe für Trainer:innen" in page.locator(".druckhinweis").inner_text()
    assert page.locator("#karte-einkauf").count() == 0
    assert [t.upper() for t in page.locator(".kennung").all_inner_texts()] == [
        "KARTE 1 VON 2 · VERKAUF", "KARTE 2 VON 2 · BEOBACHTUNG"]
    page.close()

"""Spaced review in Chromium: a question answered wrongly in a chapter comes back on
the "Wiederholen" page the next day, answered right it waits 3 more days, the
progress page counts what is due; the page and Python follow the same rule."""

import datetime
import json

import pytest
from conftest import LOOKS
from exercise_driver import answer, check, grave_violations, page_data, question_for

from exercises.quiz.review import card_key, next_card

pytestmark = pytest.mark.browser
CHAPTER = "book/definition.html"
REVIEW = "book/wiederholen.html"
PROGRESS = "book/fortschritt.html"
ROOT = "[data-kurs-wiederholen]"
STORAGE_KEY = "kam-kurs:fortschritt:v2"
MONDAY = datetime.datetime(2027, 3, 1, 12, 0)  # noon: the same calendar day in every time zone near UTC
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Der Zugriff ist gesperrt.', 'SecurityError'); }
});
"""


def day_number(moment: datetime.datetime) -> int:
    return (moment.date() - datetime.date(1970, 1, 1)).days


def german_date(moment: datetime.datetime) -> str:
    return f"{moment.day}.{moment.month}.{moment.year}"  # as the page writes it (de-DE)


def cards(page) -> dict:
    return page.evaluate("Kurs.progress.practice('review')")


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_page_and_python_agree_on_the_rule(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{REVIEW}")
    day = 20_000
    cases = [(card, correct) for card in [None, [0, day], [1, day], [2, day], [3, day], [3, day - 30],
                                          [0, day + 1], [2, day + 4], [3, day + 21], [7, day]]
             for correct in (True, False)]
    shown = page.evaluate("([cases, day]) => cases.map(([card, correct]) =>"
                          " Kurs.review.nextCard(card === null ? undefined : card, correct, day))",
                          [cases, day])
    expected = [next_card(None if card is None else tuple(card), correct, day) for card, correct in cases]
    assert shown == [list(card) for card in expected]
    ids = [question["id"] for question in page_data(page, ROOT)["fragen"]]
    assert page.evaluate("ids => ids.map(Kurs.review.cardKey)", ids) == [card_key(i) for i in ids]
    assert v.errors == []


@pytest.fixture
def at_monday(visit):
    """A visit whose clock stands at MONDAY; move it with ``visit.page.clock.set_fixed_time``."""
    def open_(look=None, init_script=None):
        v = visit(init_script, look or LOOKS["desktop-hell"])
        v.page.clock.set_fixed_time(MONDAY)
        return v
    return open_


def test_wrong_today_due_tomorrow_then_right_waits_three_days(at_monday, site_url, look):
    v = at_monday(look)
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset = page.locator("fieldset.kurs-frage").first
    question = question_for(page, fieldset, data)
    answer(fieldset, question, right=False, keyboard=True)
    check(fieldset, keyboard=True)
    key = card_key(question["id"])
    assert cards(page) == {key: [0, day_number(MONDAY) + 1]}

    page = v.open(f"{site_url}/{REVIEW}")
    tuesday = MONDAY + datetime.timedelta(days=1)
    status = page.locator(f"{ROOT} .kurs-wiederholen-stand[role=status]")
    assert status.inner_text() == f"Heute ist nichts fällig. Als Nächstes am {german_date(tuesday)}: 1 Frage."
    assert page.locator("fieldset.kurs-frage").count() == 0

    page.clock.set_fixed_time(tuesday)
    progress = v.open(f"{site_url}/{PROGRESS}")
    part = progress.locator("h2", has_text="Wiederholen").locator("xpath=following-sibling::*[1]")
    assert part.inner_text() == "Heute fällig: 1 Frage. Zum Wiederholen"
    link = part.get_by_role("link", name="Zum Wiederholen")
    link.focus()
    progress.keyboard.press("Enter")
    progress.wait_for_url(f"**/{REVIEW}")
    page = progress
    page.wait_for_selector(f"{ROOT}[data-bereit]")

    status = page.locator(f"{ROOT} .kurs-wiederholen-stand[role=status]")
    assert status.inner_text() == "Heute fällig: 1 Frage."
    fieldset = page.locator("fieldset.kurs-frage")
    assert fieldset.count() == 1 and fieldset.get_attribute("data-frage") == question["id"]
    assert "Was ist Key Account Management?" in fieldset.locator(".kurs-wiederholen-kapitel").inner_text()
    answer(fieldset, question, right=True, keyboard=True)
    check(fieldset, keyboard=True)
    feedback = fieldset.locator(".kurs-rueckmeldung[role=status]")
    assert feedback.locator(".kurs-urteil").inner_text() == "✓ Richtig."
    assert question["erklaerung"] in feedback.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('kurs-rueckmeldung')")
    assert cards(page) == {key: [1, day_number(tuesday) + 3]}
    friday = tuesday + datetime.timedelta(days=3)
    assert status.inner_text() == ("Runde geschafft. Heute ist nichts fällig. "
                                   f"Als Nächstes am {german_date(friday)}: 1 Frage.")
    assert no_sideways_scrolling(page)
    assert grave_violations(page) == []

    progress = v.open(f"{site_url}/{PROGRESS}")
    part = progress.locator("h2", has_text="Wiederholen").locator("xpath=following-sibling::*[1]")
    assert part.inner_text().startswith(f"Heute ist nichts fällig. Als Nächstes am {german_date(friday)}")
    assert v.errors == []


def test_exam_answers_set_cards_and_a_long_list_comes_in_rounds(at_monday, site_url):
    v = at_monday()
    page = v.open(f"{site_url}/book/abschlusstest.html")
    data = page_data(page, "[data-kurs-quiz]")
    asked = []
    for fieldset in page.locator("fieldset.kurs-frage").all():
        question = question_for(page, fieldset, data)
        asked.append(question["id"])
        answer(fieldset, question, right=False, keyboard=False)
    page.get_by_role("button", name="Test abgeben").click()
    tuesday = day_number(MONDAY) + 1
    assert cards(page) == {card_key(i): [0, tuesday] for i in asked}

    page.clock.set_fixed_time(MONDAY + datetime.timedelta(days=1))
    page = v.open(f"{site_url}/{REVIEW}")
    status = page.locator(f"{ROOT} .kurs-wiederholen-stand")
    assert status.inner_text() == f"Heute fällig: {len(asked)} Fragen, hier die ersten 10."
    shown = page.locator("fieldset.kurs-frage")
    assert shown.count() == 10
    more = page.get_by_role("button", name="Weitere fällige Fragen")
    assert more.is_hidden()
    for fieldset in shown.all():
        answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)
        check(fieldset, keyboard=False)
    assert status.inner_text() == f"Runde geschafft. Heute noch fällig: {len(asked) - 10} Fragen."
    more.click()
    assert shown.count() == 10
    assert page.evaluate("document.activeElement.closest('fieldset') !== null")  # focus goes to the new round
    assert v.errors == []


def test_blocked_storage_does_not_break_review(at_monday, site_url):
    v = at_monday(init_script=BLOCK_STORAGE)
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset = page.locator("fieldset.kurs-frage").first
    question = question_for(page, fieldset, data)
    answer(fieldset, question, right=False)
    check(fieldset)
    assert cards(page) == {card_key(question["id"]): [0, day_number(MONDAY) + 1]}  # kept in memory
    page = v.open(f"{site_url}/{REVIEW}")
    assert "nicht, Daten zu speichern" in page.locator(".kurs-speicherhinweis").inner_text()
    status = page.locator(f"{ROOT} .kurs-wiederholen-stand").inner_text()
    assert status.startswith("Noch nichts zu wiederholen")
    assert v.errors == []


def test_broken_and_unknown_cards_are_left_out(at_monday, site_url):
    key = card_key("definition-hauptziel")
    stored = {"version": 2, "chapters": {}, "quizzes": {}, "exam": {"attempts": [], "open": None},
              "roleplays": {}, "visited": {},
              "review": {key: [0, day_number(MONDAY)], "kaputt": "x", "abc123": [0, 1], "leer": []}}
    v = at_monday(init_script=f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(stored))});")
    page = v.open(f"{site_url}/{REVIEW}")
    assert page.locator(f"{ROOT} .kurs-wiederholen-stand").inner_text() == "Heute fällig: 1 Frage."
    assert page.locator("fieldset.kurs-frage").get_attribute("data-frage") == "definition-hauptziel"
    assert cards(page) == {key: [0, day_number(MONDAY)]}  # cards of no known question are dropped
    assert v.errors == []

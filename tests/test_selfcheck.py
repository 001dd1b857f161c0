"""The readiness self-check: scoring (by hand) and the browser flow; the certificate."""

import json

import pytest
from exercise_driver import page_data

from exercises.content import load_content
from exercises.selfcheck import COMPETENCIES, SelfCheck, classify

CONTENT, _ = load_content()
STORAGE_KEY = "kam-kurs:fortschritt:v2"
V1_KEY = "kam-kurs:fortschritt:v1"


def small_check() -> SelfCheck:
    competencies = {key: {"name": key, "kapitel": ["aufgaben"], "staerke": "s", "luecke": "l"}
                    for key in COMPETENCIES}
    statements = [{"kompetenz": key, "text": f"{key} {n}"} for key in competencies for n in (1, 2)]
    statements[1]["umgekehrt"] = True  # the second "kommunikation" statement
    return SelfCheck.model_validate({"titel": "t", "skala": list("12345"), "kompetenzen": competencies,
                                     "aussagen": statements})


def test_profile_by_hand():
    check = small_check()
    answers = [5, 1] + [3, 3] + [4, 5] + [1, 1] + [2, 3] + [5, 5] + [1, 2] + [4, 4]
    profile = check.profile(answers)
    # kommunikation: 5 and reversed 1 -> 5, 5 -> mean 5 -> 100 %
    assert profile["kommunikation"] == 100
    assert profile["verhandlung"] == 50          # mean 3 -> (3 - 1) / 4
    assert profile["branchenwissen"] == 88       # mean 4.5 -> 87.5 -> rounded half up
    assert profile["kaufmaennisches-wissen"] == 0
    assert profile["englisch"] == 38             # mean 2.5 -> 37.5
    expected = ["staerke", "staerke", "mittel", "mittel", "luecke"]
    assert [classify(p) for p in (100, 75, 74, 50, 49)] == expected


def test_answers_outside_the_scale_are_refused():
    with pytest.raises(ValueError):
        small_check().profile([6] * 16)


def test_course_self_check_covers_eight_competencies_with_about_twenty_statements():
    check = CONTENT.selfcheck
    assert len(check.kompetenzen) == 8
    assert 16 <= len(check.aussagen) <= 24


@pytest.mark.browser
def test_self_check_flow_in_the_browser(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/book/selbstcheck.html")
    data = page_data(page, "[data-kurs-selbstcheck]")
    page.get_by_role("button", name="Auswerten").click()
    assert "Bitte bewerten Sie noch" in page.locator(".kurs-aktionsstatus").inner_text()
    # strong everywhere except "englisch", where every answer says the opposite
    answers = []
    for index, statement in enumerate(data["aussagen"]):
        weak = statement["kompetenz"] == "englisch"
        value = 5 if weak == statement.get("umgekehrt", False) else 1
        answers.append(value)
        radio = page.locator(f"#aussage-{index}-{value}")
        radio.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Auswerten").click()
    expected = CONTENT.selfcheck.profile(answers)
    assert expected["englisch"] == 0 and expected["kommunikation"] == 100
    heading = page.locator("#selbstcheck-ergebnis")
    assert page.evaluate("document.activeElement.id") == "selbstcheck-ergebnis"
    result = page.locator(".kurs-selbstcheck-ergebnis")
    description = result.locator("svg desc").text_content()
    for key, competency in data["kompetenzen"].items():
        assert f"{competency['name']}: {expected[key]} %" in description
    gaps = result.locator(".kurs-luecke")
    assert gaps.count() == 1 and "Englisch (0 %)" in gaps.inner_text()
    for chapter in data["kompetenzen"]["englisch"]["kapitel"]:
        assert gaps.get_by_role("link", name=chapter["titel"]).count() == 1
    assert heading.is_visible()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["selfcheck"]["profile"] == expected
    assert v.errors == []


def earned_state(passed_exam: bool) -> str:
    """Results as version 1 stored them: the certificate also works with migrated data."""
    chapters = {chapter_id: {"bester": 90, "letzter": 90, "versuche": 1, "bestanden": True}
                for chapter_id in CONTENT.quizzes}
    state = {"version": 1, "kapitel": chapters, "rollenspiele": {}, "besucht": {},
             "pruefung": {"versuche": [{"datum": "2026-11-27T10:00:00Z", "prozent": 85,
                                        "bestanden": passed_exam}]}}
    return f"localStorage.setItem('{V1_KEY}', {json.dumps(json.dumps(state))});"


@pytest.mark.browser
def test_certificate_only_when_earned(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/book/teilnahmebestaetigung.html")
    missing = page.locator(".kurs-offen li")
    assert missing.count() == len(CONTENT.quizzes) + 1
    assert page.locator("#zertifikat-name").count() == 0

    v = visit(earned_state(passed_exam=False))
    page = v.open(f"{site_url}/book/teilnahmebestaetigung.html")
    assert page.locator(".kurs-offen li").all_inner_texts() == ["Abschlusstest"]

    v = visit(earned_state(passed_exam=True))
    page = v.open(f"{site_url}/book/teilnahmebestaetigung.html")
    page.get_by_role("button", name="Bestätigung erstellen").click()
    assert page.locator("#zertifikat-name").get_attribute("aria-invalid") == "true"
    page.get_by_label("Ihr Name").fill("Alex Beispiel <b>fett</b>")
    page.get_by_role("button", name="Bestätigung erstellen").click()
    certificate = page.locator(".kurs-urkunde")
    assert certificate.locator(".kurs-urkunde-name").inner_text() == "Alex Beispiel <b>fett</b>"
    text = certificate.inner_text()
    assert "Abschlusstest\t85 %" in text and "90 %" in text and "Ausgestellt am" in text
    assert page.evaluate("document.activeElement.id") == "urkunde-titel"
    assert v.errors == []


# Leaf elements with text that take up room on paper but lie outside the certificate.
OUTSIDE_CERTIFICATE_JS = """() => [...document.body.querySelectorAll('*')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden'
        && e.children.length === 0 && e.textContent.trim() && !e.closest('.kurs-urkunde');
}).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60))"""


@pytest.mark.browser
def test_printed_certificate_shows_only_the_certificate_with_one_title(visit, site_url, look):
    v = visit(earned_state(passed_exam=True), look=look)
    page = v.open(f"{site_url}/book/teilnahmebestaetigung.html")
    page.get_by_label("Ihr Name").fill("Alex Beispiel")
    page.get_by_role("button", name="Bestätigung erstellen").click()
    page.emulate_media(media="print")
    titles = [t for t in page.get_by_text("Teilnahmebestätigung", exact=True).all() if t.is_visible()]
    assert len(titles) == 1 and titles[0].get_attribute("id") == "urkunde-titel"
    assert page.locator(".kurs-urkunde-name").is_visible()
    assert page.locator(".kurs-urkunde table").is_visible()
    assert page.evaluate(OUTSIDE_CERTIFICATE_JS) == []
    assert page.get_by_role("button", name="Drucken").is_hidden()
    page.emulate_media(media="screen")  # on screen the page is whole again
    assert page.locator("article h1").is_visible()
    assert v.errors == []

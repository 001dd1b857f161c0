"""Chapter quizzes, the final exam and the progress page in Chromium."""

import json

import pytest
from exercise_driver import answer, check, page_data, question_for

pytestmark = pytest.mark.browser
CHAPTER = "book/definition.html"
STORAGE_KEY = "kam-kurs:fortschritt:v2"
V1_KEY = "kam-kurs:fortschritt:v1"
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Der Zugriff ist gesperrt.', 'SecurityError'); }
});
"""


def first_of_type(page, data, kind):
    for fieldset in page.locator("fieldset.kurs-frage").all():
        if fieldset.get_attribute("data-typ") == kind:
            return fieldset, question_for(page, fieldset, data)
    raise AssertionError(f"keine Frage vom Typ {kind}")


@pytest.mark.parametrize("kind", ["einfachauswahl", "mehrfachauswahl", "wahr-falsch", "zahl",
                                  "reihenfolge", "zuordnung"])
def test_right_answer_by_keyboard(visit, site_url, kind):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, kind)
    answer(fieldset, question, right=True, keyboard=True)
    check(fieldset, keyboard=True)
    status = fieldset.locator("[role=status]")
    assert status.locator(".kurs-urteil").inner_text() == "✓ Richtig."
    assert question["erklaerung"] in status.inner_text()
    # focus moves to the feedback, which screen readers then read
    assert page.evaluate("document.activeElement.classList.contains('kurs-rueckmeldung')")
    assert v.errors == []


@pytest.mark.parametrize("kind", ["einfachauswahl", "wahr-falsch", "zahl", "reihenfolge", "zuordnung"])
def test_wrong_answer_by_mouse_then_solution_and_retry(visit, site_url, kind):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, kind)
    answer(fieldset, question, right=False, keyboard=False)
    check(fieldset, keyboard=False)
    verdict = fieldset.locator(".kurs-urteil").inner_text()
    assert verdict.startswith(("✗", "◐"))  # never colour alone: a sign and words
    fieldset.get_by_role("button", name="Lösung anzeigen").click()
    assert "Lösung:" in fieldset.locator("[role=status]").inner_text()
    fieldset.get_by_role("button", name="Nochmal versuchen").click()
    assert fieldset.locator("[role=status]").inner_text() == ""
    # the focus goes back to the question's first usable control (for an ordering question
    # not its first step's disabled "up" button)
    assert fieldset.evaluate("fs => fs.contains(document.activeElement) && !document.activeElement.disabled"
                             " && document.activeElement.matches('input, select, button')")
    answer(fieldset, question, right=True, keyboard=False)
    check(fieldset, keyboard=False)
    assert fieldset.locator(".kurs-urteil").inner_text() == "✓ Richtig."


def test_partial_credit_for_multiple_choice(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, "mehrfachauswahl")
    correct = [o for o in question["optionen"] if o["richtig"]]
    if len(correct) < 2:
        pytest.skip("diese Frage hat nur eine richtige Option")
    fieldset.get_by_label(correct[0]["text"], exact=True).check()
    check(fieldset)
    share = round(100 / len(correct))
    assert fieldset.locator(".kurs-urteil").inner_text() == f"◐ Teilweise richtig: {share} % der Punkte."


def answer_all(page, data, right=True):
    for fieldset in page.locator("fieldset.kurs-frage").all():
        answer(fieldset, question_for(page, fieldset, data), right=right, keyboard=False)
        if fieldset.get_by_role("button", name="Prüfen", exact=True).is_visible():
            check(fieldset, keyboard=False)


def test_score_is_saved_and_survives_reload(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    answer_all(page, data)
    assert page.locator(".kurs-quizstand").inner_text().startswith("Ergebnis: 100 %. Bestanden")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["chapters"]["definition"]["best"] == 100
    page.reload()
    assert page.locator(".kurs-quizstand").inner_text().startswith("Ergebnis: 100 %. Bestanden")
    progress = v.open(f"{site_url}/book/fortschritt.html")
    row = progress.locator("tr", has_text="Was ist Key Account Management?")
    assert "100 %" in row.inner_text() and "✓ bestanden" in row.inner_text()
    assert v.errors == []


def test_blocked_storage_still_works_and_says_so(visit, site_url):
    v = visit(BLOCK_STORAGE)
    page = v.open(f"{site_url}/{CHAPTER}")
    assert "nicht, Daten zu speichern" in page.locator(".kurs-speicherhinweis").first.inner_text()
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, "einfachauswahl")
    answer(fieldset, question)
    check(fieldset)
    assert fieldset.locator(".kurs-urteil").inner_text() == "✓ Richtig."
    v.open(f"{site_url}/book/fortschritt.html")
    assert v.errors == []


@pytest.mark.parametrize("key", [STORAGE_KEY, V1_KEY])
def test_corrupt_storage_is_kept_aside_and_reported(visit, site_url, key):
    v = visit(f"if (!sessionStorage.getItem('gesetzt')) {{ localStorage.setItem('{key}', '{{kaputt');"
              " sessionStorage.setItem('gesetzt', '1'); }")
    page = v.open(f"{site_url}/{CHAPTER}")
    assert "beschädigt" in page.locator(".kurs-speicherhinweis").first.inner_text()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}:defekt')") == "{kaputt"
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, "wahr-falsch")
    answer(fieldset, question)
    check(fieldset)
    page.reload()  # the course starts afresh and keeps new answers
    assert page.locator(f"fieldset[data-frage='{question['id']}'] .kurs-urteil").inner_text() == "✓ Richtig."
    assert page.evaluate(f"localStorage.getItem('{V1_KEY}')") is None
    assert v.errors == []


def test_content_text_is_shown_never_executed(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    evil = "<img src=x onerror=alert(1)>"
    question = {"id": "boese", "typ": "einfachauswahl", "frage": evil, "erklaerung": evil, "kapitel": "x",
                "optionen": [{"text": evil, "richtig": True, "feedback": evil},
                             {"text": "B", "richtig": False, "feedback": "b"}]}
    data = {"kapitel": "x", "titel": "x", "bestehensgrenze": 80, "regel": "r", "fragen": [question]}
    page.evaluate("""data => {
        const box = document.createElement('div');
        box.id = 'test-quiz';
        box.setAttribute('data-kurs-quiz', 'kapitel');
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(data);
        const target = document.createElement('div');
        target.className = 'kurs-quiz-ziel';
        box.append(script, target);
        document.querySelector('main').append(box);
        Kurs.quiz.start();
    }""", data)
    box = page.locator("#test-quiz")
    fieldset = box.locator("fieldset")
    assert evil in fieldset.locator("legend").inner_text()
    fieldset.get_by_label(evil, exact=True).check()
    check(fieldset)
    assert evil in fieldset.locator("[role=status]").inner_text()
    assert box.locator("img").count() == 0
    page.wait_for_timeout(200)
    assert v.errors == []


# Counts how often the course writes its stored state.
COUNT_WRITES = f"""
const setItem = Storage.prototype.setItem;
window.courseWrites = 0;
Storage.prototype.setItem = function (key, value) {{
  if (key === "{STORAGE_KEY}") window.courseWrites += 1;
  return setItem.call(this, key, value);
}};
"""


def test_final_exam_pass_then_fail(visit, site_url):
    v = visit(init_script=COUNT_WRITES)
    page = v.open(f"{site_url}/book/abschlusstest.html")
    data = page_data(page, "[data-kurs-quiz]")
    fieldsets = page.locator("fieldset.kurs-frage")
    assert fieldsets.count() == data["fragen_pro_versuch"] >= 20
    chapters = {question_for(page, f, data)["kapitel"] for f in fieldsets.all()}
    assert chapters == {c["id"] for c in data["kapitel"]}  # every chapter is asked

    page.get_by_role("button", name="Test abgeben").click()  # nothing answered yet
    unanswered = f"Noch {fieldsets.count()} Frage(n) ohne Antwort."
    assert page.locator(".kurs-ergebnis").inner_text().startswith(unanswered)

    for fieldset in fieldsets.all():
        answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)
    page.evaluate("window.courseWrites = 0")
    page.get_by_role("button", name="Test abgeben").click()
    assert page.evaluate("window.courseWrites") == 2  # the new review cards at once, then the result
    result = page.locator(".kurs-ergebnis")
    assert result.locator(".kurs-urteil").inner_text().startswith("✓ Bestanden: 100 %")
    links = result.locator("table a")
    assert links.count() == len(chapters)
    assert links.first.get_attribute("href").endswith(".html")

    page.get_by_role("button", name="Neuen Versuch starten").click()
    for fieldset in page.locator("fieldset.kurs-frage").all():
        answer(fieldset, question_for(page, fieldset, data), right=False, keyboard=False)
    page.get_by_role("button", name="Test abgeben").click()
    assert page.locator(".kurs-ergebnis .kurs-urteil").inner_text().startswith("✗ Nicht bestanden")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert [a["passed"] for a in stored["exam"]["attempts"]] == [True, False]
    assert v.errors == []


def test_progress_export_and_reset(visit, site_url):
    v = visit()
    page = v.open(f"{site_url}/{CHAPTER}")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset, question = first_of_type(page, data, "wahr-falsch")
    answer(fieldset, question)
    check(fieldset)
    progress = v.open(f"{site_url}/book/fortschritt.html")
    progress.get_by_label("Ihr Name für die Auswertung in der Gruppe").fill("Alex Test")
    with progress.expect_download() as download:
        progress.get_by_role("button", name="Fortschritt exportieren").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["version"] == 2 and "book/definition" in exported["visited"]
    progress.get_by_role("button", name="Fortschritt zurücksetzen").click()
    progress.get_by_role("button", name="Ja, alles löschen").click()
    assert "gelöscht" in progress.locator(".kurs-aktionsstatus").inner_text()
    stored = json.loads(progress.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["chapters"] == {} and stored["exam"]["attempts"] == []
    assert v.errors == []

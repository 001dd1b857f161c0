"""Nothing is lost on reload: quizzes, the exam, the self-check and data saved by version 1.

Every test reloads the page in the same browser context, on the desktop in light
mode and on a phone in dark mode. Expected values come from the question data in
the page or from the stored data the test writes itself.
"""

import json

import pytest
from conftest import LOOKS
from exercise_driver import answer, check, grave_violations, page_data, percent, question_for, question_states

pytestmark = pytest.mark.browser
CHAPTER = "book/definition.html"
KEY = "kam-kurs:fortschritt:v2"
V1_KEY = "kam-kurs:fortschritt:v1"
ZERO_ON_WRONG = ("einfachauswahl", "wahr-falsch", "zahl")  # a wrong answer there scores 0


def open_quiz(visit, site_url, look, path=CHAPTER):
    """A fresh browser on a quiz page; returns the visit, the page and the page's question data."""
    v = visit(look=look)
    page = v.open(f"{site_url}/{path}")
    return v, page, page_data(page, "[data-kurs-quiz]")


# What the page keeps, for a failure message: keys and lengths, the progress module's status.
STORAGE_REPORT = """() => ({
  keys: Object.keys(localStorage).map((key) => [key, localStorage.getItem(key).length]),
  status: window.Kurs && Kurs.progress ? Kurs.progress.status() : "kein Kurs.progress",
  origin: location.origin,
})"""


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def test_half_done_quiz_comes_back_half_done(visit, site_url, look):
    v, page, data = open_quiz(visit, site_url, look)
    fieldsets = page.locator("fieldset.kurs-frage").all()
    right = fieldsets[:2]
    wrong = next(f for f in fieldsets[2:] if f.get_attribute("data-typ") in ZERO_ON_WRONG)
    for fieldset in right:
        answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)
        check(fieldset, keyboard=False)
    answer(wrong, question_for(page, wrong, data), right=False, keyboard=False)
    check(wrong, keyboard=False)
    wrong.get_by_role("button", name="Lösung anzeigen").click()
    before = question_states(page)

    page.reload()
    after = question_states(page)
    assert after == before  # same order, same choices in the same order, same answers and feedback
    total = len(data["fragen"])
    expected = percent([1, 1, 0] + [0] * (total - 3))
    status = page.locator(".kurs-quizstand").inner_text()
    assert status == f"3 von {total} Fragen beantwortet. Bisher: {expected} %."
    wrong = page.locator(f"fieldset[data-frage='{wrong.get_attribute('data-frage')}']")
    assert wrong.locator(".kurs-urteil").inner_text() == "✗ Leider nicht richtig."
    assert "Lösung:" in wrong.locator(".kurs-rueckmeldung").inner_text()
    assert wrong.get_by_role("button", name="Lösung anzeigen").is_hidden()
    assert wrong.get_by_role("button", name="Nochmal versuchen").is_visible()
    # the rest can still be answered: the quiz goes on where it stopped
    rest = next(f for f in page.locator("fieldset.kurs-frage").all()  # the first one still open
                if f.get_by_role("button", name="Prüfen", exact=True).is_visible())
    answer(rest, question_for(page, rest, data), right=True, keyboard=False)
    check(rest, keyboard=False)
    assert page.locator(".kurs-quizstand").inner_text().startswith(f"4 von {total} Fragen beantwortet.")
    assert "definition" not in stored(page)["chapters"]  # not finished, so no result yet
    assert v.errors == []


def test_finished_quiz_keeps_its_result_and_restart_begins_anew(visit, site_url, look):
    v, page, data = open_quiz(visit, site_url, look)
    for fieldset in page.locator("fieldset.kurs-frage").all():
        answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)
        check(fieldset, keyboard=False)
    result = page.locator(".kurs-quizstand").inner_text()
    assert result.startswith("Ergebnis: 100 %. Bestanden")
    before = question_states(page)

    page.reload()
    assert page.locator(".kurs-quizstand").inner_text() == result
    assert question_states(page) == before
    assert page.locator(".kurs-urteil").all_inner_texts() == ["✓ Richtig."] * len(data["fragen"])
    chapter = stored(page)["chapters"]["definition"]
    assert (chapter["best"], chapter["tries"], chapter["passed"]) == (100, 1, True)  # a reload is no new try

    seed = stored(page)["quizzes"]["definition"]["seed"]
    page.get_by_role("button", name="Quiz neu starten").click()
    total = len(data["fragen"])
    assert page.locator(".kurs-quizstand").inner_text() == f"0 von {total} Fragen beantwortet."
    fresh = question_states(page)
    assert stored(page)["quizzes"]["definition"]["seed"] != seed  # a new attempt, shuffled anew
    page.reload()
    assert question_states(page) == fresh  # ... once, not on every visit
    assert page.locator(".kurs-quizstand").inner_text() == f"0 von {total} Fragen beantwortet."
    assert stored(page)["chapters"]["definition"]["best"] == 100
    assert v.errors == []


def test_retry_of_one_question_survives_reload(visit, site_url, look):
    v, page, data = open_quiz(visit, site_url, look)
    fieldset = page.locator("fieldset.kurs-frage[data-typ='mehrfachauswahl']").first
    answer(fieldset, question_for(page, fieldset, data), right=False, keyboard=False)
    check(fieldset, keyboard=False)
    fieldset.get_by_role("button", name="Nochmal versuchen").click()
    before = question_states(page)
    page.reload()
    assert question_states(page) == before
    assert fieldset.get_by_role("button", name="Prüfen", exact=True).is_visible()
    assert v.errors == []


def result_text(page) -> str:
    return page.locator(".kurs-ergebnis").inner_text()


def exam_answers(page, data, fieldsets):
    for fieldset in fieldsets:
        answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)


def test_exam_in_progress_keeps_questions_order_and_answers(visit, site_url, look):
    v, page, data = open_quiz(visit, site_url, look, "book/abschlusstest.html")
    count = data["fragen_pro_versuch"]
    untouched = question_states(page)
    page.reload()
    assert question_states(page) == untouched  # the draw is kept before any answer, too

    fieldsets = page.locator("fieldset.kurs-frage").all()
    half = count // 2
    exam_answers(page, data, fieldsets[:half])
    before = question_states(page)
    page.reload()
    assert question_states(page) == before

    page.get_by_role("button", name="Test abgeben").click()
    assert result_text(page).startswith(f"Noch {count - half} Frage(n) ohne Antwort.")
    exam_answers(page, data, page.locator("fieldset.kurs-frage").all()[half:])
    page.get_by_role("button", name="Test abgeben").click()
    assert page.locator(".kurs-ergebnis .kurs-urteil").inner_text().startswith("✓ Bestanden: 100 %")
    state = stored(page)
    assert state["exam"]["open"] is None and [a["pct"] for a in state["exam"]["attempts"]] == [100]

    page.reload()  # handed in: the next visit starts a new attempt with nothing entered
    assert all(s["picked"] == [] and s["feedback"] == "" for s in question_states(page))
    assert len(stored(page)["exam"]["attempts"]) == 1
    assert v.errors == []


def test_empty_exam_submission_counts_every_question(visit, site_url):
    v, page, data = open_quiz(visit, site_url, None, "book/abschlusstest.html")
    count = data["fragen_pro_versuch"]
    page.get_by_role("button", name="Test abgeben").click()
    assert result_text(page).startswith(f"Noch {count} Frage(n) ohne Antwort.")
    assert v.errors == []


def test_ordering_in_the_exam_counts_once_moved_or_confirmed(visit, site_url):
    v, page, data = open_quiz(visit, site_url, None, "book/abschlusstest.html")
    orderings = [q for q in data["fragen"] if q["typ"] == "reihenfolge"]
    assert orderings, "der Abschlusstest braucht eine Reihenfolge-Frage"
    box = page.locator("[data-kurs-quiz]")
    # Show the ordering questions through the page's own start: the test puts
    # only them into the exam's data, so each attempt asks them.
    page.evaluate("""data => {
        localStorage.clear();
        const root = document.querySelector('[data-kurs-quiz]');
        root.querySelector('script[type="application/json"]').textContent = JSON.stringify(data);
        root.removeAttribute('data-bereit');
        Kurs.quiz.start();
    }""", dict(data, fragen=orderings, fragen_pro_versuch=len(orderings)))
    fieldsets = box.locator("fieldset.kurs-frage")
    assert fieldsets.count() == len(orderings)
    instruction = fieldsets.first.locator(".kurs-anleitung").first.inner_text()
    assert "gilt als beantwortet, sobald Sie einen Schritt verschoben" in instruction
    page.get_by_role("button", name="Test abgeben").click()
    assert result_text(page).startswith(f"Noch {len(orderings)} Frage(n) ohne Antwort.")

    first = fieldsets.first
    first.get_by_role("button", name="Reihenfolge übernehmen").click()
    assert first.get_by_role("button", name="Reihenfolge übernehmen").is_hidden()
    assert "Reihenfolge als Antwort übernommen" in first.inner_text()
    assert grave_violations(page, ".kurs-fragen") == []
    page.get_by_role("button", name="Test abgeben").click()
    if len(orderings) > 1:
        assert result_text(page).startswith(f"Noch {len(orderings) - 1} Frage(n)")
        for fieldset in fieldsets.all()[1:]:
            fieldset.get_by_role("button", name="nach unten").first.click()  # one move answers it
        page.get_by_role("button", name="Test abgeben").click()
    assert page.locator(".kurs-ergebnis .kurs-urteil").inner_text().startswith(("✓", "✗"))
    assert v.errors == []


def test_enter_in_a_number_field_checks_and_label_keeps_a_space(visit, site_url, look):
    v, page, data = open_quiz(visit, site_url, look)
    fieldset = page.locator("fieldset.kurs-frage[data-typ='zahl']").first
    question = question_for(page, fieldset, data)
    label = fieldset.locator(".kurs-zahleingabe label").bounding_box()
    field = fieldset.locator("input.kurs-zahlfeld").bounding_box()
    if abs(field["y"] - label["y"]) < label["height"]:  # on one line: a visible gap between them
        assert field["x"] - (label["x"] + label["width"]) >= 3
    answer(fieldset, question, right=True)
    page.keyboard.press("Enter")
    assert fieldset.locator(".kurs-urteil").inner_text() == "✓ Richtig."
    assert page.evaluate("document.activeElement.classList.contains('kurs-rueckmeldung')")
    assert v.errors == []


def test_self_check_answers_and_result_come_back_and_show_on_progress_page(visit, site_url, look):
    v = visit(look=look)
    page = v.open(f"{site_url}/book/selbstcheck.html")
    data = page_data(page, "[data-kurs-selbstcheck]")
    statements = data["aussagen"]
    picks = [(index % 5) + 1 for index in range(len(statements))]
    half = len(statements) // 2
    for index in range(half):
        page.locator(f"#aussage-{index}-{picks[index]}").check()
    page.reload()
    checked = page.locator(".kurs-selbstcheck-formular input:checked").evaluate_all("a => a.map(i => i.id)")
    assert checked == [f"aussage-{i}-{picks[i]}" for i in range(half)]
    assert page.locator(".kurs-selbstcheck-ergebnis").is_hidden()

    for index in range(half, len(statements)):
        page.locator(f"#aussage-{index}-{picks[index]}").check()
    page.get_by_role("button", name="Auswerten").click()
    description = page.locator(".kurs-selbstcheck-ergebnis svg desc").text_content()
    page.reload()
    result = page.locator(".kurs-selbstcheck-ergebnis")
    assert result.is_visible() and result.locator("svg desc").text_content() == description
    assert page.locator(".kurs-selbstcheck-formular input:checked").count() == len(statements)

    progress = v.open(f"{site_url}/book/fortschritt.html")
    info = page_data(progress, "[data-kurs-fortschritt]")["selbstcheck"]
    part = progress.locator(".kurs-selbstcheckstand")
    assert part.inner_text().startswith("✓ Ausgewertet am")
    for key, name in info["kompetenzen"].items():
        value = stored(progress)["selfcheck"]["profile"][key]
        assert f"{name}: {value} %" in part.inner_text() and f"{name}: {value} %" in description
    assert v.errors == []
    assert grave_violations(progress) == []


# Written by hand in the shape version 1 stored (German field names, one key).
V1_STATE = {
    "version": 1,
    "kapitel": {
        "definition": {"bester": 90, "letzter": 85, "versuche": 2, "bestanden": True,
                       "datum": "2026-11-20T12:00:00.000Z"},
        "gehalt": {"bester": 40, "letzter": 40, "versuche": 1, "bestanden": False,
                   "datum": "2026-11-21T12:00:00.000Z"},
    },
    "pruefung": {"versuche": [
        {"datum": "2026-11-27T12:00:00.000Z", "prozent": 65, "bestanden": False,
         "kapitel": {"definition": {"punkte": 2.5, "fragen": 3}}},
        {"datum": "2026-11-28T12:00:00.000Z", "prozent": 85, "bestanden": True,
         "kapitel": {"definition": {"punkte": 3, "fragen": 3}}},
    ]},
    "rollenspiele": {"jahresgespraech-handel": {
        "datum": "2026-11-22T12:00:00.000Z", "pfad": [{"knoten": "start", "option": 0}],
        "abgeschlossen": {"ende": "ende-gut", "titel": "Ein Ende aus dem Test", "punkte": {},
                          "entscheidungen": 1}}},
    "besucht": {"book/definition": "2026-11-20T11:00:00.000Z"},
    "selbstcheck": {"datum": "2026-11-23T12:00:00.000Z", "profil": {
        "kommunikation": 100, "verhandlung": 75, "branchenwissen": 50, "kaufmaennisches-wissen": 0,
        "englisch": 38, "unternehmerisches-denken": 62, "belastbarkeit-flexibilitaet": 88,
        "reisebereitschaft": 49}},
}
SEED_V1 = (f"if (!sessionStorage.getItem('gesetzt')) {{ localStorage.setItem('{V1_KEY}',"
           f" {json.dumps(json.dumps(V1_STATE))}); sessionStorage.setItem('gesetzt', '1'); }}")


def test_version_1_data_migrates_without_loss(visit, site_url, look):
    v = visit(SEED_V1, look=look)
    page = v.open(f"{site_url}/book/fortschritt.html")
    info = page_data(page, "[data-kurs-fortschritt]")
    assert page.locator(".kurs-speicherhinweis").count() == 0
    row = page.locator("tr", has=page.get_by_role("link", name=next(
        c["titel"] for c in info["kapitel"] if c["id"] == "definition"), exact=True))
    assert "90 % (zuletzt 85 %)" in row.inner_text() and "✓ bestanden" in row.inner_text()
    assert "20.11.2026" in row.inner_text()
    assert page.locator(".kurs-versuche li").all_inner_texts() == [
        "Versuch 1 am 27.11.2026: 65 % – ✗ nicht bestanden", "Versuch 2 am 28.11.2026: 85 % – ✓ bestanden"]
    roleplays = page.locator(".kurs-rollenspielstand").inner_text()
    assert "✓ abgeschlossen, zuletzt mit dem Ende „Ein Ende aus dem Test“" in roleplays
    check_part = page.locator(".kurs-selbstcheckstand").inner_text()
    for key, value in V1_STATE["selbstcheck"]["profil"].items():
        if key in info["selbstcheck"]["kompetenzen"]:
            assert f"{info['selbstcheck']['kompetenzen'][key]}: {value} %" in check_part

    state = stored(page)
    assert page.evaluate(f"localStorage.getItem('{V1_KEY}')") is None  # one key stays
    assert state["version"] == 2
    assert state["chapters"]["definition"] == {"best": 90, "last": 85, "tries": 2, "passed": True,
                                               "at": "2026-11-20T12:00:00.000Z"}
    assert state["chapters"]["gehalt"]["passed"] is False
    assert state["exam"]["attempts"][0] == {"at": "2026-11-27T12:00:00.000Z", "pct": 65, "passed": False,
                                            "chapters": {"definition": [2.5, 3]}}
    role = state["roleplays"]["jahresgespraech-handel"]
    assert role["pfad"] == [{"knoten": "start", "option": 0}] and role["at"] == "2026-11-22T12:00:00.000Z"
    assert role["abgeschlossen"]["titel"] == "Ein Ende aus dem Test"
    assert state["selfcheck"]["profile"] == V1_STATE["selbstcheck"]["profil"]
    assert state["visited"]["book/definition"] == "2026-11-20T11:00:00.000Z"

    page.reload()  # a second load reads the new key and changes nothing
    assert stored(page)["chapters"] == state["chapters"]
    assert stored(page)["exam"]["attempts"] == state["exam"]["attempts"]
    assert v.errors == []
    assert grave_violations(page) == []


def test_snapshot_and_restore_carry_the_whole_state(visit, site_url):
    v, page, data = open_quiz(visit, site_url, None)
    fieldset = page.locator("fieldset.kurs-frage").first
    answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=False)
    check(fieldset, keyboard=False)
    before = question_states(page)
    snapshot = page.evaluate("Kurs.progress.snapshot()")
    events = page.evaluate("""snapshot => {
        const seen = [];
        Kurs.progress.subscribe((event, state) => seen.push([event.type, state.version]));
        const bad = Kurs.progress.restore({version: 7});
        Kurs.progress.reset();
        const good = Kurs.progress.restore(snapshot);
        return {bad, good, seen};
    }""", snapshot)
    assert events == {"bad": False, "good": True, "seen": [["reset", 2], ["restore", 2]]}
    page.reload()
    assert question_states(page) == before
    assert v.errors == []


def test_half_done_quiz_comes_back_over_file_urls(own_profile, site):
    """Opened from the file system, as a trainee with the downloaded course does (no browser
    flags), in a browser with its own profile: in the test browser's private windows, which
    keep storage in memory only, a reload from file:// came back empty in 2 of 5 full test
    runs (never over http, never when run alone). A trainee's own browser keeps it on disk."""
    context = own_profile(LOOKS["handy-dunkel"])
    page = context.pages[0] if context.pages else context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto((site / CHAPTER).as_uri(), wait_until="load")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset = page.locator("fieldset.kurs-frage").first
    answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=True)
    check(fieldset, keyboard=True)
    before = question_states(page)
    stored_before = page.evaluate(STORAGE_REPORT)
    page.reload()
    after = question_states(page)
    assert after[0] == before[0], (stored_before, page.evaluate(STORAGE_REPORT), page.url)
    assert after == before
    assert page.locator(".kurs-quizstand").inner_text().startswith(f"1 von {len(data['fragen'])} Fragen")
    assert errors == []

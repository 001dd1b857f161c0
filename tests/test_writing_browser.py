"""Written practice in the built site (Chromium): writing by keyboard, the model
answer and checklist, text and ticks kept over a reload, the progress page and
its export, content shown as text, blocked storage, the LMS notice, and axe on
a desktop in light mode and a 390 px phone in dark mode."""

import json

import pytest
from exercise_driver import grave_violations
from pages import PROJECT, chapter_docnames
from ruamel.yaml import YAML

pytestmark = pytest.mark.browser
PAGE = "book/gehalt.html"
TASK = "gehalt-1"
ROOT = f"[data-kurs-schreiben='{TASK}']"
KEY = "kam-kurs:fortschritt:v2"
LIMIT = 2000
TEXT = "Liebe Frau Wagner,\n\nvielen Dank für Ihr Angebot. Ich habe vier Fragen."
SAVED = f"() => (JSON.parse(localStorage.getItem('{KEY}') || '{{}}').writing || {{}})['{TASK}']"
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Der Zugriff ist gesperrt.', 'SecurityError'); }
});
"""


def checklist_length(task_id: str) -> int:
    """Read from the YAML itself, not through the package under test."""
    for path in (PROJECT / "exercises" / "inhalte").glob("schreibaufgaben*.yml"):
        for task in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["aufgaben"]:
            if task["id"] == task_id:
                return len(task["checkliste"])
    raise AssertionError(task_id)


def course_task_ids() -> list[str]:
    chapters = {name.split("/")[-1] for name in chapter_docnames()}
    ids = []
    for path in (PROJECT / "exercises" / "inhalte").glob("schreibaufgaben*.yml"):
        ids += [task["id"] for task in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["aufgaben"]
                if task["kapitel"] in chapters]
    return ids


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def open_task(visit, site_url, look=None, init_script=None):
    v = visit(init_script=init_script, look=look)
    page = v.open(f"{site_url}/{PAGE}")
    page.wait_for_selector(f"{ROOT}[data-bereit]")
    return v, page


def write_reveal_and_tick(page) -> None:
    """Everything by keyboard: type, Tab to the button, Enter, Tab to the checkboxes, Space."""
    page.locator(f"{ROOT} textarea").focus()
    page.keyboard.type(TEXT)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Musterantwort zeigen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # first criterion
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # third criterion


def test_write_reveal_tick_and_reload_keep_text_and_ticks(visit, site_url, look):
    v, page = open_task(visit, site_url, look)
    textarea = page.locator(f"{ROOT} textarea")
    label = page.locator(f"{ROOT} label[for='{textarea.get_attribute('id')}']")
    assert label.inner_text() == "Ihr Text"
    assert textarea.get_attribute("maxlength") == str(LIMIT)
    button = page.get_by_role("button", name="Musterantwort zeigen")
    assert page.locator(f"#{button.get_attribute('aria-controls')}").is_hidden()

    write_reveal_and_tick(page)
    criteria = checklist_length(TASK)
    count = page.locator(f"{ROOT} .kurs-schreiben-zaehler")
    assert count.inner_text() == f"{len(TEXT)} von 2.000 Zeichen"
    # the count is read with the field (aria-describedby), not announced at every keystroke
    assert count.get_attribute("id") in textarea.get_attribute("aria-describedby")
    assert page.locator(f"{ROOT} :is([aria-live], [role=status]) .kurs-schreiben-zaehler").count() == 0
    assert count.get_attribute("aria-live") is None and count.get_attribute("role") is None
    toggle = page.locator(f"{ROOT} button[aria-expanded]")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(f"#{toggle.get_attribute('aria-controls')}").is_visible()
    boxes = page.locator(f"{ROOT} input[type=checkbox]")
    assert boxes.count() == criteria
    assert [boxes.nth(i).is_checked() for i in range(criteria)] == [i in (0, 2) for i in range(criteria)]
    status = page.locator(f"{ROOT} [role=status]")
    assert status.inner_text() == f"2 von {criteria} Punkten treffen auf Ihren Text zu."

    page.wait_for_function(SAVED)
    entry = stored(page)["writing"][TASK]
    assert entry["text"] == TEXT
    assert entry["ticks"] == "".join("1" if i in (0, 2) else "0" for i in range(criteria))
    assert set(entry) == {"at", "text", "ticks"}

    page.reload()
    page.wait_for_selector(f"{ROOT}[data-bereit]")
    assert page.locator(f"{ROOT} textarea").input_value() == TEXT
    assert page.locator(f"#{toggle.get_attribute('aria-controls')}").is_visible()
    assert [boxes.nth(i).is_checked() for i in range(criteria)] == [i in (0, 2) for i in range(criteria)]
    assert grave_violations(page, ROOT) == []
    width = page.evaluate(f"document.querySelector(\"{ROOT}\").scrollWidth")
    assert width <= page.evaluate(f"document.querySelector(\"{ROOT}\").clientWidth")
    assert v.errors == []


def test_typing_is_saved_when_it_pauses_and_the_limit_is_announced_once(visit, site_url):
    v, page = open_task(visit, site_url)
    textarea = page.locator(f"{ROOT} textarea")
    status = page.locator(f"{ROOT} [role=status]")
    textarea.focus()
    page.keyboard.type("Erster Satz.")
    assert status.inner_text() == ""  # nothing announced while typing far from the limit
    page.wait_for_function(SAVED)
    assert stored(page)["writing"][TASK]["text"] == "Erster Satz."
    page.keyboard.insert_text("x" * (LIMIT - 12 - 150))
    assert status.inner_text() == "Noch 150 Zeichen frei."
    page.keyboard.type("y" * 160)  # ten more than fit
    assert len(textarea.input_value()) == LIMIT
    assert status.inner_text() == "Die Höchstlänge von 2.000 Zeichen ist erreicht."
    assert page.locator(f"{ROOT} .kurs-schreiben-zaehler").inner_text() == "2.000 von 2.000 Zeichen"
    assert v.errors == []


def test_progress_page_lists_every_task_and_the_export_holds_the_text(visit, site_url, look):
    v, page = open_task(visit, site_url, look)
    write_reveal_and_tick(page)
    page.locator(f"{ROOT} textarea").focus()
    page.keyboard.press("Tab")  # leaving the field saves at once
    page.goto(f"{site_url}/book/fortschritt.html")
    part = page.locator(".kurs-schreibstand")
    part.wait_for()
    heading = page.locator("h2", has_text="Schreibaufgaben")
    assert heading.count() == 1
    items = part.locator("li[data-aufgabe]")
    shown = items.evaluate_all("items => items.map(i => i.dataset.aufgabe)")
    assert sorted(shown) == sorted(course_task_ids())
    mine = part.locator(f"li[data-aufgabe='{TASK}']")
    assert "✓ geschrieben" in mine.inner_text()
    assert f"Checkliste: 2 von {checklist_length(TASK)} abgehakt" in mine.inner_text()
    assert "Gehalt" in mine.inner_text()
    text = mine.locator("details .kurs-schreiben-eigener-text")
    assert text.is_hidden()
    mine.locator("summary").focus()
    page.keyboard.press("Enter")
    assert text.is_visible() and text.inner_text() == TEXT
    other = part.locator("li[data-aufgabe]:not([data-aufgabe='gehalt-1'])").first
    assert "○ noch nicht geschrieben" in other.inner_text() and other.locator("details").count() == 0
    assert mine.locator("a").get_attribute("href").endswith(f"gehalt.html#schreibaufgabe-{TASK}")
    assert grave_violations(page, ".kurs-schreibstand") == []

    page.locator("#kurs-teilnehmername").fill("Test Person")
    with page.expect_download() as download:
        page.get_by_role("button", name="Fortschritt exportieren").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["writing"][TASK]["text"] == TEXT
    assert v.errors == []


def test_saved_text_is_shown_as_text_never_run(visit, site_url):
    evil = '<img src=x onerror="window.ran=1">\n</details><b>fett</b>'
    entry = {"at": "2026-01-05T10:00:00.000Z", "text": evil, "ticks": "zz"}
    state = {"version": 2, "chapters": {}, "quizzes": {}, "exam": {"attempts": [], "open": None},
             "roleplays": {}, "visited": {}, "writing": {TASK: entry}}
    seed = (f"if (!sessionStorage.getItem('gesetzt')) {{ localStorage.setItem('{KEY}', "
            f"{json.dumps(json.dumps(state))}); sessionStorage.setItem('gesetzt', '1'); }}")
    v, page = open_task(visit, site_url, init_script=seed)
    assert page.locator(f"{ROOT} textarea").input_value() == evil
    # ticks that do not fit the checklist are dropped: the model answer stays closed
    assert page.locator(f"{ROOT} button[aria-expanded]").get_attribute("aria-expanded") == "false"
    page.goto(f"{site_url}/book/fortschritt.html")
    mine = page.locator(f".kurs-schreibstand li[data-aufgabe='{TASK}']")
    mine.locator("summary").click()
    assert mine.locator(".kurs-schreiben-eigener-text").inner_text() == evil
    assert page.locator(".kurs-schreibstand img, .kurs-schreibstand b").count() == 0
    assert page.evaluate("window.ran") is None
    assert v.errors == []


def test_blocked_storage_keeps_the_task_usable_and_says_so(visit, site_url):
    v, page = open_task(visit, site_url, init_script=BLOCK_STORAGE)
    assert "erlaubt dieser Seite nicht, Daten zu speichern" in page.locator(ROOT).inner_text()
    write_reveal_and_tick(page)
    assert page.locator(f"{ROOT} textarea").input_value() == TEXT
    assert page.locator(f"{ROOT} input[type=checkbox]:checked").count() == 2
    assert v.errors == []


def test_lms_without_room_for_texts_gets_a_calm_notice(visit, site_url):
    # kurs-lms.js sets textsLeftOut on the launch page when suspend_data has no room for free texts
    v, page = open_task(visit, site_url, init_script="window.kursLms = { textsLeftOut: true };")
    notice = page.locator(f"{ROOT} .kurs-schreiben-lms")
    assert notice.is_visible()
    assert "bleiben in diesem Browser" in notice.inner_text()
    v2, plain = open_task(visit, site_url)
    assert plain.locator(f"{ROOT} .kurs-schreiben-lms").is_hidden()
    assert v.errors == [] and v2.errors == []

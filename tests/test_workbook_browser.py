"""The account-plan workbook in the built site (Chromium): fields filled by
keyboard survive a reload and go into the progress export and the progress
page, the Markdown download is the text exercises/workbook/markdown.py writes
for the same entries, stakeholder rows come and go, the whitespace matrix
keeps its choices, the largest possible workbook stays within its limit,
print shows only the workbook, the LMS notice, blocked storage, and axe on a
desktop in light mode and a phone in dark mode."""

import json
from pathlib import Path

import pytest
from conftest import LOOKS
from exercise_driver import choose_by_keyboard, grave_violations
from test_quiz_browser import BLOCK_STORAGE

from exercises.content import require_content
from exercises.workbook.markdown import workbook_markdown
from exercises.workbook.model import STATE_LIMIT, state_size, worst_case_state

pytestmark = pytest.mark.browser
PAGE = "book/arbeitsmappe.html"
ROOT = "[data-kurs-arbeitsmappe]"
ENTRIES = "Kurs.progress.practice('workbook')"


@pytest.fixture(scope="module")
def workbook():
    return require_content().workbook


@pytest.fixture
def opened(visit, site_url):
    """opened(look=None, init_script=None) -> (visit, page) on the workbook page; no script errors."""
    visits = []

    def open_(look=None, init_script=None):
        v = visit(init_script=init_script, look=look or LOOKS["desktop-hell"])
        visits.append(v)
        page = v.open(f"{site_url}/{PAGE}")
        page.wait_for_selector(f"{ROOT}[data-bereit]")
        return v, page

    yield open_
    for v in visits:
        assert v.errors == []


def saved(page, key: str):
    """The stored entry once the typing pause has passed."""
    page.wait_for_function(f"k => {ENTRIES}[k] !== undefined", arg=key)
    return page.evaluate(f"{ENTRIES}[{json.dumps(key)}]")


def plan(page, name: str):
    return page.locator(f"{ROOT} section[data-plan='{name}']")


def test_fields_typed_by_keyboard_survive_a_reload_and_go_into_the_export(opened, site_url):
    v, page = opened()
    first = page.locator("textarea[name='fall:kunde-markt']")
    first.focus()
    page.keyboard.type("Lindenkorb will sich mit Regionalem abheben.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # the example answer opens on demand
    example = plan(page, "fall").locator(".kurs-mappe-beispieltext").first
    assert example.is_visible() and "Discounter" in example.text_content()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "fall:zusammenarbeit"
    page.keyboard.type("14 Mio. Euro im Jahr")
    assert saved(page, "fall:zusammenarbeit") == "14 Mio. Euro im Jahr"
    assert saved(page, "fall:kunde-markt") == "Lindenkorb will sich mit Regionalem abheben."
    counter = first.get_attribute("aria-describedby").split()[1]
    assert page.locator(f"#{counter}").text_content() == "44 von 280 Zeichen"
    assert first.get_attribute("maxlength") == "280"

    page.reload()
    page.wait_for_selector(f"{ROOT}[data-bereit]")
    assert page.locator("textarea[name='fall:kunde-markt']").input_value() == (
        "Lindenkorb will sich mit Regionalem abheben.")
    assert page.locator("textarea[name='fall:zusammenarbeit']").input_value() == "14 Mio. Euro im Jahr"
    exported = json.loads(page.evaluate("Kurs.progress.exportJson()"))
    assert exported["workbook"]["fall:zusammenarbeit"] == "14 Mio. Euro im Jahr"

    progress = v.open(f"{site_url}/book/fortschritt.html")
    part = progress.locator(".kurs-mappe-stand")
    assert progress.get_by_role("heading", name="Account-Plan-Arbeitsmappe").is_visible()
    assert "Fallbeispiel: 2 Textfelder ausgefüllt, 0 Personen" in part.inner_text()
    assert "Eigener Kunde: 0 Textfelder ausgefüllt" in part.inner_text()
    assert part.get_by_role("link", name="Zur Arbeitsmappe").get_attribute("href") == "arbeitsmappe.html"


def test_the_markdown_download_is_the_text_python_writes(opened, workbook):
    _, page = opened()
    goals = "1. *Umsatz* steigern\n# kein Titel\n\n<b>fett</b> | Tabelle"
    page.locator("textarea[name='fall:ziele-jahre']").fill(goals)
    page.locator("textarea[name='eigen:kunde-markt']").fill("Werkzeugbau [intern] & mehr")
    plan(page, "fall").get_by_role("button", name="Person hinzufügen").click()
    plan(page, "fall").locator(".kurs-mappe-person input").fill("Katrin *Vogt*")
    plan(page, "fall").locator(".kurs-mappe-person select").first.select_option("einkauf")
    plan(page, "fall").locator("select[data-zelle='nord.vegan']").select_option("potenzial")
    saved(page, "eigen:kunde-markt")
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Markdown exportieren").click()
    assert download.value.suggested_filename == "account-plan-arbeitsmappe.md"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    entries = page.evaluate(ENTRIES)
    assert text == workbook_markdown(workbook, entries)
    assert "1\\. \\*Umsatz\\* steigern\\\n\\# kein Titel\n\n\\<b\\>fett\\</b\\> \\| Tabelle" in text
    assert "| Katrin \\*Vogt\\* | Einkäufer:in | – | – | – |" in text
    assert "Werkzeugbau \\[intern\\] \\& mehr" in text
    status = page.locator(f"{ROOT} [role='status']")
    assert status.text_content() == "Die Datei „account-plan-arbeitsmappe.md“ wurde erstellt."


def test_stakeholder_rows_are_added_and_removed_by_keyboard(opened, workbook):
    _, page = opened()
    case = plan(page, "fall")
    add = case.get_by_role("button", name="Person hinzufügen")
    for name in ("Katrin Vogt", "Herr Brenner", "Marketingleiterin"):
        add.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.type") == "text"  # the new row's name
        page.keyboard.type(name)
    role = case.locator(".kurs-mappe-person").nth(1).locator("select").first
    choose_by_keyboard(role, "entscheider", 7)
    assert "hinzugefügt" in page.locator(f"{ROOT} [role='status']").text_content()
    assert saved(page, "fall:stakeholder")[1][:2] == ["Herr Brenner", "entscheider"]

    case.get_by_role("button", name="Person 1 entfernen").focus()
    page.keyboard.press("Enter")
    assert page.locator(f"{ROOT} [role='status']").text_content() == (
        "„Katrin Vogt“ entfernt. Die Landkarte hat jetzt 2 Personen.")
    assert page.evaluate("document.activeElement.value") == "Herr Brenner"  # focus stays in the list
    names = case.locator(".kurs-mappe-person legend").all_text_contents()
    assert names == ["Person 1", "Person 2"]
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-bereit]")
    rows = plan(page, "fall").locator(".kurs-mappe-person")
    assert [rows.nth(i).locator("input").input_value() for i in range(rows.count())] == [
        "Herr Brenner", "Marketingleiterin"]
    assert rows.nth(0).locator("select").first.input_value() == "entscheider"

    add = plan(page, "fall").get_by_role("button", name="Person hinzufügen")
    while not add.is_disabled():
        add.click()
    assert rows.count() == workbook.stakeholder.personen_max
    limit = f"höchstens {workbook.stakeholder.personen_max} Personen"
    assert plan(page, "fall").get_by_text(limit).is_visible()
    assert page.evaluate(f"{ENTRIES}['eigen:stakeholder']") is None  # the other plan is untouched


def test_the_whitespace_matrix_keeps_its_choices_and_the_own_names(opened, workbook):
    _, page = opened()
    cell = plan(page, "fall").locator("select[data-zelle='sued-west.aufstriche']")
    choose_by_keyboard(cell, "potenzial", len(workbook.whitespace.optionen) + 1)
    label = page.locator(f"label[for='{cell.get_attribute('id')}']")
    assert label.text_content() == "Märkte im Süden und Westen – Brotaufstriche"
    own = plan(page, "eigen")
    own.get_by_label("Bereich 2", exact=True).fill("Werk Ost")
    own.get_by_label("Produkt 1", exact=True).fill("Wartung")
    own_cell = own.locator("select[data-zelle='2.1']")
    own_cell.select_option("kauft")
    assert page.locator(f"label[for='{own_cell.get_attribute('id')}']").text_content() == "Werk Ost – Wartung"
    assert own.locator("table.kurs-mappe-matrix tbody tr").nth(1).locator("th").text_content() == "Werk Ost"
    assert saved(page, "eigen:einheiten") == ["", "Werk Ost", "", ""]
    assert saved(page, "fall:whitespace") == {"sued-west.aufstriche": "potenzial"}
    assert saved(page, "eigen:whitespace") == {"2.1": "kauft"}
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-bereit]")
    assert plan(page, "fall").locator("select[data-zelle='sued-west.aufstriche']").input_value() == (
        "potenzial")
    assert plan(page, "eigen").locator("select[data-zelle='2.1']").input_value() == "kauft"
    assert plan(page, "eigen").get_by_label("Bereich 2", exact=True).input_value() == "Werk Ost"
    # the option is said in words in every cell, not by colour
    options = cell.locator("option").all_text_contents()
    assert options[1:] == list(workbook.whitespace.optionen.values())


def test_the_largest_possible_workbook_stays_within_the_limit(opened, workbook):
    _, page = opened()
    last = page.locator("textarea[name='eigen:naechster-schritt']")
    last.focus()
    page.keyboard.insert_text('"' * 1000)
    assert last.input_value() == '"' * 140  # maxlength stops typing and pasting
    # Then everything at once: every text longer than allowed, every row and every select used.
    page.evaluate("""() => {
      const form = document.querySelector('[data-kurs-arbeitsmappe] .kurs-mappe-formular');
      const set = (node, value) => {
        node.value = value;
        node.dispatchEvent(new Event('input', {bubbles: true}));
      };
      for (const add of form.querySelectorAll('.kurs-mappe-landkarte > button')) {
        while (!add.disabled) add.click();
      }
      form.querySelectorAll('textarea, input').forEach((node) => set(node, '"'.repeat(2000)));
      form.querySelectorAll('select').forEach((select) => {
        const codes = [...select.options].map((o) => o.value);
        select.value = codes.reduce((a, b) => (b.length > a.length ? b : a), '');
        select.dispatchEvent(new Event('change', {bubbles: true}));
      });
    }""")
    page.wait_for_timeout(800)
    size = page.evaluate(f"JSON.stringify({ENTRIES}).length")
    assert size == state_size(worst_case_state(workbook)) <= STATE_LIMIT


def test_print_shows_only_the_workbook_with_the_fields_as_text(opened):
    _, page = opened()
    page.locator("textarea[name='eigen:massnahmen-liste']").fill("Messe im März vorbereiten")
    saved(page, "eigen:massnahmen-liste")
    page.emulate_media(media="print")
    copy = page.locator(".kurs-mappe-druck")
    assert copy.is_visible() and "Messe im März vorbereiten" in copy.inner_text()
    assert page.locator(".kurs-mappe-formular").is_hidden()
    assert page.get_by_role("button", name="Drucken").is_hidden()
    assert page.locator("h1").first.is_hidden() and page.locator(".bd-header").is_hidden()
    assert copy.locator("textarea, input, select").count() == 0
    page.emulate_media(media="screen")
    assert copy.is_hidden()


def test_the_lms_notice_says_the_texts_stay_in_this_browser(opened):
    _, page = opened()
    assert page.locator(".kurs-mappe-lms").is_hidden()
    _, page = opened(init_script="window.kursLms = { textsLeftOut: true };")
    notice = page.locator(".kurs-mappe-lms")
    assert notice.is_visible()
    assert "keinen Platz" in notice.inner_text() and "Als Markdown exportieren" in notice.inner_text()


def test_blocked_storage_still_lets_the_learner_work_and_export(opened):
    _, page = opened(init_script=BLOCK_STORAGE)
    assert "nicht, Daten zu speichern" in page.locator(f"{ROOT} .kurs-speicherhinweis").first.inner_text()
    page.locator("textarea[name='fall:kunde-markt']").fill("geht trotzdem")
    assert saved(page, "fall:kunde-markt") == "geht trotzdem"
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Markdown exportieren").click()
    assert "geht trotzdem" in Path(download.value.path()).read_text(encoding="utf-8")


def test_axe_finds_nothing_serious(opened, look):
    _, page = opened(look=look)
    for section in ("fall", "eigen"):
        plan(page, section).get_by_role("button", name="Person hinzufügen").click()
    page.locator(f"{ROOT} details").evaluate_all("all => all.forEach((d) => { d.open = true; })")
    page.locator("textarea[name='fall:kunde-markt']").fill("Text")
    assert grave_violations(page, ROOT) == []
    root = page.locator(ROOT)
    assert root.evaluate("e => e.scrollWidth <= e.clientWidth")

"""The course offline after one visit over http: the service worker's copy.

Which files it must hold and which answer is right come from the built site
and the question data in the page, not from the worker.
"""

import re
import shutil

import pytest
from exercise_driver import answer, check, page_data, question_for
from page_weight import served

from exercises.sphinx.offline import write_worker_file

pytestmark = pytest.mark.browser
CHAPTERS = ["book/definition.html", "book/aufgaben.html", "book/gehalt.html"]
# ready gives the registration once a worker is activating; activated comes after
# its install step stored every listed file and its activate step removed older copies
WORKER_READY = """async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state !== "activated") {
        await new Promise((done) => worker.addEventListener("statechange",
            () => worker.state === "activated" && done()));
    }
    return worker.state;
}"""

# Waits up to 30 s until the browser holds just the named cache; gives the caches it holds.
ONLY_CACHE = """async (name) => {
    for (let tries = 0; tries < 300; tries += 1) {
        const names = await caches.keys();
        if (names.length === 1 && names[0] === name) return names;
        await new Promise((done) => setTimeout(done, 100));
    }
    return caches.keys();
}"""


def go_offline_after_one_visit(visit, site_url):
    v = visit(worker=True)
    page = v.open(f"{site_url}/book/intro.html")
    assert page.evaluate(WORKER_READY) == "activated"
    v.context.set_offline(True)
    return v


def test_chapters_quiz_and_calculator_work_offline(visit, site_url):
    v = go_offline_after_one_visit(visit, site_url)
    page = v.page
    for chapter in CHAPTERS:
        page.goto(f"{site_url}/{chapter}", wait_until="load")
        assert page.locator("article h1").count() == 1, chapter
        assert page.locator("nav.bd-links a").count() > 5, chapter  # the sidebar came too

    page.goto(f"{site_url}/book/definition.html", wait_until="load")
    data = page_data(page, "[data-kurs-quiz]")
    fieldset = page.locator("fieldset.kurs-frage").first
    answer(fieldset, question_for(page, fieldset, data), right=True, keyboard=True)
    check(fieldset, keyboard=True)
    assert fieldset.locator(".kurs-urteil").inner_text() == "✓ Richtig."

    page.goto(f"{site_url}/book/gehalt.html", wait_until="load")
    page.wait_for_selector("[data-kurs-gehalt][data-bereit]")
    section = page.locator("section[data-profil='heute']")
    result = section.locator("[data-wert='typisch']")
    before = result.get_attribute("data-euro")
    section.locator("input[name='years']").fill("25")
    page.wait_for_function("([el, old]) => el.dataset.euro !== old", arg=[result.element_handle(), before])
    assert re.fullmatch(r"\d+", result.get_attribute("data-euro"))
    assert v.errors == []


def test_a_new_build_replaces_the_old_copy(visit, site, tmp_path):
    """A changed page gives a new version; the worker swaps the whole copy for it."""
    copy = shutil.copytree(site, tmp_path / "html")
    with served(copy) as url:
        v = visit(worker=True)
        page = v.open(f"{url}/book/intro.html")
        assert page.evaluate(WORKER_READY) == "activated"
        first = page.evaluate("caches.keys()")
        assert len(first) == 1

        intro = copy / "book" / "intro.html"
        intro.write_text(intro.read_text(encoding="utf-8").replace(
            "</article>", '<p id="neu-gebaut">Neu gebaut</p></article>'), encoding="utf-8")
        version = write_worker_file(copy)
        assert f"kam-kurs-{version}" not in first
        page.evaluate("async () => (await navigator.serviceWorker.ready).update()")
        assert page.evaluate(ONLY_CACHE, f"kam-kurs-{version}") == [f"kam-kurs-{version}"]

        v.context.set_offline(True)
        page.goto(f"{url}/book/intro.html", wait_until="load")
        assert page.locator("#neu-gebaut").count() == 1
        assert v.errors == []


def test_pages_from_the_file_system_have_no_worker(visit, site):
    v = visit(worker=True)
    page = v.open((site / "book" / "intro.html").as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.serviceWorker === undefined || "
                         "navigator.serviceWorker.controller === null")
    assert v.errors == []

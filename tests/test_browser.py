"""Every page in Chromium: no request to another host, no console or page
error, no serious or critical axe-core violation; over http and file://, on
the desktop in light mode. On phones, test_layout_browser.py makes the same
checks with all feedback shown: over http at 390 px in dark mode, and from
file:// at 320 px in light mode and then dark by the theme's toggle."""

from urllib.parse import urlparse

import pytest
from conftest import LOOKS, foreign, record_traffic
from exercise_driver import grave_violations
from pages import html_pages

pytestmark = pytest.mark.browser
PAGES = ["index.html", *html_pages()]


def visit(browser, url, look="desktop-hell"):
    """Open ``url`` and record what the page asked for and complained about."""
    context = browser.new_context(**LOOKS[look])
    page = context.new_page()
    seen = {**record_traffic(page), "console": [], "errors": []}
    page.on("console", lambda message: message.type == "error"
            and seen["console"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)  # let deferred scripts run and report
    return context, page, seen


# On phones, test_layout_browser.py makes the same checks with all feedback shown (over
# http at 390 px in dark mode, from file:// at 320 px); the start page only redirects, so
# it is checked on a phone here.
CASES = [(path, "desktop-hell") for path in PAGES] + [("index.html", "handy-dunkel")]


@pytest.mark.parametrize("path, look", CASES)
def test_page_over_http(browser, site_url, path, look):
    context, page, seen = visit(browser, f"{site_url}/{path}", look)
    try:
        assert foreign(seen["requests"], "http", urlparse(site_url).netloc) == []
        assert seen["failed"] == []
        assert seen["console"] == []
        assert seen["errors"] == []
        if look == "desktop-hell":
            assert grave_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path, look", CASES)
def test_page_from_file_system(browser, site, path, look):
    context, page, seen = visit(browser, (site / path).as_uri(), look)
    try:
        assert foreign(seen["requests"], "file") == []
        assert seen["failed"] == []
        assert seen["console"] == []
        assert seen["errors"] == []
    finally:
        context.close()


def test_keyboard_reaches_main_content(browser, site_url):
    """The first Tab stop is the skip link, and it leads into the chapter text."""
    context, page, _ = visit(browser, f"{site_url}/book/aufgaben.html")
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "Zum Hauptinhalt springen"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
    finally:
        context.close()

"""Every page in Chromium: no request to another host, no console or page
error, no serious or critical axe-core violation; over http and file://, on
the desktop in light mode and on a phone (390 px) in dark mode."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import LOOKS
from pages import html_pages

pytestmark = pytest.mark.browser
PAGES = ["index.html", *html_pages()]


def visit(browser, url, look="desktop-hell"):
    """Open ``url`` and record what the page asked for and complained about."""
    context = browser.new_context(**LOOKS[look])
    page = context.new_page()
    seen = {"requests": [], "console": [], "errors": [], "failed": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: message.type == "error"
            and seen["console"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    # A request cut off because the page moved on (the start redirect) is no failure.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
            and seen["failed"].append(request.url))
    page.on("response", lambda response: response.status >= 400
            and seen["failed"].append(f"{response.status} {response.url}"))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)  # let deferred scripts run and report
    return context, page, seen


def foreign(urls, allowed_scheme, allowed_host=None):
    out = []
    for url in urls:
        parts = urlparse(url)
        if parts.scheme in {"data", "blob", "about"}:
            continue
        if parts.scheme != allowed_scheme or (allowed_host and parts.netloc != allowed_host):
            out.append(url)
    return out


@pytest.mark.parametrize("look", ["desktop-hell", "handy-dunkel"])
@pytest.mark.parametrize("path", PAGES)
def test_page_over_http(browser, site_url, path, look):
    context, page, seen = visit(browser, f"{site_url}/{path}", look)
    try:
        assert foreign(seen["requests"], "http", urlparse(site_url).netloc) == []
        assert seen["failed"] == []
        assert seen["console"] == []
        assert seen["errors"] == []
        if look == "desktop-hell":  # phone/dark: test_layout_browser.py runs axe with all feedback shown
            violations = Axe().run(page).response["violations"]
            grave = [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']]}"
                     for v in violations if v["impact"] in {"serious", "critical"}]
            assert grave == []
    finally:
        context.close()


@pytest.mark.parametrize("look", ["desktop-hell", "handy-dunkel"])
@pytest.mark.parametrize("path", PAGES)
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

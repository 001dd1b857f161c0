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


# On phones, test_layout_browser.py makes the same checks with all feedback shown (over
# http at 390 px in dark mode, from file:// at 320 px); the start page only redirects, so
# it is checked on a phone here.
CASES = [(path, "desktop-hell") for path in PAGES] + [("index.html", "handy-dunkel")]


def opened(visit, url: str, look: str):
    """A trainee's first visit of ``url``: what the page asks for, and the page."""
    v = visit(look=LOOKS[look], worker=True)
    traffic = record_traffic(v.page)
    page = v.open(url)
    if url.endswith("/index.html"):  # the start page forwards to the first chapter at once
        page.wait_for_url("**/book/intro.html", wait_until="load")
    return v, traffic, page


@pytest.mark.parametrize("path, look", CASES)
def test_page_over_http(visit, site_url, path, look):
    v, traffic, page = opened(visit, f"{site_url}/{path}", look)
    assert foreign(traffic["requests"], "http", urlparse(site_url).netloc) == []
    assert traffic["failed"] == []
    assert v.errors == []
    if look == "desktop-hell":
        assert grave_violations(page) == []


@pytest.mark.parametrize("path, look", CASES)
def test_page_from_file_system(visit, site, path, look):
    v, traffic, _ = opened(visit, (site / path).as_uri(), look)
    assert foreign(traffic["requests"], "file") == []
    assert traffic["failed"] == []
    assert v.errors == []


def test_keyboard_reaches_main_content(visit, site_url):
    """The first Tab stop is the skip link, and it leads into the chapter text."""
    _, _, page = opened(visit, f"{site_url}/book/aufgaben.html", "desktop-hell")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Hauptinhalt springen"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

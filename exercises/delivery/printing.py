"""Print an HTML file to an A4 PDF with the system Chromium (through Playwright).

Nothing is downloaded: Playwright drives the Chromium the tests already use.
"""

import os
from pathlib import Path

CHROMIUM = os.environ.get("KURS_CHROMIUM", "/usr/bin/chromium")
# Chromium would otherwise contact Google's servers at start (updates, sync).
QUIET_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class PrintError(Exception):
    """Chromium or Playwright is missing; the message says what to install."""


def checked_playwright():
    """Playwright's ``sync_playwright``, once Chromium and Playwright are known to be there."""
    if not Path(CHROMIUM).exists():
        raise PrintError(f"Chromium fehlt unter {CHROMIUM}; bitte `apt-get install chromium` "
                         "oder KURS_CHROMIUM setzen")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PrintError("Playwright fehlt; bitte `pip install -r requirements.txt`") from error
    return sync_playwright


def print_pdf(page_html: Path, out: Path, outline: bool = False) -> None:
    """``outline``: bookmarks from the headings, in a tagged PDF (Chromium needs the tags for them)."""
    with checked_playwright()() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
        try:
            page = browser.new_page()
            page.goto(page_html.resolve().as_uri())
            page.pdf(path=str(out), format="A4", print_background=True, prefer_css_page_size=True,
                     outline=outline, tagged=outline)
        finally:
            browser.close()

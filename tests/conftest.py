"""Shared fixtures: the built site (built once per run) and a browser."""

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from filelock import FileLock

PROJECT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


@pytest.fixture(scope="session")
def shared_folder(tmp_path_factory, worker_id) -> Path:
    """A folder all pytest-xdist workers of this run share (each worker's own
    temporary folder lies inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def build_once(shared_folder: Path, name: str, command: list[str]) -> subprocess.CompletedProcess:
    """Run a build ``command`` that writes into ``shared_folder / name`` once per
    test run: the first worker builds, the others wait for it and reuse the result."""
    record = shared_folder / f"{name}.json"
    with FileLock(str(shared_folder / f"{name}.lock")):
        if not record.exists():
            done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
            record.write_text(json.dumps([done.returncode, done.stdout, done.stderr]), encoding="utf-8")
        returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(command, returncode, stdout, stderr)


@pytest.fixture(scope="session")
def book_build(shared_folder):
    """A fresh ``-W -n`` build of the whole course, made once per test run."""
    output = shared_folder / "kurs"
    result = build_once(shared_folder, "kurs", [
        str(JUPYTER_BOOK), "build", str(PROJECT), "-W", "-n", "--keep-going", "--path-output", str(output)])
    return result, output / "_build" / "html"


@pytest.fixture(scope="session")
def site(book_build):
    result, html = book_build
    if result.returncode != 0:
        pytest.fail("Der Kurs ließ sich nicht bauen:\n" + result.stdout[-4000:] + result.stderr[-4000:])
    return html


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a request it no longer needs (a redirect, say) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(folder: Path):
    """``folder`` served over http on a free loopback port, for as long as the block runs."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served over http."""
    with served(site) as url:
        yield url


def chromium_options() -> dict:
    executable = os.environ.get("KURS_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium fehlt unter {executable} (KURS_CHROMIUM setzen oder "
                    "`apt-get install chromium`).")
    # Without these flags Chromium phones home at start; this machine has no network.
    return {"executable_path": executable,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]}


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(**chromium_options())
    yield browser
    browser.close()


@pytest.fixture
def own_profile(playwright, tmp_path):
    """``own_profile(look)``: Chromium with a profile on disk, as a trainee's own browser
    keeps it. The shared browser's contexts are private windows that live in memory."""
    opened = []

    def make(look: dict):
        opened.append(playwright.chromium.launch_persistent_context(
            tmp_path / f"profil-{len(opened)}", **chromium_options(), **look))
        return opened[-1]

    yield make
    for context in opened:
        context.close()


# How a trainee may see a page: the desktop in light mode, a phone in dark mode,
# and the narrowest phone. Every browser test of a page runs in each of them.
LOOKS = {
    "desktop-hell": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "handy-dunkel": {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark",
                     "is_mobile": True, "has_touch": True},
    "handy-320": {"viewport": {"width": 320, "height": 640}, "color_scheme": "light",
                  "is_mobile": True, "has_touch": True},
}


@pytest.fixture(params=["desktop-hell", "handy-dunkel"])
def look(request) -> dict:
    """Desktop in light mode and phone (390 px) in dark mode, for tests of exercises."""
    return LOOKS[request.param]


def record_traffic(page) -> dict[str, list[str]]:
    """What ``page`` asks for from now on, and which requests fail or answer with an error."""
    seen = {"requests": [], "failed": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    # A request cut off because the page moved on (the start redirect) is no failure.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
            and seen["failed"].append(request.url))
    page.on("response", lambda response: response.status >= 400
            and seen["failed"].append(f"{response.status} {response.url}"))
    return seen


def foreign(urls, allowed_scheme, allowed_host=None) -> list[str]:
    """The ``urls`` that go to another scheme or host (data:, blob: and about: stay in the page)."""
    out = []
    for url in urls:
        parts = urlparse(url)
        if parts.scheme in {"data", "blob", "about"}:
            continue
        if parts.scheme != allowed_scheme or (allowed_host and parts.netloc != allowed_host):
            out.append(url)
    return out


class Visit:
    """A fresh browser context and page that records errors and foreign requests.

    Without ``worker=True`` the page cannot register the course's service worker, as in a
    browser that has none (private windows in some browsers, company policies), which the
    course serves as well. Over http the worker copies the whole site after the first
    page (0.4 s of processor time per visit) while the test goes on; the page tests of
    each look and the offline tests let it run, as on a trainee's first visit."""

    def __init__(self, browser, init_script: str | None = None, look: dict | None = None,
                 worker: bool = False):
        workers = "allow" if worker else "block"
        self.context = browser.new_context(accept_downloads=True, service_workers=workers, **(look or {}))
        if init_script:
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def open(self, url: str):
        # By "load" the deferred course scripts have run (kurs-bereit.js marks it before):
        # every exercise is usable, and the steps of a test wait for what they act on.
        self.page.goto(url, wait_until="load")
        return self.page


@pytest.fixture
def visit(browser):
    """``visit(init_script=None, look=LOOKS[...], worker=False)`` opens a fresh context (a new "browser")."""
    opened = []

    def make(init_script: str | None = None, look: dict | None = None, worker: bool = False) -> Visit:
        opened.append(Visit(browser, init_script, look, worker))
        return opened[-1]

    yield make
    for v in opened:
        v.context.close()


@pytest.fixture(scope="session")
def trainer_site(shared_folder) -> Path:
    """The trainer edition, built once per test run as trainers build it."""
    out = shared_folder / "trainer" / "html"
    result = build_once(shared_folder, "trainer", [
        sys.executable, "-m", "exercises", "build", "--edition", "trainer", "--out", str(out)])
    output = result.stdout[-3000:] + result.stderr[-3000:]
    if result.returncode != 0 or "WARNING:" in result.stdout + result.stderr:
        pytest.fail("Die Ausgabe für Trainer:innen ließ sich nicht sauber bauen:\n" + output)
    return out

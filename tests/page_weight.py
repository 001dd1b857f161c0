"""What a trainee's browser loads, for tests/benchmark.py: pages over http in Chromium.

For each page: its HTML size, the first view with an empty cache (gzip bytes
and requests), the next page with the browser's cache (gzip bytes and
requests), and when the course's runtime marked every exercise usable.
Gzip bytes are the files Chromium fetched, compressed as a web server would;
the test server itself sends them plain. Service workers are blocked here, so
the figures show the pages themselves; the worker's offline copy is counted
on its own (``offline_copy_gzip``).
"""

import gzip
import json
import re
import statistics
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import served

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY_AFTER_DOM = """() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const ready = performance.getEntriesByName("kurs:bereit")[0];
    return ready ? ready.startTime - navigation.domContentLoadedEventStart : null;
}"""


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


class Network:
    """The responses of one page as Chromium's DevTools protocol reports them."""

    def __init__(self, context, page):
        self.responses: list[dict] = []
        self.from_cache: set[str] = set()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.responseReceived",
                   lambda event: self.responses.append({**event["response"], "id": event["requestId"]}))
        session.on("Network.requestServedFromCache", lambda event: self.from_cache.add(event["requestId"]))

    def take(self, site: Path) -> tuple[int, int]:
        """(gzip bytes, requests) that went to the server since the last call."""
        fetched = [r for r in self.responses if r["url"].startswith("http")
                   and r["id"] not in self.from_cache and not r.get("fromDiskCache")]
        size = sum(gzip_size(site / unquote(urlparse(r["url"]).path).lstrip("/"))
                   for r in fetched if r["status"] == 200)
        self.responses.clear()
        return size, len(fetched)


def measure(site: Path, pages: list[str], chromium: str) -> list[dict]:
    """One row per page; the second view is the next page in ``pages``."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, served(site) as url:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for index, name in enumerate(pages):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            network = Network(context, page)
            page.goto(f"{url}/{name}", wait_until="load")
            page.wait_for_timeout(300)
            first = network.take(site)
            ready = page.evaluate(READY_AFTER_DOM)
            page.goto(f"{url}/{pages[(index + 1) % len(pages)]}", wait_until="load")
            page.wait_for_timeout(300)
            second = network.take(site)
            context.close()
            rows.append({"page": name, "html": (site / name).stat().st_size, "first_gzip": first[0],
                         "first_requests": first[1], "second_gzip": second[0],
                         "second_requests": second[1], "ready_ms": ready})
        browser.close()
    return rows


def offline_copy_gzip(site: Path) -> int | None:
    """Gzip bytes the service worker fetches once, in the background, for the offline copy."""
    worker = site / "kurs-sw.js"
    if not worker.exists():
        return None
    build = json.loads(re.search(r"const BUILD = (\{.*?\});", worker.read_text(), re.DOTALL).group(1))
    return sum(gzip_size(site / name) for name in build["files"] if name != "./")


def summary(rows: list[dict]) -> dict:
    ready = [r["ready_ms"] for r in rows if r["ready_ms"] is not None]
    return {
        "html_median": statistics.median(r["html"] for r in rows),
        "html_max": max(r["html"] for r in rows),
        "first_gzip_median": statistics.median(r["first_gzip"] for r in rows),
        "first_gzip_max": max(r["first_gzip"] for r in rows),
        "first_requests_max": max(r["first_requests"] for r in rows),
        "second_gzip_median": statistics.median(r["second_gzip"] for r in rows),
        "second_gzip_max": max(r["second_gzip"] for r in rows),
        "ready_ms_max": max(ready) if ready else None,
    }

"""Speed and size of the course build; prints figures, asserts nothing.

Run with ``make benchmark``. Measures, in fresh temporary copies:
clean build, no-op rebuild, rebuild after editing one chapter, the weight of
every page as Chromium loads it (bytes and requests), and the clean build of
the ``jupyter-book create`` template for a per-page comparison.
Targets: per page no slower than the template; no-op rebuild at most 5 s.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

PROJECT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
CHROMIUM = os.environ.get("KURS_CHROMIUM", "/usr/bin/chromium")


def build(folder: Path, strict: bool = True) -> float:
    # The template is built as it comes (its own sample pages have warnings).
    flags = ["-W", "-n", "--keep-going"] if strict else []
    started = time.perf_counter()
    subprocess.run([JUPYTER_BOOK, "build", str(folder), *flags],
                   check=True, capture_output=True, cwd=folder)
    return time.perf_counter() - started


def copy_project(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=PROJECT, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in files:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, destination)
    return target


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    """(page, bytes, requests) as Chromium loads each page with an empty cache.

    Most of the bytes are the theme's icon font script, loaded once and then
    cached by the browser for every further page.
    """
    from playwright.sync_api import sync_playwright

    weights = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page_path in html_pages(site):
            page = browser.new_page()
            loaded = []
            page.on("request", lambda request, loaded=loaded: loaded.append(request.url))
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_timeout(100)
            files = [Path(url2pathname(urlparse(url).path)) for url in loaded
                     if url.startswith("file:")]
            size = sum(path.stat().st_size for path in files if path.is_file())
            weights.append((page_path.relative_to(site).as_posix(), size, len(loaded)))
            page.close()
        browser.close()
    return weights


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        course = copy_project(scratch / "kurs")
        clean = build(course)
        noop = build(course)
        chapter = course / "book" / "aufgaben.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nEin zusätzlicher Satz.\n",
                           encoding="utf-8")
        edited = build(course)
        site = course / "_build" / "html"
        course_pages = len(html_pages(site))

        subprocess.run([JUPYTER_BOOK, "create", str(scratch / "vorlage")], check=True,
                       capture_output=True)
        template = build(scratch / "vorlage", strict=False)
        template_pages = len(html_pages(scratch / "vorlage" / "_build" / "html"))
        weights = page_weights(site)

    per_page, template_per_page = clean / course_pages, template / template_pages
    print(f"{'Messung':<44}{'Wert':>12}")
    print(f"{'Sauberer Build (Kurs, ' + str(course_pages) + ' Seiten)':<44}{clean:>10.1f} s")
    print(f"{'Build ohne Änderung':<44}{noop:>10.1f} s   (Ziel: ≤ 5 s)")
    print(f"{'Build nach Änderung eines Kapitels':<44}{edited:>10.1f} s")
    print(f"{'Sauberer Build (Vorlage, ' + str(template_pages) + ' Seiten)':<44}{template:>10.1f} s")
    print(f"{'Kurs je Seite':<44}{per_page:>10.2f} s")
    print(f"{'Vorlage je Seite':<44}{template_per_page:>10.2f} s")
    print(f"{'Verhältnis Kurs/Vorlage je Seite':<44}{per_page / template_per_page:>10.2f}"
          "     (Ziel: ≤ 1)")
    print()
    print(f"{'Seite':<32}{'Bytes':>12}{'Anfragen':>10}")
    for name, size, requests in weights:
        print(f"{name:<32}{size:>12,}{requests:>10}".replace(",", "."))


if __name__ == "__main__":
    main()

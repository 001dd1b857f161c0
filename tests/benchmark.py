"""Speed and size of the course build; prints figures, asserts nothing.

Run with ``make benchmark``. Measures, in fresh temporary copies:
clean build, no-op rebuild, rebuild after editing one chapter, the clean
build of the ``jupyter-book create`` template for a per-page comparison, and
the chapters as Chromium loads them over http beside the template's pages
(HTML size, first and second view in gzip bytes and requests, when the
exercises are usable; see tests/page_weight.py).
It also builds the sample company edition twice (``python -m exercises build
--company``) and times the second build. Every build runs the copy's own
package (PYTHONPATH), not the one installed from the working tree.
Targets (issue 13): per page at most 0.75 times the template's; no-op rebuild
at most 5 s; second build of the same company file at most 10 s. Beside each
time stands the CPU time of the build's processes, which says more than the
clock when the machine is busy.
"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from page_weight import measure, offline_copy_gzip, summary
from pages import chapter_docnames

PROJECT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
CHROMIUM = os.environ.get("KURS_CHROMIUM", "/usr/bin/chromium")


class Timing:
    """Wall-clock and CPU seconds of one command and the processes it started."""

    def __init__(self, command: list[str], folder: Path):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=folder,
                       env={**os.environ, "PYTHONPATH": str(folder)})
        self.wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    def __str__(self) -> str:
        return f"{self.wall:>10.1f} s   (CPU {self.cpu:.1f} s)"


def build(folder: Path, strict: bool = True) -> Timing:
    # The template is built as it comes (its own sample pages have warnings).
    flags = ["-W", "-n", "--keep-going"] if strict else []
    return Timing([JUPYTER_BOOK, "build", str(folder), *flags], folder)


def company_builds(course: Path, out: Path) -> Timing:
    """Build the sample company edition twice; the second build's timing."""
    command = [sys.executable, "-m", "exercises", "build", "--company",
               str(course / "exercises" / "firmen" / "firma-muster.yml"), "--out", str(out)]
    Timing(command, course)
    return Timing(command, course)


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
        company_second = company_builds(course, scratch / "firma" / "html")
        site = course / "_build" / "html"
        course_pages = len(html_pages(site))

        subprocess.run([JUPYTER_BOOK, "create", str(scratch / "vorlage")], check=True,
                       capture_output=True)
        template = build(scratch / "vorlage", strict=False)
        template_site = scratch / "vorlage" / "_build" / "html"
        template_pages = len(html_pages(template_site))
        # chapters: the course's article chapters; the template's content pages
        weights = summary(measure(site, [f"{name}.html" for name in chapter_docnames()], CHROMIUM))
        template_weights = summary(measure(
            template_site, [p.relative_to(template_site).as_posix() for p in html_pages(template_site)
                            if p.stem not in {"genindex", "search", "index"}], CHROMIUM))
        offline_copy = offline_copy_gzip(site)

    per_page, template_per_page = clean.wall / course_pages, template.wall / template_pages
    ratio = per_page / template_per_page
    print(f"{'Messung':<44}{'Wert':>12}")
    print(f"{'Sauberer Build (Kurs, ' + str(course_pages) + ' Seiten)':<44}{clean}")
    print(f"{'Build ohne Änderung':<44}{noop}   Ziel ≤ 5 s: {verdict(noop.wall <= 5)}")
    print(f"{'Build nach Änderung eines Kapitels':<44}{edited}")
    print(f"{'Zweiter Build derselben Firmendatei':<44}{company_second}   "
          f"Ziel ≤ 10 s: {verdict(company_second.wall <= 10)}")
    print(f"{'Sauberer Build (Vorlage, ' + str(template_pages) + ' Seiten)':<44}{template}")
    cpu_ratio = (clean.cpu / course_pages) / (template.cpu / template_pages)
    print(f"{'Kurs je Seite':<44}{per_page:>10.2f} s   (CPU {clean.cpu / course_pages:.2f} s)")
    print(f"{'Vorlage je Seite':<44}{template_per_page:>10.2f} s   "
          f"(CPU {template.cpu / template_pages:.2f} s)")
    print(f"{'Verhältnis Kurs/Vorlage je Seite':<44}{ratio:>10.2f}     (CPU {cpu_ratio:.2f})   "
          f"Ziel ≤ 0,75: {verdict(ratio <= 0.75)}")
    print()
    print_weights(weights, template_weights, offline_copy)


def verdict(met: bool) -> str:
    return "erfüllt" if met else "VERFEHLT"


def print_weights(course: dict, template: dict, offline_copy: int | None) -> None:
    """Kurs beside Vorlage; pages over http in Chromium (tests/page_weight.py)."""
    def kilobytes(value):
        return "–" if value is None else f"{value / 1024:.1f} KB"

    def milliseconds(value):
        return "–" if value is None else f"{value:.0f} ms"

    # (label, format, key, target or None); a target is met when the course's figure is at most it
    rows = [
        ("Kapitel-HTML (Median)", kilobytes, "html_median", None),
        ("Kapitel-HTML (größtes)", kilobytes, "html_max", 80 * 1024),
        ("Erster Aufruf, gzip (Median)", kilobytes, "first_gzip_median", None),
        ("Erster Aufruf, gzip (größter)", kilobytes, "first_gzip_max", 200 * 1024),
        ("Erster Aufruf, Anfragen (meiste)", str, "first_requests_max", 20),
        ("Zweite Seite, gzip (Median)", kilobytes, "second_gzip_median", None),
        ("Zweite Seite, gzip (größte)", kilobytes, "second_gzip_max", 60 * 1024),
        ("Übungen bereit nach DOMContentLoaded", milliseconds, "ready_ms_max", 100),
    ]
    print(f"{'Seitengewicht (Chromium, http)':<40}{'Kurs':>12}{'Vorlage':>12}   Ziel")
    for label, show, key, target in rows:
        met = "" if target is None else (
            f"≤ {show(target)}: " + verdict(course[key] is not None and course[key] <= target))
        print(f"{label:<40}{show(course[key]):>12}{show(template[key]):>12}   {met}")
    print(f"{'Offline-Kopie, einmalig im Hintergrund':<40}{kilobytes(offline_copy):>12}{'–':>12}")


if __name__ == "__main__":
    main()

"""The course's own CSS, JS runtime and template, added to every page."""

from html import escape
from pathlib import Path

from sphinx.application import Sphinx

from exercises.sphinx.weight import write_if_changed

TEMPLATES = Path(__file__).parent / "templates"
# kurs-bereit.js stays last: it marks the page ready after every exercise script started.
SCRIPTS = ("kurs-dom.js", "kurs-fortschritt.js", "kurs-quiz.js", "kurs-rollenspiel.js", "kurs-selbstcheck.js",
           "kurs-gehalt.js", "kurs-rabatt.js", "kurs-offline.js", "kurs-arbeitsmappe.js",
           "kurs-schreiben.js", "kurs-wiederholen.js", "kurs-bereit.js")


def add_assets(app: Sphinx, config) -> None:
    config.html_static_path.append(str(Path(app.srcdir) / "assets"))
    config.templates_path.append(str(TEMPLATES))
    app.add_css_file("kurs.css")
    app.add_css_file("kurs-icons.css")
    if (Path(app.srcdir) / "assets" / "firma.css").exists():  # company editions only
        app.add_css_file("firma.css")
    for script in SCRIPTS:
        # Classic scripts (not modules): modules do not load from file:// pages.
        app.add_js_file(script, defer="defer")


def write_start_page(app: Sphinx, exception) -> None:
    """The site's index.html: a redirect to the start page that is a proper German page.

    sphinx-external-toc would write a bare redirect without a favicon link, so
    browsers ask for /favicon.ico (a 404) before they follow it.
    """
    if exception or app.builder.format != "html":
        return
    root = app.config.root_doc
    target = f"{root}.html"
    write_if_changed(
        Path(app.outdir) / "index.html",
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(app.config.html_title)}</title>\n"
        '<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
        f'<body>\n<p><a href="{target}">Zum Kurs</a></p>\n</body>\n</html>\n')


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_assets)
    # before sphinx-external-toc, which writes index.html only when it is missing
    app.connect("build-finished", write_start_page, priority=400)

"""The course's own CSS, JS runtime and template, added to every page."""

from pathlib import Path

from sphinx.application import Sphinx

TEMPLATES = Path(__file__).parent / "templates"
SCRIPTS = ("kurs-fortschritt.js", "kurs-quiz.js", "kurs-rollenspiel.js", "kurs-selbstcheck.js",
           "kurs-gehalt.js")


def add_assets(app: Sphinx, config) -> None:
    config.html_static_path.append(str(Path(app.srcdir) / "assets"))
    config.templates_path.append(str(TEMPLATES))
    app.add_css_file("kurs.css")
    if (Path(app.srcdir) / "assets" / "firma.css").exists():  # company editions only
        app.add_css_file("firma.css")
    for script in SCRIPTS:
        # Classic scripts (not modules): modules do not load from file:// pages.
        app.add_js_file(script, defer="defer")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_assets)

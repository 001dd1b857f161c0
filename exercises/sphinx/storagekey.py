"""Each edition keeps its own progress in the browser.

Two editions on one server (the trainee and the trainer edition, or two
companies') would otherwise share one storage key. The layout names the
edition in ``<meta name="kurs-ausgabe">``; ``assets/kurs-fortschritt.js``
builds its key from it (the trainee edition keeps the plain key).
"""

from pathlib import Path

from ruamel.yaml import YAML
from sphinx.application import Sphinx


def edition_name(edition: str, company_file: str) -> str:
    parts = []
    if company_file:
        try:
            data = YAML(typ="safe").load(Path(company_file).read_text(encoding="utf-8"))
            short = data["kurzname"]
        except Exception:  # an invalid file fails the build elsewhere, with its own message
            short = Path(company_file).stem
        parts.append(f"firma-{short}")
    if edition == "trainer":
        parts.append("trainer")
    return "-".join(parts)


def add_edition_name(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["kurs_ausgabe"] = edition_name(app.config.kurs_edition, app.config.kurs_firma)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_edition_name)

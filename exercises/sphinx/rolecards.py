"""Print-ready role cards for every scenario, written next to the built site.

They are standalone pages (own A4 print stylesheet, no theme), so trainers can
print them from the site or hand them out as files. Only the trainer edition
holds the buyer's card: its confidential limits would spoil the role-play for
trainees who read them beforehand.
"""

from pathlib import Path

from sphinx.application import Sphinx

from exercises.roleplay.data import role_cards_html
from exercises.sphinx.weight import strip_spare_text, write_if_changed

FOLDER = "rollenkarten"


def write_role_cards(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    folder = Path(app.outdir) / FOLDER
    folder.mkdir(exist_ok=True)
    confidential = app.config.kurs_edition == "trainer"
    for scenario_id, scenario in app.env.kurs_content.scenarios.items():
        cards = role_cards_html(scenario, confidential)
        # as weight.py would leave them, so that an unchanged card stays untouched
        write_if_changed(folder / f"{scenario_id}.html", strip_spare_text(cards))


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write_role_cards)

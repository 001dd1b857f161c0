"""Built pages stay light: no ipywidgets state and no icon-font script.

The live notebook keeps its widgets: the executed notebooks the build keeps
beside the site still hold the widget views and their state. Sizes themselves
(chapter HTML at most 80 KB, first view, second page) are benchmark figures,
printed by tests/benchmark.py beside the template's.
"""

import json
import re

import pytest
from pages import chapter_docnames, html_pages

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
FONT_ICON = re.compile(r'<(i|span) class="[^"]*\bfa-')


@pytest.mark.parametrize("path", html_pages())
def test_no_page_carries_widget_state_or_the_icon_font(site, path):
    html = (site / path).read_text(encoding="utf-8")
    assert WIDGET_STATE not in html
    assert "fontawesome.js" not in html
    assert not FONT_ICON.search(html), "Symbol ohne SVG-Zeichnung"


@pytest.mark.parametrize("docname", chapter_docnames())
def test_the_executed_notebook_still_has_its_widgets(site, docname):
    """What Jupyter or Binder shows comes from the kernel, not from the page."""
    notebook = json.loads((site.parent / "jupyter_execute" / f"{docname}.ipynb").read_text(encoding="utf-8"))
    views = [output for cell in notebook["cells"] for output in cell.get("outputs", [])
             if WIDGET_VIEW in output.get("data", {})]
    assert views, f"{docname}: keine Widgets im ausgeführten Notebook"
    assert notebook["metadata"]["widgets"][WIDGET_STATE]["state"]


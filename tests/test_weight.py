"""Built pages stay light: no ipywidgets state, no icon-font script, no exercise data.

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
DATA_SCRIPT = re.compile(r'<script defer="defer" src="([^"?]*_static/daten/[^"?]+\.js)')


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



@pytest.mark.parametrize("docname", chapter_docnames())
def test_exercise_data_comes_in_a_cached_file_that_the_offline_copy_holds(site, docname):
    html = (site / f"{docname}.html").read_text(encoding="utf-8")
    assert 'type="application/json"' not in html
    [source] = DATA_SCRIPT.findall(html)
    data_file = ((site / docname).parent / source).resolve()
    text = data_file.read_text(encoding="utf-8")
    assert "<" not in text  # nothing in it can end a script element
    data = json.loads(re.fullmatch(r"window\.kursDaten = (\{.*\});\n", text, re.DOTALL).group(1))
    keys = re.findall(r'data-kurs-daten="([^"]+)"', html)
    assert keys and sorted(keys) == sorted(data)
    assert any("fragen" in entry for entry in data.values()), "das Kapitelquiz fehlt"
    worker = (site / "kurs-sw.js").read_text(encoding="utf-8")
    offline_files = json.loads(re.search(r"const BUILD = (\{.*?\});", worker, re.DOTALL).group(1))["files"]
    assert data_file.relative_to(site.resolve()).as_posix() in offline_files

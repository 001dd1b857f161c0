"""pytest-notebook regression tests for every page that executes code.

Each such page has a reviewed snapshot in ``tests/notebooks/<page>.ipynb``
holding the outputs it must produce. The test checks that the snapshot still
has the page's code, then executes it and compares every output. After an
intended change, regenerate with ``pytest tests/test_notebooks.py
--nb-force-regen`` and review the diff of the snapshot.
"""

from pathlib import Path

import nbformat
import pytest
from myst_nb.core.read import read_myst_markdown_notebook
from pages import PROJECT, toc_docnames

SNAPSHOTS = Path(__file__).parent / "notebooks"


def executing_pages() -> list[str]:
    pages = []
    for name in toc_docnames():
        text = (PROJECT / f"{name}.md").read_text(encoding="utf-8")
        if "{code-cell}" in text:
            pages.append(name)
    return pages


def code_of(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def test_some_page_executes_code():
    assert executing_pages(), "keine Seite mit Code – dann braucht es diese Tests nicht"


@pytest.mark.parametrize("docname", executing_pages())
def test_page_outputs_match_snapshot(docname, nb_regression):
    page = read_myst_markdown_notebook((PROJECT / f"{docname}.md").read_text(encoding="utf-8"))
    snapshot = SNAPSHOTS / f"{Path(docname).name}.ipynb"
    if not snapshot.exists() or nb_regression.force_regen:
        nbformat.write(page, snapshot)
    stored = nbformat.read(snapshot, as_version=4)
    assert code_of(stored) == code_of(page), (
        f"{snapshot.name} ist veraltet: mit --nb-force-regen neu erzeugen und prüfen")
    # Widget models get fresh random ids on every run; the static twin (text/html) and the
    # widget's text/plain view are what must not change.
    nb_regression.diff_ignore = (*nb_regression.diff_ignore, "/metadata/widgets",
                                 "/cells/*/outputs/*/data/application/vnd.jupyter.widget-view+json")
    nb_regression.exec_cwd = str((PROJECT / docname).parent)
    nb_regression.exec_timeout = 120
    try:
        nb_regression.check(str(snapshot))
    finally:
        if nb_regression.force_regen:
            drop_widget_state(snapshot)


def drop_widget_state(snapshot: Path) -> None:
    """Regenerated snapshots keep no widget state: it is large and ignored anyway."""
    notebook = nbformat.read(snapshot, as_version=4)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, snapshot)

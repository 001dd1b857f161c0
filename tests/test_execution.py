"""Course-call pages run in the build process (exercises/sphinx/execution.py).

Their outputs must equal what a kernel gives: the reviewed snapshots in
tests/notebooks/ were made by pytest-notebook in a real kernel
(tests/test_notebooks.py), so they are the expected values here.
"""

import json
import re

import nbformat
import pytest
from myst_nb.core.read import read_myst_markdown_notebook
from nbformat.v4 import new_code_cell
from pages import PROJECT
from test_notebooks import SNAPSHOTS, executing_pages

from exercises.sphinx.execution import (
    WIDGET_STATE,
    WIDGET_VIEW,
    PrintedSomething,
    course_calls_only,
    run_in_process,
)


@pytest.mark.parametrize("sources, expected", [
    (['from exercises.display import quiz\nquiz("definition")'], True),
    (["from exercises.display import exam as pruefung\npruefung()"], True),
    (["from exercises.display import quiz", 'quiz(chapter_id="gehalt")'], True),  # imports carry over
    (['import exercises.display\nexercises.display.quiz("gehalt")'], False),
    (['from os import system\nsystem("ls")'], False),
    (['from exercises.display import quiz\nquiz("gehalt".upper())'], False),
    (['from exercises.display import quiz\nquiz("gehalt")\nprint(1)'], False),
    (['from exercises.display import quiz\nx = quiz("gehalt")'], False),
    (["quiz("], False),
    ([""], False),
])
def test_only_imports_from_the_package_and_one_fixed_call_qualify(sources, expected):
    assert course_calls_only([new_code_cell(source) for source in sources]) is expected


@pytest.mark.parametrize("docname", executing_pages())
def test_outputs_equal_the_kernels(docname):
    page = read_myst_markdown_notebook((PROJECT / f"{docname}.md").read_text(encoding="utf-8"))
    run_in_process(page, (PROJECT / docname).parent)
    kernel = nbformat.read(SNAPSHOTS / f"{docname.split('/')[-1]}.ipynb", as_version=4)
    ours = [cell for cell in page.cells if cell.cell_type == "code"]
    theirs = [cell for cell in kernel.cells if cell.cell_type == "code"]
    assert len(ours) == len(theirs)
    for mine, snapshot in zip(ours, theirs, strict=True):
        assert [o.output_type for o in mine.outputs] == [o.output_type for o in snapshot.outputs]
        for got, wanted in zip(mine.outputs, snapshot.outputs, strict=True):
            assert sorted(got.data) == sorted(wanted.data)
            assert got.data["text/html"] == wanted.data["text/html"]
            assert got.data["text/plain"] == wanted.data["text/plain"]
    views = {o.data[WIDGET_VIEW]["model_id"] for cell in ours for o in cell.outputs if WIDGET_VIEW in o.data}
    assert views <= set(page.metadata["widgets"][WIDGET_STATE]["state"])

    # every widget a view refers to is in the state, so a notebook viewer can draw it
    state = page.metadata["widgets"][WIDGET_STATE]["state"]
    for model in state.values():
        for reference in re.findall(r"IPY_MODEL_(\w+)", json.dumps(model["state"])):
            assert reference in state


def test_a_page_run_again_in_the_same_process_gets_its_widgets_again():
    """The build runs many pages in one process; widgets an exercise module shares stay usable."""
    for _ in range(2):
        page = read_myst_markdown_notebook((PROJECT / "book/arbeitsmappe.md").read_text(encoding="utf-8"))
        run_in_process(page, PROJECT / "book")
        [output] = [o for cell in page.cells if cell.cell_type == "code" for o in cell.outputs]
        assert WIDGET_VIEW in output.data and "text/html" in output.data


def test_a_call_that_prints_is_left_to_the_kernel(tmp_path):
    page = nbformat.v4.new_notebook(cells=[new_code_cell("from exercises.cli import main\nmain(['check'])")])
    with pytest.raises(PrintedSomething, match="gültig"):
        run_in_process(page, tmp_path)

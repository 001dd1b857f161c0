"""How the pages' code runs at build time.

Re-execution: myst-nb's cache keys on a page's own code cells. A page whose
one-line call draws a diagram from ``exercises`` would keep a stale picture
after the package or its data changed. Keying the cache folder on a hash of
the package's sources fixes that and keeps no-op rebuilds instant.

No kernel for course calls: a page whose code cells only import from
``exercises`` and call what they imported with fixed arguments
(``quiz("definition")``) gives the same output wherever it runs. Starting a
kernel for it cost about 2.4 s per page, two thirds of a clean build
(tests/benchmark.py, issue 13). Such pages run here, in the build process,
before Sphinx reads them; their outputs go into myst-nb's own cache as its
kernel run would store them (execute results formatted by IPython, the
ipywidgets state in the notebook's metadata), so myst-nb finds them there.
Any other page, and any call that fails, prints or warns here, is left to
myst-nb's kernel, which shows or reports that its usual way. Live notebooks always use a kernel.
"""

import ast
import contextlib
import io
import time
import warnings
from pathlib import Path

from nbformat import NotebookNode
from nbformat.v4 import new_output
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from exercises import package_fingerprint

logger = logging.getLogger(__name__)
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_PREFIX = "IPY_MODEL_"  # how a widget's state refers to another widget
# What ipykernel reports about itself; myst-nb takes the code lexer from it.
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3", "file_extension": ".py",
                 "mimetype": "text/x-python", "codemirror_mode": {"name": "ipython", "version": 3},
                 "nbconvert_exporter": "python"}


def key_cache_on_package(app: Sphinx, config) -> None:
    base = config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache"
    config.nb_execution_cache_path = str(Path(base) / package_fingerprint())


def is_course_import(node: ast.stmt) -> bool:
    return (isinstance(node, ast.ImportFrom) and node.level == 0 and bool(node.module)
            and node.module.split(".")[0] == "exercises")


def course_calls_only(cells: list[NotebookNode]) -> bool:
    """True if every cell holds imports from ``exercises``, perhaps followed by one
    call of an imported name with constant arguments."""
    imported: set[str] = set()
    for cell in cells:
        try:
            body = ast.parse(cell.source).body
        except SyntaxError:
            return False
        if not body:
            return False
        *imports, last = body
        if is_course_import(last):
            imports, last = body, None
        for node in imports:
            if not is_course_import(node):
                return False
            imported.update(alias.asname or alias.name for alias in node.names)
        call = last.value if isinstance(last, ast.Expr) else None
        if last is not None and not (
                isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in imported
                and all(isinstance(arg, ast.Constant) for arg in call.args)
                and all(isinstance(keyword.value, ast.Constant) for keyword in call.keywords)):
            return False
    return True


class PrintedSomething(Exception):
    """A call printed or warned: the kernel run shows that output as myst-nb does."""


def run_in_process(notebook: NotebookNode, folder: Path) -> None:
    """Fill in the code cells' results as a kernel would, and the state of the widgets they show."""
    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    namespace: dict = {"__name__": "__main__"}
    views: list[str] = []
    with contextlib.chdir(folder):
        cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        for count, cell in enumerate(cells, 1):
            body = ast.parse(cell.source).body
            call = body.pop().value if isinstance(body[-1], ast.Expr) else None
            printed = io.StringIO()
            # IPython prints a failing _repr_*_ instead of raising: formatting happens in here too
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed), \
                    warnings.catch_warnings(record=True) as caught:
                exec(compile(ast.Module(body, []), "<zelle>", "exec"), namespace)
                value = eval(compile(ast.Expression(call), "<zelle>", "eval"), namespace) if call else None
                data, metadata = formatter.format(value) if value is not None else ({}, {})
            if printed.getvalue() or caught:
                raise PrintedSomething(printed.getvalue() + "".join(str(w.message) for w in caught))
            cell.outputs = [new_output("execute_result", data=data, metadata=metadata, execution_count=count)
                            ] if data else []
            cell.execution_count = count
            if WIDGET_VIEW in data:
                views.append(data[WIDGET_VIEW]["model_id"])
    notebook.metadata["language_info"] = LANGUAGE_INFO
    notebook.metadata["widgets"] = {WIDGET_STATE: shown_widgets(views)}


def shown_widgets(views: list[str]) -> dict:
    """The manager state of the shown widgets and every widget they refer to, as a kernel
    run keeps it. Widgets stay open between pages: an exercise module may share one (a
    layout, say); so the state is gathered from the views, not from all open widgets."""
    from ipywidgets import Widget
    from ipywidgets.widgets.widget import _instances  # every open widget by model id (ipywidgets 8)

    state: dict = {}
    todo = list(views)
    while todo:
        model_id = todo.pop()
        if model_id in state or model_id not in _instances:
            continue
        state[model_id] = Widget.get_manager_state(widgets=[_instances[model_id]])["state"][model_id]
        todo += references(state[model_id]["state"])
    return {"version_major": 2, "version_minor": 0, "state": state}


def references(value) -> list[str]:
    """The model ids a widget's state names ("IPY_MODEL_<id>", alone or in lists)."""
    if isinstance(value, str):
        return [value.removeprefix(MODEL_PREFIX)] if value.startswith(MODEL_PREFIX) else []
    if isinstance(value, dict):
        value = list(value.values())
    return [found for item in value for found in references(item)] if isinstance(value, list) else []


class CoursePages:
    """Runs the course-call pages before Sphinx reads them, and afterwards keeps
    their executed notebooks beside the site (``_build/jupyter_execute``). myst-nb
    writes the notebook it read there, which after a cache hit has no outputs."""

    def __init__(self) -> None:
        self.executed: dict[str, NotebookNode] = {}

    def run(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        """Put the outputs of the course-call pages Sphinx is about to read into myst-nb's cache."""
        config = env.mystnb_config
        if config.execution_mode != "cache":
            return
        from jupyter_cache import get_cache
        from jupyter_cache.base import CacheBundleIn
        from myst_nb.core.read import create_nb_reader

        cache = get_cache(config.execution_cache_path)
        for docname in docnames:
            path = Path(env.doc2path(docname))
            text = path.read_text(encoding="utf-8")
            reader = create_nb_reader(str(path), env.myst_config, config, text)
            if reader is None:
                continue
            notebook = reader.read(text)
            cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
            if not cells or not course_calls_only(cells):
                continue
            with contextlib.suppress(KeyError):
                self.executed[docname] = cache.merge_match_into_notebook(notebook)[1]
                continue  # already cached
            started = time.perf_counter()
            try:
                run_in_process(notebook, path.parent)
            except (Exception, SystemExit) as error:  # the kernel run that follows reports it properly
                logger.info(f"{docname}: läuft im Kernel ({type(error).__name__})")
                continue
            seconds = time.perf_counter() - started
            bundle = CacheBundleIn(notebook, str(path), data={"execution_seconds": seconds})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            self.executed[docname] = notebook
            logger.info(f"{docname}: im Build-Prozess ausgeführt ({seconds:.2f} s, kein Kernel)")

    def keep_notebooks(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        import nbformat

        folder = Path(env.mystnb_config.output_folder)
        for docname, notebook in self.executed.items():
            target = folder / f"{docname}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(nbformat.writes(notebook), encoding="utf-8")
        self.executed.clear()
        return []


def setup(app: Sphinx) -> None:
    app.connect("config-inited", key_cache_on_package)
    pages = CoursePages()
    app.connect("env-before-read-docs", pages.run)
    app.connect("env-updated", pages.keep_notebooks)

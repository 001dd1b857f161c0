"""Keep pages light: no ipywidgets state, no icon font, no indentation.

After executing a page, myst-nb copies the notebook's widget state (every
widget model of every exercise, several hundred KB) into a script tag of the
page. The static site shows the text/html twin of each widget and never reads
that state; a live notebook makes its own widgets in the kernel. So the state
is dropped from what myst-nb keeps for the page, before any page is written.

After the build, every written page gets inline SVG icons in place of the
icon-font script (icons.py) and loses the theme's indentation, blank lines
and comments, which the browser ignores outside ``pre``, ``textarea`` and
``script``.

That work, and what bundles.py and offline.py do after it, is for the pages
this build wrote: the size and time of each page as the last build left it
are kept in the doctree folder, and a page that still has them is done.
"""

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from exercises.sphinx.icons import inline_icons, trim_theme_css

KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
INDENT_AND_BLANK_LINES = re.compile(r"\n\s+")
STAMPS = "kurs-seiten.json"
# The theme loads Sphinx's search index and tools into every page for a search-as-you-type
# field that is off (the theme's default): 33 KB gzip and three blocking requests that only
# the search page, which loads them itself, uses.
SEARCH_SCRIPTS = re.compile(r'\s*<script src="[^"]*\b(?:_static/searchtools|_static/language_data'
                            r'|searchindex)\.js[^"]*"></script>')


def drop_widget_state(app: Sphinx, doctree: nodes.document) -> None:
    page_data = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    scripts = page_data.get("js_files", {})
    for key in list(scripts):
        # myst-nb files the state as ipywidgets_state, the widget manager as ipywidgets_<n>
        if key.startswith("ipywidgets_"):
            del scripts[key]


def strip_spare_text(html: str) -> str:
    parts = KEEP_WHITESPACE.split(html)
    # split() yields text, whole kept block, tag name, text, …
    return "".join(INDENT_AND_BLANK_LINES.sub("\n", COMMENT.sub("", part)) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)


def pages(outdir: Path) -> list[Path]:
    """Every written page; templates the theme copies into _static are not pages."""
    return [p for p in outdir.rglob("*.html") if not {"_static", "_sources"} & set(p.parts)]


def write_if_changed(path: Path, text: str) -> None:
    """Leave a file with this very text as it is, so that it does not count as new."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def stamps(outdir: Path) -> dict[str, list[int]]:
    return {p.relative_to(outdir).as_posix(): [p.stat().st_mtime_ns, p.stat().st_size] for p in pages(outdir)}


def changed_pages(app: Sphinx) -> list[Path]:
    """The pages written since the last build finished (all of them after a failed one)."""
    record = Path(app.doctreedir) / STAMPS
    before = json.loads(record.read_text()) if record.exists() else {}
    outdir = Path(app.outdir)
    return [outdir / name for name, stamp in stamps(outdir).items() if before.get(name) != stamp]


def lighten_pages(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    trim_theme_css(outdir)
    app.builder.kurs_changed = changed_pages(app)  # type: ignore[attr-defined]
    for path in app.builder.kurs_changed:  # type: ignore[attr-defined]
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(outdir).as_posix()
        lighter = html
        if name != "search.html" and not app.config.html_theme_options.get("search_as_you_type"):
            lighter = SEARCH_SCRIPTS.sub("", lighter)
        lighter = strip_spare_text(inline_icons(lighter, name))
        if lighter != html:
            path.write_text(lighter, encoding="utf-8")


def remember_pages(app: Sphinx, exception) -> None:
    if not exception and app.builder.format == "html":
        (Path(app.doctreedir) / STAMPS).write_text(json.dumps(stamps(Path(app.outdir)), indent=0))


def setup(app: Sphinx) -> None:
    # doctree-read comes after myst-nb's parser has filed the page's scripts
    app.connect("doctree-read", drop_widget_state)
    app.connect("build-finished", lighten_pages, priority=600)
    # after bundles.py and offline.py have had the changed pages
    app.connect("build-finished", remember_pages, priority=950)

"""Exercise data in a cached file of its own, not in the page.

Each exercise container carries its data as JSON in a script element
(``exercises/static_html.py``). On the Gehalt page that was 37 KB of the HTML,
loaded again with every visit. When a page is written, this moves the JSON of
all its containers into one classic script under ``_static/daten/``, named by a
hash of its content (so a browser may keep it for good), and marks each
container with the key of its data. The head loads the file deferred, before
the course's own scripts, and ``assets/kurs-dom.js`` puts each container's JSON
element back, where every exercise module reads it. A classic script (no
fetch) also loads from ``file://``; the service worker precaches it like every
file a page links to (offline.py).
"""

import hashlib
import json
import re
from pathlib import Path

from sphinx.application import Sphinx

FOLDER = "_static/daten"
REGISTRY = "kurs-daten.json"
# A container's opening tag and its JSON element; static_html.py escapes "<" inside the
# JSON, so the first "</script>" closes it.
EMBEDDED = re.compile(r'(<div\b[^>]*\bdata-kurs-[a-z]+="[^"]*"[^>]*)>'
                      r'<script type="application/json">(.*?)</script>', re.DOTALL)
KEY_ATTRIBUTE = "data-kurs-daten"


def script_text(data: dict[str, str]) -> str:
    """The file's content: each key with its JSON, which is also a JavaScript literal.

    JSON allows U+2028 and U+2029 inside strings, older JavaScript did not; escaped, they
    are the same characters in both. The JSON already has <, > and & escaped.
    """
    entries = ",".join(f"{json.dumps(key)}:{text}" for key, text in data.items())
    entries = entries.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.kursDaten = {{{entries}}};\n"


def move_data(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body", "")
    data: dict[str, str] = {}

    def mark(match: re.Match) -> str:
        key = str(len(data))
        data[key] = match[2]
        return f'{match[1]} {KEY_ATTRIBUTE}="{key}">'

    body = EMBEDDED.sub(mark, body)
    registry: dict = app.builder.kurs_daten  # type: ignore[attr-defined]
    if not data:
        registry.pop(pagename, None)
        return
    text = script_text(data)
    slug = re.sub(r"[^a-z0-9]+", "-", pagename.lower()).strip("-")
    name = f"{FOLDER}/{slug}-{hashlib.sha256(text.encode()).hexdigest()[:10]}.js"
    path = Path(app.outdir) / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    registry[pagename] = name
    context["body"] = body
    scripts = context["script_files"]
    # deferred scripts run in document order: the data comes before the first of them
    place = next((i for i, s in enumerate(scripts) if "defer" in s.attributes), len(scripts))
    scripts.insert(place, type(scripts[0])(name, defer="defer"))  # Sphinx's own script asset type


def start_registry(app: Sphinx) -> None:
    path = Path(app.doctreedir) / REGISTRY
    app.builder.kurs_daten = json.loads(path.read_text()) if path.exists() else {}  # type: ignore[attr-defined]


def drop_stale_files(app: Sphinx, exception) -> None:
    """Keep the registry; remove data files no page of the site points to any more."""
    if exception or app.builder.format != "html":
        return
    registry: dict = app.builder.kurs_daten  # type: ignore[attr-defined]
    registry = {page: name for page, name in registry.items()
                if Path(app.outdir, app.builder.get_outfilename(page)).exists()}
    (Path(app.doctreedir) / REGISTRY).write_text(json.dumps(registry, indent=1))
    used = {Path(app.outdir) / name for name in registry.values()}
    for path in (Path(app.outdir) / FOLDER).glob("*.js"):
        if path not in used:
            path.unlink()


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", start_registry)
    # before bundles.py (priority 900) puts the other scripts into bundles
    app.connect("html-page-context", move_data, priority=800)
    app.connect("build-finished", drop_stale_files)

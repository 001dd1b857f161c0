"""Fewer, smaller requests per page.

A chapter asked for 36 files. Two things cut that down, with the same look:

* Assets of extensions the page does not use stay away (copy buttons without
  code blocks, toggles without toggles, sphinx-design without its components).
* The remaining stylesheets, the plain head scripts and the deferred scripts
  each go out as one bundle file, in their original order.

Bundles are written after the build from the copied static files; which
files make up a bundle is kept in the doctree folder, so a rebuild that
writes no page still refreshes the bundles from changed static files. Pages
then point at each bundle with a ``?v=`` of its content, so a browser never
mixes an old bundle with a new page.
"""

import hashlib
import json
import posixpath
import re
from pathlib import Path

from sphinx.application import Sphinx

from exercises.sphinx.pagedata import FOLDER as PAGE_DATA
from exercises.sphinx.weight import pages, write_if_changed

# file in _static -> a mark in the page body without which the file does nothing
NEEDED_ONLY_WITH = {
    "pygments.css": re.compile(r'class="highlight'),
    "copybutton.css": re.compile(r'class="highlight'),
    "copybutton.js": re.compile(r'class="highlight'),
    "clipboard.min.js": re.compile(r'class="highlight'),
    "togglebutton.css": re.compile(r'class="[^"]*\b(toggle|dropdown)\b'),
    "togglebutton.js": re.compile(r'class="[^"]*\b(toggle|dropdown)\b'),
    "sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
    "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab'),
}
BUNDLE_REF = re.compile(r'(_static/kurs-(?:stil|kopf|spaet)-[0-9a-f]{8}\.(?:css|js))(?:\?v=[0-9a-f]+)?"')
CSS_URL = re.compile(r"""url\((["']?)([^"')]+)\1\)""")
REGISTRY = "kurs-bundles.json"
VERSIONS = "kurs-bundle-versionen.json"


def needed(asset, body: str) -> bool:
    name = posixpath.basename(str(asset.filename or ""))
    if not name and "toggle" in asset.attributes.get("body", ""):
        name = "togglebutton.js"  # the settings togglebutton writes inline for its script
    mark = NEEDED_ONLY_WITH.get(name)
    return mark is None or bool(mark.search(body))


def group_of(asset) -> str | None:
    """Which bundle a local asset can join without changing when it runs."""
    name = str(asset.filename)
    # a page's own exercise data (pagedata.py) would give every page a bundle of its own
    if not name.startswith("_static/") or "?" in name or name.startswith(f"{PAGE_DATA}/"):
        return None
    if name.endswith(".css"):
        return "stil" if set(asset.attributes) <= {"rel", "type"} else None
    extra = set(asset.attributes) - {"defer"}
    if extra or not name.endswith(".js"):
        return None
    return "spaet" if "defer" in asset.attributes else "kopf"


def bundle_name(group: str, members: list[str]) -> str:
    digest = hashlib.sha256("\n".join(members).encode()).hexdigest()[:8]
    return f"_static/kurs-{group}-{digest}.{'css' if group == 'stil' else 'js'}"


def bundle_assets(assets: list, body: str, made: dict) -> list:
    kept = [a for a in assets if needed(a, body)]
    members: dict[str, list] = {}
    for asset in kept:
        if (group := group_of(asset)) is not None:
            members.setdefault(group, []).append(asset)
    result = []
    for asset in kept:
        group = group_of(asset)
        if group is None:
            result.append(asset)
        elif asset is members[group][0]:  # the bundle takes its first member's place
            files = [str(a.filename) for a in members[group]]
            name = bundle_name(group, files)
            made[name] = files
            result.append(type(asset)(name, priority=asset.priority, **asset.attributes))
    return result


def use_bundles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    made = app.builder.kurs_bundles  # type: ignore[attr-defined]
    body = context.get("body", "")
    for key in ("css_files", "script_files"):
        if key in context:
            context[key][:] = bundle_assets(context[key], body, made)


def start_registry(app: Sphinx) -> None:
    path = Path(app.doctreedir) / REGISTRY
    app.builder.kurs_bundles = json.loads(path.read_text()) if path.exists() else {}  # type: ignore[attr-defined]


def css_from(outdir: Path, member: str, bundle: str) -> str:
    """A stylesheet with its relative url()s pointing from the bundle's folder."""
    text = (outdir / member).read_text(encoding="utf-8")

    def move(match: re.Match) -> str:
        url = match[2]
        if re.match(r"^([a-z]+:|/|#)", url):
            return match[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(member), url))
        return f'url("{posixpath.relpath(target, posixpath.dirname(bundle))}")'

    return CSS_URL.sub(move, text)


def write_bundles(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    made: dict = app.builder.kurs_bundles  # type: ignore[attr-defined]
    (Path(app.doctreedir) / REGISTRY).write_text(json.dumps(made, indent=1))
    versions = {}
    for bundle, members in made.items():
        if not all((outdir / m).is_file() for m in members):
            continue  # from an earlier build whose files are gone; no page of this build uses it
        if bundle.endswith(".css"):
            text = "\n".join(css_from(outdir, m, bundle) for m in members)
        else:
            # a newline and a semicolon keep one file's last statement from running into the next
            text = "\n;\n".join((outdir / m).read_text(encoding="utf-8") for m in members)
        write_if_changed(outdir / bundle, text)
        versions[bundle] = hashlib.sha256(text.encode()).hexdigest()[:8]
    record = Path(app.doctreedir) / VERSIONS
    unchanged = record.exists() and json.loads(record.read_text()) == versions
    record.write_text(json.dumps(versions, indent=1))
    # pages from earlier builds point at the right versions already, unless one changed
    for path in app.builder.kurs_changed if unchanged else pages(outdir):  # type: ignore[attr-defined]
        html = path.read_text(encoding="utf-8")
        pointed = BUNDLE_REF.sub(lambda m: f'{m[1]}?v={versions.get(m[1], "0")}"', html)
        if pointed != html:
            path.write_text(pointed, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", start_registry)
    # late, so that page-specific assets other extensions add are bundled too
    app.connect("html-page-context", use_bundles, priority=900)
    # after myst-nb writes its stylesheet into _static (build-finished, priority 500)
    app.connect("build-finished", write_bundles, priority=700)

"""The course offline after the first visit: a service worker with a file list.

After the build, this lists every page and every file the pages load (scripts,
stylesheets and what they import, images, downloads) and writes the service
worker ``kurs-sw.js`` to the site's root with that list and a version: a hash
of all listed files, so every changed build replaces the cached copy. A
build in which none of the listed files changed leaves the worker as it is.
``assets/kurs-offline.js`` registers the worker, over http(s) only.
"""

import hashlib
import json
import posixpath
import re
from pathlib import Path

from sphinx.application import Sphinx

from exercises.sphinx.weight import pages

WORKER = "kurs-sw.js"
WORKER_SOURCE = Path(__file__).with_name(WORKER)
RECORD = "kurs-offline.json"
PAGE_REFERENCE = re.compile(r"""\b(?:src|href)=["']([^"'#?]+)""")
CSS_REFERENCE = re.compile(r"""(?:url\(["']?|@import\s+["'])([^"')#?]+)""")


def local_file(outdir: Path, base: str, reference: str) -> str | None:
    """The site-relative path of ``reference`` made from file ``base``, if it is a file of the site."""
    if re.match(r"^([a-z][a-z0-9+.-]*:|/)", reference, re.IGNORECASE):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))
    return path if not path.startswith("..") and (outdir / path).is_file() else None


def site_files(outdir: Path) -> list[str]:
    files = {p.relative_to(outdir).as_posix() for p in pages(outdir)}
    todo = sorted(files)
    while todo:
        name = todo.pop()
        if name.endswith(".html"):
            pattern = PAGE_REFERENCE
        elif name.endswith(".css"):
            pattern = CSS_REFERENCE
        else:
            continue
        text = (outdir / name).read_text(encoding="utf-8")
        for reference in pattern.findall(text):
            found = local_file(outdir, name, reference)
            if found and found not in files:
                files.add(found)
                todo.append(found)
    return sorted(files)


def worker_build(outdir: Path) -> dict:
    """The version and file list of the site in ``outdir``."""
    files = site_files(outdir)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (outdir / name).read_bytes())
    # "./" is the site's address without a file name, which the server answers with index.html
    return {"version": digest.hexdigest()[:16], "files": ["./", *files]}


def write_worker_file(outdir: Path, build: dict | None = None) -> str:
    """Write the worker for the site in ``outdir``; returns the build's version."""
    build = build or worker_build(outdir)
    (outdir / WORKER).write_text(f"const BUILD = {json.dumps(build, indent=1)};\n\n"
                                 + WORKER_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return build["version"]


def stamp(path: Path) -> list[int] | None:
    return [path.stat().st_mtime_ns, path.stat().st_size] if path.is_file() else None


def write_worker(app: Sphinx, exception) -> None:
    """Write the worker, unless no page, no file in its list and not its code changed since the last one."""
    if exception or app.builder.format != "html":
        return
    outdir, record = Path(app.outdir), Path(app.doctreedir) / RECORD
    before = json.loads(record.read_text()) if record.exists() else {}
    names = {p.relative_to(outdir).as_posix() for p in pages(outdir)}
    if (before and (outdir / WORKER).is_file() and names <= before.keys()
            and all(stamp(outdir / name if name != WORKER else WORKER_SOURCE) == value
                    for name, value in before.items())):
        return
    build = worker_build(outdir)
    write_worker_file(outdir, build)
    after = {name: stamp(outdir / name) for name in build["files"][1:]}
    record.write_text(json.dumps({**after, WORKER: stamp(WORKER_SOURCE)}, indent=0))


def setup(app: Sphinx) -> None:
    # last: after the pages, bundles and start page have their final content
    app.connect("build-finished", write_worker, priority=900)

"""Re-execute pages when the course package changes, not only their cells.

myst-nb's cache keys on a page's own code cells. A page whose one-line call
draws a diagram from ``exercises`` would keep a stale picture after the
package or its data changed. Keying the cache folder on a hash of the
package's sources fixes that and keeps no-op rebuilds instant.
"""

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from exercises import PACKAGE_DIR


def package_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".yml"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key_cache_on_package(app: Sphinx, config) -> None:
    base = config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache"
    config.nb_execution_cache_path = str(Path(base) / package_fingerprint())


def setup(app: Sphinx) -> None:
    app.connect("config-inited", key_cache_on_package)

"""Re-execute pages when the course package changes, not only their cells.

myst-nb's cache keys on a page's own code cells. A page whose one-line call
draws a diagram from ``exercises`` would keep a stale picture after the
package or its data changed. Keying the cache folder on a hash of the
package's sources fixes that and keeps no-op rebuilds instant.
"""

from pathlib import Path

from sphinx.application import Sphinx

from exercises import package_fingerprint


def key_cache_on_package(app: Sphinx, config) -> None:
    base = config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache"
    config.nb_execution_cache_path = str(Path(base) / package_fingerprint())


def setup(app: Sphinx) -> None:
    app.connect("config-inited", key_cache_on_package)

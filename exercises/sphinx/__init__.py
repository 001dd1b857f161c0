"""Sphinx extension of KAM-Kurs: course content from YAML, course boxes, assets.

Added to the book by ``_config.yml`` (``sphinx.extra_extensions``). One
``setup()`` registers everything; each component lives in its own module.
"""

from sphinx.application import Sphinx

from exercises.sphinx import (
    assets,
    boxes,
    bundles,
    editions,
    execution,
    figures,
    offline,
    pagedata,
    privacy,
    progress,
    readiness,
    references,
    registers,
    review,
    rolecards,
    salary,
    search,
    storagekey,
    weight,
)


def setup(app: Sphinx) -> dict:
    assets.setup(app)
    references.setup(app)
    salary.setup(app)
    boxes.setup(app)
    registers.setup(app)
    progress.setup(app)
    readiness.setup(app)
    review.setup(app)
    rolecards.setup(app)
    editions.setup(app)
    privacy.setup(app)
    execution.setup(app)
    figures.setup(app)
    weight.setup(app)
    pagedata.setup(app)
    bundles.setup(app)
    offline.setup(app)
    search.setup(app)
    storagekey.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

"""KAM-Kurs course package: content data, validation, renderers and the CLI.

Data flows one way: YAML files under ``exercises/inhalte`` are loaded with
line numbers, validated into pydantic models, and rendered by the Sphinx
extension (``exercises.sphinx``) or reported by ``python -m exercises``.
"""

import hashlib
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def content_dir(project: Path) -> Path:
    """Where a course project keeps its YAML content."""
    return project / "exercises" / "inhalte"


CONTENT_DIR = content_dir(PROJECT_DIR)


# Code that renders pages or other formats but never runs in a page's kernel nor checks
# content: a change there need not re-execute every notebook.
NOT_COMPUTING = {"sphinx", "delivery"}


@cache
def package_fingerprint() -> str:
    """A hash of the package's code and data: whatever the pages' kernels compute may change with it."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if relative.parts[0] in NOT_COMPUTING:
            continue
        if path.suffix in {".py", ".yml"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]

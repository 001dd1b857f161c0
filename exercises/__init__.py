"""KAM-Kurs course package: content data, validation, renderers and the CLI.

Data flows one way: YAML files under ``exercises/inhalte`` are loaded with
line numbers, validated into pydantic models, and rendered by the Sphinx
extension (``exercises.sphinx``) or reported by ``python -m exercises``.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def content_dir(project: Path) -> Path:
    """Where a course project keeps its YAML content."""
    return project / "exercises" / "inhalte"


CONTENT_DIR = content_dir(PROJECT_DIR)

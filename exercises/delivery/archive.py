"""A built site as one zip file, for an intranet web server or an LMS."""

import zipfile
from pathlib import Path


def site_files(site: Path) -> list[str]:
    """Every file of the built site as a relative path (Sphinx's hidden files left out)."""
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files.append(relative.as_posix())
    return files


def zip_folder(folder: Path, archive: Path) -> Path:
    """Every file of ``folder`` at the root of ``archive``."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
        for name in site_files(folder):
            target.write(folder / name, name)
    return archive

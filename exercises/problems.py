"""Content problems that point at a file and a line.

Every check in the package reports a :class:`Problem` instead of raising, so
that the CLI and the book build can list all of them at once in the
``PATH:LINE: message`` form that editors and CI logs link to.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.message}"


def display_path(path: Path) -> str:
    """Path relative to the working directory when possible, as users typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class ContentError(Exception):
    """Raised where content must be valid to go on (book build, inventory)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

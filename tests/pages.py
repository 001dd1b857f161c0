"""The pages of the built site, taken from ``_toc.yml`` (read here on its own,
not through the package under test)."""

from pathlib import Path

from ruamel.yaml import YAML

PROJECT = Path(__file__).resolve().parents[1]


def toc():
    return YAML(typ="safe").load((PROJECT / "_toc.yml").read_text(encoding="utf-8"))


def toc_docnames() -> list[str]:
    data = toc()
    names = [data["root"]]
    for part in data["parts"]:
        names += [entry["file"] for entry in part["chapters"]]
    return names


def chapter_docnames() -> list[str]:
    """The article chapters: the toc part captioned "Kapitel"."""
    part = next(p for p in toc()["parts"] if p["caption"] == "Kapitel")
    return [entry["file"] for entry in part["chapters"]]


def scenario_ids() -> list[str]:
    folder = PROJECT / "exercises" / "inhalte"
    return sorted(p.stem.removeprefix("roleplay-") for p in folder.glob("roleplay-*.yml"))


def html_pages() -> list[str]:
    """Every page a trainee can reach: the toc pages, Sphinx's search and index, role cards."""
    return ([f"{name}.html" for name in toc_docnames()] + ["search.html", "genindex.html"]
            + [f"rollenkarten/{scenario}.html" for scenario in scenario_ids()])

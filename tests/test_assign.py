"""Assignment sheets: contents and refused input."""

import subprocess
import sys

import pytest
from pages import PROJECT
from ruamel.yaml import YAML


def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", "assign", *args],
                          capture_output=True, text=True, cwd=PROJECT)


def objectives(chapter):
    text = (PROJECT / "book" / f"{chapter}.md").read_text(encoding="utf-8")
    block = text.split("```{lernziele}")[1].split("```")[0]
    return [line[2:].strip() for line in block.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_sheet_lists_group_due_date_and_chapters(tmp_path, suffix):
    out = tmp_path / f"blatt{suffix}"
    result = run("--chapters", "aufgaben,gehalt", "--due", "2027-03-31", "--group", "Vertrieb Nord & Süd",
                 "--base-url", "https://kurs.example.de/", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".html":
        text = text.replace("&amp;", "&")
    assert "Vertrieb Nord & Süd" in text and "31.03.2027" in text
    assert "https://kurs.example.de/book/aufgaben.html" in text
    assert "https://kurs.example.de/book/gehalt.html" in text
    assert text.index("Aufgaben im Key Account Management") < text.index("Gehalt: Was Key Account")
    for chapter in ("aufgaben", "gehalt"):
        minutes = YAML(typ="safe").load((PROJECT / "book" / f"{chapter}.md").read_text().split("---")[1])
        assert f"etwa {minutes['kurs']['minuten']} Minuten" in text
        assert objectives(chapter)[0] in text
    assert "mindestens 80 % bestehen" in text


def test_unknown_chapter_names_the_valid_ones(tmp_path):
    result = run("--chapters", "aufgaben,verhandeln", "--due", "2027-03-31", "--out", str(tmp_path / "a.md"))
    assert result.returncode == 2
    assert "verhandeln" in result.stderr and "definition, aufgaben, anforderungen" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "a.md").exists()


@pytest.mark.parametrize("due", ["31.03.2027", "2027-02-30", "morgen"])
def test_bad_date_is_refused(tmp_path, due):
    result = run("--chapters", "aufgaben", "--due", due, "--out", str(tmp_path / "a.md"))
    assert result.returncode == 2
    assert "--due" in result.stderr and "JJJJ-MM-TT" in result.stderr
    assert "Traceback" not in result.stderr

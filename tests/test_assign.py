"""Assignment sheets: contents and refused input."""

import datetime as dt
import shutil
import subprocess
import sys

import pytest
from lxml import html
from pages import PROJECT, chapter_docnames
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


def sample_company(tmp_path, left_out: str):
    """A copy of the sample company's folder, leaving out the given chapters."""
    folder = tmp_path / "firma"
    shutil.copytree(PROJECT / "exercises" / "firmen", folder)
    company = folder / "firma-muster.yml"
    text = company.read_text(encoding="utf-8")
    text = text.replace("kapitel_weglassen: []", f"kapitel_weglassen: {left_out}")
    company.write_text(text, encoding="utf-8")
    return company


def test_chapters_carry_the_course_numbers_and_come_in_course_order(tmp_path):
    out = tmp_path / "blatt.md"
    assert run("--chapters", "gehalt,definition", "--due", "2027-03-31", "--out", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    order = [name.split("/")[-1] for name in chapter_docnames()]
    first = text.index(f"## Kapitel {order.index('definition') + 1}: ")
    assert first < text.index(f"## Kapitel {order.index('gehalt') + 1}: Gehalt")


def test_company_edition_offers_only_its_chapters_and_its_numbers(tmp_path):
    company = sample_company(tmp_path, "[berufseinstieg]")
    refused = run("--company", str(company), "--chapters", "berufseinstieg", "--due", "2027-03-31",
                  "--out", str(tmp_path / "a.md"))
    assert refused.returncode == 2 and "berufseinstieg" in refused.stderr
    assert "gehalt" in refused.stderr.split("gültig sind:")[1]
    assert "berufseinstieg" not in refused.stderr.split("gültig sind:")[1]
    out = tmp_path / "b.md"
    assert run("--company", str(company), "--chapters", "gehalt", "--due", "2027-03-31",
               "--out", str(out)).returncode == 0
    order = [name.split("/")[-1] for name in chapter_docnames() if not name.endswith("berufseinstieg")]
    assert f"## Kapitel {order.index('gehalt') + 1}: Gehalt" in out.read_text(encoding="utf-8")


def test_the_company_chapter_can_be_assigned_under_its_number_in_the_edition(tmp_path):
    company = sample_company(tmp_path, "[berufseinstieg]")
    settings = YAML(typ="safe").load(company.read_text(encoding="utf-8"))
    extra = f"firma-{settings['kurzname']}"
    out = tmp_path / "blatt.html"
    result = run("--company", str(company), "--chapters", f"gehalt,{extra}", "--due", "2027-03-31",
                 "--base-url", "https://kurs.example.de", "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = html.fromstring(out.read_text(encoding="utf-8"))
    headings = [s.findtext("h2") for s in page.xpath("//section")]
    # the course's chapters without the left-out one, then the company's own chapter
    number = len([name for name in chapter_docnames() if not name.endswith("berufseinstieg")]) + 1
    assert headings[-1] == f"Kapitel {number}: {settings['zusatzkapitel']['titel']}"
    assert page.xpath("//section")[-1].xpath(".//a/@href")[0] == f"https://kurs.example.de/book/{extra}.html"
    without = run("--chapters", extra, "--due", "2027-03-31", "--out", str(tmp_path / "c.md"))
    assert without.returncode == 2 and extra in without.stderr


def test_roleplays_exam_and_selfcheck_with_a_qr_code_for_every_link(tmp_path):
    folder = PROJECT / "exercises" / "inhalte"
    exam = YAML(typ="safe").load((folder / "abschlusstest.yml").read_text(encoding="utf-8"))
    roleplay_file = folder / "roleplay-jahresgespraech-handel.yml"
    roleplay = YAML(typ="safe").load(roleplay_file.read_text(encoding="utf-8"))
    out = tmp_path / "blatt.html"
    result = run("--chapters", "aufgaben", "--roleplays", "jahresgespraech-handel", "--exam", "--selfcheck",
                 "--due", "2027-03-31", "--base-url", "https://kurs.example.de/kam", "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = html.fromstring(out.read_text(encoding="utf-8"))
    sections = page.xpath("//section")
    assert [s.findtext("h2") for s in sections][1:] == [
        f"Rollenspiel: {roleplay['titel']}", exam["titel"], "Selbstcheck"]
    links = [s.xpath(".//a/@href")[0] for s in sections]
    assert links[1].startswith("https://kurs.example.de/kam/book/rollenspiele.html")
    assert links[2:] == ["https://kurs.example.de/kam/book/abschlusstest.html",
                         "https://kurs.example.de/kam/book/selbstcheck.html"]
    assert f"mindestens {exam['bestehensgrenze']} %" in sections[2].text_content()
    codes = [s.xpath(".//*[local-name()='svg'][@role='img']") for s in sections]
    assert [len(c) for c in codes] == [1] * len(sections)
    for section, code in zip(sections, codes, strict=True):
        assert section.findtext("h2") in code[0].get("aria-label")
    assert len({html.tostring(code[0]) for code in codes}) == len(sections)  # one code per link


def test_a_past_due_date_needs_allow_past(tmp_path):
    past = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    refused = run("--chapters", "gehalt", "--due", past, "--out", str(tmp_path / "a.md"))
    assert refused.returncode == 2 and "--allow-past" in refused.stderr
    allowed = run("--chapters", "gehalt", "--due", past, "--allow-past", "--out", str(tmp_path / "a.md"))
    assert allowed.returncode == 0, allowed.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--chapters", "gehalt,aufgaben,gehalt", "--out", "{tmp}/a.md"], "mehrfach"),
    (["--roleplays", "international-buyer,international-buyer", "--out", "{tmp}/a.md"], "mehrfach"),
    (["--chapters", "gehalt", "--group=", "--out", "{tmp}/a.md"], "--group"),
    (["--chapters", "gehalt", "--group", "   ", "--out", "{tmp}/a.md"], "--group"),
    (["--chapters", "gehalt", "--base-url", "ftp://kurs.example.de", "--out", "{tmp}/a.md"], "http"),
    (["--chapters", "gehalt", "--base-url", "kurs.example.de", "--out", "{tmp}/a.md"], "http"),
    (["--chapters", "gehalt", "--out", "{tmp}/a.html"], "--base-url"),
    (["--chapters", "gehalt", "--out", "{tmp}/fehlt/a.md"], "fehlt"),
    (["--out", "{tmp}/a.md"], "--exam"),
])
def test_refused_input_exits_2_without_traceback(tmp_path, args, message):
    result = run("--due", "2027-03-31", *[arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("a.*"))

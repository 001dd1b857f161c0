"""Paper tests: numbered questions, the answer key on its own page, one sheet per seed."""

import re
import subprocess
import sys
from collections import Counter

import pytest
from lxml import html
from pages import PROJECT
from ruamel.yaml import YAML

CONTENT = PROJECT / "exercises" / "inhalte"
YAML_SAFE = YAML(typ="safe")


def bank(chapter: str) -> list[dict]:
    return YAML_SAFE.load((CONTENT / f"quiz-{chapter}.yml").read_text(encoding="utf-8"))["fragen"]


def stem(question: dict) -> str:
    return " ".join((question.get("frage") or question["aussage"]).split())


def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", "worksheet", *args],
                          capture_output=True, text=True, cwd=PROJECT)


def sheet(tmp_path, *args) -> html.HtmlElement:
    out = tmp_path / f"blatt-{len(list(tmp_path.iterdir()))}.html"
    result = run(*args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return html.fromstring(out.read_text(encoding="utf-8"))


def questions(page) -> list[tuple[str, str]]:
    return [(li.get("value"), " ".join(li.find("p").text_content().split()))
            for li in page.xpath("//ol[@class='questions']/li")]


def test_without_seed_the_bank_order_is_kept(tmp_path):
    page = sheet(tmp_path, "--quiz", "gehalt")
    expected = [(str(n), stem(q)) for n, q in enumerate(bank("gehalt"), 1)]
    assert questions(page) == expected
    key = [li.get("value") for li in page.xpath("//section[@class='key']/ol/li")]
    assert key == [number for number, _ in expected]


def test_the_key_names_the_right_option_by_its_letter_on_the_sheet(tmp_path):
    page = sheet(tmp_path, "--quiz", "aufgaben", "--seed", "3")
    by_stem = {stem(q): q for q in bank("aufgaben")}
    keys = {li.get("value"): li.find("strong").text_content()
            for li in page.xpath("//section[@class='key']/ol/li")}
    checked = 0
    for li in page.xpath("//ol[@class='questions']/li"):
        question = by_stem[" ".join(li.find("p").text_content().split())]
        if question["typ"] != "einfachauswahl":
            continue
        shown = {m.group(1): m.group(2) for m in (re.match(r"\s*([a-h])\) (.*)", item.text_content())
                                                  for item in li.xpath(".//ul[@class='choices']/li"))}
        right = next(o["text"] for o in question["optionen"] if o.get("richtig"))
        letter = keys[li.get("value")].split(")")[0]
        assert shown[letter].strip() == right.strip()
        checked += 1
    assert checked


def test_same_seed_same_sheet_other_seed_other_order(tmp_path):
    first, again, other = (sheet(tmp_path, "--quiz", "gehalt", "--seed", seed) for seed in ("5", "5", "6"))
    assert html.tostring(first) == html.tostring(again)
    assert questions(first) != questions(other)
    assert sorted(s for _, s in questions(first)) == sorted(stem(q) for q in bank("gehalt"))


def test_final_exam_draws_its_number_spread_over_the_chapters(tmp_path):
    exam = YAML_SAFE.load((CONTENT / "abschlusstest.yml").read_text(encoding="utf-8"))
    chapters = {path.stem.removeprefix("quiz-"): path for path in CONTENT.glob("quiz-*.yml")}
    chapter_of = {stem(q): chapter for chapter in chapters for q in bank(chapter)}
    page = sheet(tmp_path, "--quiz", "abschlusstest", "--seed", "11")
    drawn = [chapter_of[text] for _, text in questions(page)]
    assert len(drawn) == exam["fragen_pro_versuch"] == len(set(s for _, s in questions(page)))
    counts = Counter(drawn)
    assert set(counts) == set(chapters)
    assert min(counts.values()) >= exam["fragen_pro_versuch"] // len(chapters)
    assert questions(page) == questions(sheet(tmp_path, "--quiz", "abschlusstest", "--seed", "11"))
    assert questions(page) != questions(sheet(tmp_path, "--quiz", "abschlusstest", "--seed", "12"))


def test_the_key_starts_a_new_printed_page(tmp_path, browser):
    out = tmp_path / "blatt.html"
    assert run("--quiz", "definition", "--out", str(out)).returncode == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    page.emulate_media(media="print")
    assert page.eval_on_selector("section.key", "key => getComputedStyle(key).breakBefore") == "page"
    page.close()


def test_pdf_is_printed_by_chromium(tmp_path):
    out = tmp_path / "test.pdf"
    result = run("--quiz", "abschlusstest", "--seed", "2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2  # questions, then the key
    assert [p.name for p in tmp_path.iterdir()] == ["test.pdf"]  # no staging file left


@pytest.mark.parametrize(("args", "message"), [
    (["--quiz", "verhandeln", "--out", "{tmp}/a.html"], "gehalt"),
    (["--quiz", "gehalt", "--out", "{tmp}/a.docx"], ".pdf"),
    (["--quiz", "gehalt", "--out", "{tmp}/fehlt/a.html"], "fehlt"),
])
def test_wrong_use_is_refused_without_traceback(tmp_path, args, message):
    result = run(*[arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr

"""The printed handbook: the whole course as one A4 PDF, for trainees and for trainers."""

import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass

import pytest
from conftest import PROJECT, build_once
from filelock import FileLock
from pypdf import PdfReader
from ruamel.yaml import YAML

CONTENT = PROJECT / "exercises" / "inhalte"
YAML_SAFE = YAML(typ="safe")
BASE_URL = "https://kurs.example.de"
A4_POINTS = (595, 842)
HEADER_BAND = 45  # points from the top edge: the page-margin box with the running header


def bare(text: str) -> str:
    """Text without spaces and with ligatures split ("ﬀ" → "ff"), as the PDF's text compares to YAML."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass
class Handbook:
    reader: PdfReader
    texts: list[str]  # each page's text
    headers: list[str]  # the text printed in each page's top margin, without spaces


def read_pages(reader: PdfReader) -> tuple[list[str], list[str]]:
    """Each page's text and running header, in one pass: pypdf takes about 0.1 s a page."""
    texts, headers = [], []
    for page in reader.pages:
        height = float(page.mediabox.height)
        parts = []

        def keep(text, cm, tm, *_, parts=parts, height=height):  # y: the text matrix's origin through cm
            if tm[4] * cm[1] + tm[5] * cm[3] + cm[5] > height - HEADER_BAND:
                parts.append(text)

        texts.append(page.extract_text(visitor_text=keep))
        headers.append(bare("".join(parts)))
    return texts, headers


@pytest.fixture(scope="session")
def handbooks(shared_folder, site, trainer_site) -> dict[str, Handbook]:
    """Both editions, printed once per test run from the editions the other tests use:
    trainee with --base-url, trainer without. Their text is read once too, for all workers."""
    folder = shared_folder / "handbuch"
    folder.mkdir(exist_ok=True)
    command = (f"{sys.executable} -m exercises handbook --site {site} --base-url {BASE_URL} "
               f"--out {folder}/trainee.pdf && {sys.executable} -m exercises handbook --edition trainer "
               f"--site {trainer_site} --out {folder}/trainer.pdf")
    done = build_once(shared_folder, "handbuch", ["sh", "-c", command])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = {}
    for edition in ("trainee", "trainer"):
        reader = PdfReader(folder / f"{edition}.pdf")
        read = folder / f"{edition}-text.json"
        with FileLock(str(folder / f"{edition}-text.lock")):
            if not read.exists():
                read.write_text(json.dumps(read_pages(reader)), encoding="utf-8")
            texts, headers = json.loads(read.read_text(encoding="utf-8"))
        found[edition] = Handbook(reader, texts, headers)
    return found


def contents(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page) of each line of the table of contents (page 2, below its heading "Inhalt")."""
    lines = reader.pages[1].extract_text().splitlines()
    lines = lines[lines.index("Inhalt") + 1:]
    entries = (re.fullmatch(r"(.+?)\s+(\d+)", line) for line in lines)
    return [(entry[1].strip(), int(entry[2])) for entry in entries if entry]


def course_chapters() -> list[str]:
    """The chapters' titles, numbered in the order of _toc.yml, read from their Markdown."""
    toc = YAML_SAFE.load((PROJECT / "_toc.yml").read_text(encoding="utf-8"))
    files = next(part for part in toc["parts"] if part["caption"] == "Kapitel")["chapters"]
    titles = [re.search(r"^# (.+)$", (PROJECT / f"{entry['file']}.md").read_text(encoding="utf-8"), re.M)[1]
              for entry in files]
    return [f"{number}. {title}" for number, title in enumerate(titles, 1)]


def scenarios() -> list[dict]:
    files = sorted(CONTENT.glob("roleplay-*.yml"))
    return [YAML_SAFE.load(path.read_text(encoding="utf-8")) for path in files]


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_the_command_writes_an_a4_pdf(handbooks, edition):
    reader = handbooks[edition].reader
    assert len(reader.pages) > 40
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4_POINTS


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_contents_list_every_chapter_with_the_page_it_starts_on(handbooks, edition):
    handbook = handbooks[edition]
    reader = handbook.reader
    listed = contents(reader)
    titles = [bare(title) for title, _ in listed]
    for chapter in course_chapters():
        assert bare(chapter) in titles, f"{chapter} fehlt im Inhaltsverzeichnis"
    for title, first in listed:
        assert handbook.headers[first - 1].startswith(bare(title)), (title, first)
        assert bare(title) in bare(handbook.texts[first - 1])
        # the page before belongs to something else: the part really starts here
        assert not handbook.headers[first - 2].startswith(bare(title)), (title, first)


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_no_chapter_takes_more_than_ten_pages(handbooks, edition):
    handbook = handbooks[edition]
    reader = handbook.reader
    listed = contents(reader)
    ends = [first - 1 for _, first in listed[1:]] + [len(reader.pages)]
    for (title, first), last in zip(listed, ends, strict=True):
        assert last - first + 1 <= 10, f"{title}: {last - first + 1} Seiten"
        for number in range(first, last + 1):  # every page of it carries its title above
            assert handbook.headers[number - 1].startswith(bare(title)), (title, number)


def printed_answers(text: str, chapter: str) -> list[tuple[int, str, str]]:
    """(number, letter, right option) of each single-choice question as the quiz prints it."""
    bank = YAML_SAFE.load((CONTENT / f"quiz-{chapter}.yml").read_text(encoding="utf-8"))["fragen"]
    found = []
    for number, question in enumerate(bank, 1):
        if question["typ"] != "einfachauswahl":
            continue
        right = bare(next(option["text"] for option in question["optionen"] if option.get("richtig")))
        stem = re.escape(bare(question["frage"]))
        printed = re.search(rf"{number}\.{stem}.*?([a-h])\){re.escape(right)}", text)
        assert printed, f"Frage {number} nicht gedruckt"
        found.append((number, printed[1], right))
    return found


def test_trainee_edition_has_no_answers_and_no_confidential_card(handbooks):
    text = bare("".join(handbooks["trainee"].texts))
    assert "LösungsschlüsselzumKapitel-Quiz" not in text
    answers = printed_answers(text, "gehalt")
    assert answers
    for number, letter, right in answers:
        assert f"{number}.{letter}){right}" not in text
    for scenario in scenarios():
        for limit in scenario["rollen"]["einkauf"]["vertrauliche_grenzen"]:
            assert bare(limit) not in text
    assert "Kreuzen Sie eine Antwort an." in "".join(handbooks["trainee"].texts)


def test_trainer_edition_has_the_keys_and_the_confidential_cards(handbooks):
    text = bare("".join(handbooks["trainer"].texts))
    assert text.count("LösungsschlüsselzumKapitel-Quiz") == len(course_chapters())
    for scenario in scenarios():
        for limit in scenario["rollen"]["einkauf"]["vertrauliche_grenzen"]:
            assert bare(limit) in text
    banner = "AusgabefürTrainer:innen–nichtanTeilnehmendeweitergeben"
    assert banner in handbooks["trainer"].headers[5]


def test_the_key_uses_the_printed_numbers_and_letters(handbooks):
    """Each single-choice question: the key's number and letter are those printed at the right option."""
    text = bare("".join(handbooks["trainer"].texts))
    answers = printed_answers(text, "gehalt")
    assert len(answers) >= 3
    for number, letter, right in answers:
        assert f"{number}.{letter}){right}" in text, f"Schlüssel zu Frage {number} passt nicht"


def image_objects(resources) -> list:
    """Raster images among a page's resources, also inside form objects."""
    found = []
    for item in (resources or {}).get("/XObject", {}).values():
        item = item.get_object()
        if item.get("/Subtype") == "/Image":
            found.append(item)
        elif item.get("/Subtype") == "/Form":
            found += image_objects(item.get("/Resources"))
    return found


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_figures_are_vector_drawings(handbooks, edition):
    handbook = handbooks[edition]
    reader = handbook.reader
    for number, page in enumerate(reader.pages, 1):
        assert not image_objects(page.get("/Resources")), f"Rasterbild auf Seite {number}"
    text = bare("".join(handbook.texts))
    pages = "".join(path.read_text(encoding="utf-8") for path in (PROJECT / "book").glob("*.md"))
    for svg in sorted((PROJECT / "book" / "bilder").glob("*.svg")):
        if svg.name not in pages:
            continue
        first_label = re.search(r"<text[^>]*>([^<]+)</text>", svg.read_text(encoding="utf-8"))[1]
        assert bare(first_label) in text, f"{svg.name}: Beschriftung fehlt, Abbildung nicht als Vektor"


def structure_alt_texts(reader: PdfReader) -> list[str]:
    texts, pending = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while pending:
        element = pending.pop().get_object()
        if isinstance(element, list):
            pending += element
        elif hasattr(element, "get"):
            if "/Alt" in element:
                texts.append(str(element["/Alt"]))
            if "/K" in element:
                pending.append(element["/K"])
    return texts


def test_each_roleplay_has_its_link_and_a_qr_code(handbooks):
    handbook = handbooks["trainee"]
    reader = handbook.reader
    text = bare("".join(handbook.texts))
    alt_texts = structure_alt_texts(reader)
    for scenario in scenarios():
        assert bare(scenario["titel"]) in text
        assert f"QR-Code: {scenario['titel']}" in alt_texts
    assert text.count(f"{BASE_URL}/book/rollenspiele.html") == len(scenarios())
    assert not [annotation for page in reader.pages for annotation in page.get("/Annots", [])
                if "/URI" in annotation.get_object().get("/A", {})], "Links ins Netz im PDF"


def test_the_salary_calculator_is_a_worked_example(handbooks):
    text = bare("".join(handbooks["trainee"].texts))
    model = YAML_SAFE.load((CONTENT / "gehaltsmodell.yml").read_text(encoding="utf-8"))
    for example in model["beispiele"].values():
        assert f"Profil„{example['name']}“" in text
    assert "Ausgangswert" in text and "TypischimJahr" in text


def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", "handbook", *args],
                          capture_output=True, text=True, cwd=PROJECT)


@pytest.mark.parametrize("args, message", [
    (["--out", "/gibt/es/nicht/handbuch.pdf"], "Ordner „/gibt/es/nicht“ gibt es nicht"),
    (["--out", "handbuch.html"], "muss auf .pdf enden"),
    (["--company", "keine-firma.yml", "--out", "handbuch.pdf"], "Datei „keine-firma.yml“ nicht gefunden"),
    (["--base-url", "kurs.example.de", "--out", "handbuch.pdf"], "keine http(s)-Adresse"),
])
def test_wrong_use_is_refused_without_traceback(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_built_folder_of_another_edition_is_refused(site, tmp_path):
    result = run("--edition", "trainer", "--site", str(site), "--out", str(tmp_path / "handbuch.pdf"))
    assert result.returncode == 2
    assert "ist die Ausgabe „Teilnehmende“, nicht „trainer“" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "handbuch.pdf").exists()

"""Trainee, trainer and company editions, built as trainers and companies build them.

The trainer edition is the session fixture `trainer_site` of conftest.py, shared with
the role-card tests."""

import html
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import build_once
from filelock import FileLock
from pages import PROJECT, chapter_docnames, html_pages
from ruamel.yaml import YAML

CHAPTERS = [name.split("/")[-1] for name in chapter_docnames()]
YAML_SAFE = YAML(typ="safe")
SAMPLE_COMPANY = PROJECT / "exercises" / "firmen" / "firma-muster.yml"


def trainer_notes(chapter):
    return YAML_SAFE.load((PROJECT / "exercises" / "inhalte" / f"trainer-{chapter}.yml").read_text())


LEFT_OUT = ["berufseinstieg", "arbeitsort"]


@pytest.fixture(scope="session")
def company_folder(shared_folder):
    """A copy of the sample company under a name of its own, leaving out two chapters,
    with the salary band of issue 9 (62000 to 88000); one for all test workers."""
    folder = shared_folder / "firma"
    with FileLock(str(shared_folder / "firma.lock")):
        if not folder.exists():
            staging = shared_folder / "firma.neu"
            shutil.copytree(SAMPLE_COMPANY.parent, staging)
            text = SAMPLE_COMPANY.read_text(encoding="utf-8").replace(
                "kapitel_weglassen: []", f"kapitel_weglassen: [{', '.join(LEFT_OUT)}]")
            text = re.sub(r"spanne_von: \d+", "spanne_von: 62000", text)
            text = re.sub(r"spanne_bis: \d+", "spanne_bis: 88000", text)
            assert "spanne_von: 62000" in text and "spanne_bis: 88000" in text
            (staging / "nordlicht.yml").write_text(text, encoding="utf-8")
            staging.rename(folder)
    return folder


@pytest.fixture(scope="session")
def company_site(shared_folder, company_folder):
    """The company edition, also zipped for an intranet server: built once per test run."""
    out = shared_folder / "firmenausgabe" / "html"
    result = build_once(shared_folder, "firmenausgabe", [
        sys.executable, "-m", "exercises", "build", "--company", str(company_folder / "nordlicht.yml"),
        "--zip", str(company_folder / "intranet.zip"), "--out", str(out)])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING:" not in result.stdout + result.stderr
    return out


def test_company_edition_counts_its_chapters_and_names_the_missing_ones(company_site):
    intro = html.unescape(re.sub(r"<[^>]+>", "", (company_site / "book" / "intro.html").read_text("utf-8")))
    toc = YAML_SAFE.load((PROJECT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = next(p for p in toc["parts"] if p["caption"] == "Kapitel")["chapters"]
    built = len(chapters) - len(LEFT_OUT) + 1  # the company's extra chapter counts too
    word = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"][built]
    assert f"in {word} Kapiteln" in intro
    texts = " ".join(p.read_text("utf-8") for p in (company_site / "book").glob("*.html"))
    assert "(nicht in dieser Ausgabe)" in texts


def test_company_extra_chapter_shows_its_own_image_and_the_site_comes_zipped(company_site, company_folder):
    extra = (company_site / "book" / "firma-muster.html").read_text(encoding="utf-8")
    image = re.search(r'<img[^>]+src="([^"]*muster-organigramm[^"]*)"', extra)
    assert image, "das Bild des Zusatzkapitels fehlt"
    assert (company_site / "book" / image.group(1)).resolve().is_file()
    with zipfile.ZipFile(company_folder / "intranet.zip") as zipped:
        names = set(zipped.namelist())
    assert {"index.html", "book/intro.html", "book/firma-muster.html"} <= names


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_trainer_edition_has_notes_and_answer_key(trainer_site, chapter):
    html = (trainer_site / "book" / f"{chapter}.html").read_text(encoding="utf-8")
    assert "Für Trainer:innen" in html
    notes = trainer_notes(chapter)
    assert notes["diskussionsfragen"][0] in html
    assert notes["missverstaendnisse"][0]["irrtum"] in html
    assert "Lösungsschlüssel zum Kapitel-Quiz" in html
    bank = YAML_SAFE.load((PROJECT / "exercises" / "inhalte" / f"quiz-{chapter}.yml").read_text())
    single = next(q for q in bank["fragen"] if q["typ"] == "einfachauswahl")
    right = next(o["text"] for o in single["optionen"] if o.get("richtig"))
    assert f"Lösung: <strong>{right}" in html.replace("&amp;", "&")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_answer_key_numbers_questions_as_a_sheet_without_seed(trainer_site, chapter):
    """A paper test printed without --seed keeps the bank order (tests/test_worksheet.py)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", (trainer_site / "book" / f"{chapter}.html").read_text()))
    bank = YAML_SAFE.load((PROJECT / "exercises" / "inhalte" / f"quiz-{chapter}.yml").read_text())
    positions = [text.find(f"Frage {n}: " + " ".join((q.get("frage") or q["aussage"]).split()))
                 for n, q in enumerate(bank["fragen"], 1)]
    assert -1 not in positions and positions == sorted(positions)


def test_trainee_edition_contains_no_trainer_material(site):
    notes = [trainer_notes(chapter) for chapter in CHAPTERS]
    secrets = [n["missverstaendnisse"][0]["richtigstellung"][:60] for n in notes]
    # not every chapter has a role-play in its trainer notes
    secrets += [n["rollenspiel"]["anleitung"][:60] for n in notes if "rollenspiel" in n]
    for path in site.rglob("*"):
        if path.suffix in {".html", ".js", ".json", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            assert not re.search(r"<h2>[^<]*Für Trainer:innen<", text), path
            assert '"Für Trainer:innen"' not in text, path  # no section title in the search index
            assert "kurs-trainer" not in text, path
            assert "Lösungsschlüssel zum Kapitel-Quiz" not in text, path
            assert not [s for s in secrets if s in text], path


def test_company_edition_look_contact_and_chapters(company_site):
    intro = (company_site / "book" / "intro.html").read_text(encoding="utf-8")
    assert "Ihre Ausgabe von Muster Armaturen GmbH" in intro
    visible = html.unescape(re.sub(r"<[^>]+>", "", intro))  # Sphinx obfuscates addresses in markup
    assert "Ansprechperson: Jana Beispiel" in visible
    assert "jana.beispiel@muster-armaturen.example" in visible
    assert "firma-logo.svg" in intro and (company_site / "_static" / "firma-logo.svg").is_file()
    # the accent colour reaches the stylesheets the page links (bundled, whatever their names)
    stylesheets = re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]+)', intro)
    assert any("#7a1f3d" in (company_site / "book" / href).read_text(encoding="utf-8")
               for href in stylesheets if not href.startswith("http")), stylesheets
    assert (company_site / "book" / "firma-muster.html").is_file()
    # the left-out chapters are gone, and nothing links to them
    for chapter in LEFT_OUT:
        assert not (company_site / "book" / f"{chapter}.html").exists()
        for page in company_site.rglob("*.html"):
            assert f"{chapter}.html" not in page.read_text(encoding="utf-8"), page
    salary = (company_site / "book" / "gehalt.html").read_text(encoding="utf-8")
    assert "Angaben von Muster Armaturen GmbH" in salary  # marked as the company's figures
    exam = {question["kapitel"] for question in exercise_data(company_site / "book" / "abschlusstest.html")
            ["quiz"]["fragen"]}
    assert "berufseinstieg" not in exam and "gehalt" in exam


def exercise_data(page) -> dict:
    """Each exercise kind of a built page with its data, from the script under
    _static/daten/ the page loads (the page marks each container with its key)."""
    text = page.read_text(encoding="utf-8")
    source = re.search(r'<script defer="defer" src="([^"?]*_static/daten/[^"?]+)', text).group(1)
    script = (page.parent / source).read_text(encoding="utf-8")
    data = json.loads(re.fullmatch(r"window\.kursDaten = (\{.*\});\n", script, re.DOTALL).group(1))
    marks = re.findall(r'data-kurs-([a-z]+)="[^"]*" data-kurs-daten="([^"]+)"', text)
    return {kind: data[key] for kind, key in marks}


def test_company_salary_band_is_shown_exactly_as_entered(company_site):
    page = (company_site / "book" / "gehalt.html").read_text(encoding="utf-8")
    data = exercise_data(company_site / "book" / "gehalt.html")["gehalt"]
    company = data["firma"]
    assert (company["unten"], company["oben"]) == (62000, 88000)  # not 62.100 or 87.900 after factors
    assert company["titel"] == "Zahlen von Muster Armaturen GmbH (Stand 2026)"
    assert "Spanne 62.000\u00a0€ bis 88.000\u00a0€" in company["zeilen"][0]
    assert "Fixum 54.400\u00a0€" in company["zeilen"][2]  # 15 % of 64.000 € variable
    # no market factors: neither their data nor their labels reach the calculator
    assert set(data) == {"firma"}
    assert not {"Branche", "Unternehmensgröße", "Berufserfahrung", "Bundesland"} & set(
        re.findall(r"\w+", json.dumps(data, ensure_ascii=False)))
    # the chapter text explaining the calculator names where its numbers come from
    visible = html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u00a0", " ")
    assert "die Muster Armaturen GmbH für diese Aufgabe angibt (Stand 2026)" in visible
    assert "in einer Spanne von 62.000 € bis 88.000 €" in visible
    # and not the general edition's account of carrying a market average forward
    assert "Er startet beim Durchschnitt" not in visible and "Die beiden Profile stehen" not in visible


def test_build_refuses_a_broken_company_file():
    broken = PROJECT / "tests" / "fixtures" / "kaputt-firma" / "farbe-zu-hell" / "firma-test.yml"
    result = subprocess.run([sys.executable, "-m", "exercises", "build", "--company", str(broken)],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"firma-test\.yml:6: .*Kontrast", result.stdout)


def test_trainer_edition_has_its_title_and_a_banner_on_every_page(trainer_site):
    banner = "Ausgabe für Trainer:innen – nicht an Teilnehmende weitergeben"
    pages = [trainer_site / name for name in html_pages() if not name.startswith("rollenkarten/")]
    for path in pages:
        text = html.unescape(path.read_text(encoding="utf-8"))
        assert re.search(r'<aside class="bd-header-announcement" aria-label="[^"]+">\s*'
                         r'<div class="bd-header-announcement__content"><p[^>]*>.*?' + banner, text), path
        assert re.search(r"<title>[^<]*KAM-Kurs – Ausgabe für Trainer:innen</title>", text), path


def wcag_contrast(first: str, second: str) -> float:
    def luminance(colour):
        linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
                  for v in (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_trainer_banner_is_readable_and_accessible(trainer_site, browser, scheme):
    from exercise_driver import grave_violations

    page = browser.new_page(color_scheme=scheme, viewport={"width": 390, "height": 800})
    page.goto((trainer_site / "book" / "gehalt.html").as_uri())
    page.wait_for_function(f"document.documentElement.dataset.theme === '{scheme}'")
    banner = page.locator("aside.bd-header-announcement")
    assert banner.is_visible() and banner.bounding_box()["y"] < 100  # at the top, not scrolled away
    colours = banner.evaluate("""box => {
        const hex = (value) => '#' + value.match(/\\d+/g).slice(0, 3)
            .map((n) => Number(n).toString(16).padStart(2, '0')).join('');
        const text = getComputedStyle(box.querySelector('p')).color;
        return [hex(text), hex(getComputedStyle(box).backgroundColor)];
    }""")
    assert wcag_contrast(*colours) >= 4.5, colours
    assert grave_violations(page, "aside.bd-header-announcement") == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_company_calculator_shows_its_figures_with_nothing_to_set(company_site, browser, scheme):
    from exercise_driver import grave_violations

    page = browser.new_page(color_scheme=scheme, viewport={"width": 390, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((company_site / "book" / "gehalt.html").as_uri())
    calculator = page.locator("[data-kurs-gehalt][data-bereit]")
    calculator.wait_for()
    shown = calculator.inner_text().replace("\u00a0", " ")
    assert "Zahlen von Muster Armaturen GmbH (Stand 2026)" in shown
    assert "Spanne 62.000 € bis 88.000 €" in shown
    assert "variabel bei 100 % Zielerreichung 9.600 €" in shown
    assert calculator.locator("input, select").count() == 0  # no input that would change nothing
    assert calculator.get_by_role("link", name="Angaben von Muster Armaturen GmbH (2026)").is_visible()
    assert errors == []
    assert grave_violations(page, "[data-kurs-gehalt]") == []
    page.close()


def test_each_edition_keeps_progress_under_its_own_key(trainer_site, site, visit):
    """Trainee and trainer editions on one server must not share progress."""
    keys = {}
    for name, folder in (("trainee", site), ("trainer", trainer_site)):
        v = visit()
        page = v.open((folder / "book" / "definition.html").as_uri())  # a visit is saved at once
        keys[name] = {k for k in page.evaluate("Object.keys(localStorage)") if "fortschritt" in k}
        assert v.errors == []
    assert keys["trainee"] == {"kam-kurs:fortschritt:v2"}
    assert keys["trainer"] == {"kam-kurs:trainer:fortschritt:v2"}

"""``python -m exercises report``: a group's results from the trainees' exported progress files.

The fixtures under tests/fixtures/fortschritt are written by hand: Anna answered every
question of the "definition" quiz right, Ben the first three wrong or partly, the
numeric question 11 right ("80000") and 12 wrong ("200"); the file of version 1 has no
name; one file is cut off, one is no progress file, one is a copy of Anna's.
"""

import csv
import json
import subprocess
import sys

import pytest
from pages import PROJECT

FIXTURES = PROJECT / "tests" / "fixtures" / "fortschritt"
ALL = sorted(str(p) for p in FIXTURES.glob("*.json"))


def report(*args, cwd=PROJECT):
    return subprocess.run([sys.executable, "-m", "exercises", "report", *args],
                          capture_output=True, text=True, cwd=cwd)


def test_html_report_has_a_row_per_trainee_and_names_the_skipped_files(tmp_path):
    out = tmp_path / "gruppe.html"
    result = report(*ALL, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Warnung")]
    assert len(skipped) == 3
    assert any("abgeschnitten.json" in line and "kein gültiges JSON" in line for line in skipped)
    assert any("fremd.json" in line and "keine Fortschrittsdatei" in line for line in skipped)
    assert any("doppelt" in line and "anna" in line for line in skipped)
    page = out.read_text(encoding="utf-8")
    rows = page[page.index("<tbody>"):page.index("</tbody>")].split("<tr>")[1:]
    assert len(rows) == 3
    anna = next(row for row in rows if "Anna Beispiel" in row)
    assert "84 % (bestanden, 2 Versuche)" in anna  # the better of 62 % and 84 %
    assert "Strong agreement at €106" in anna and "Kommunikation 75 %" in anna
    assert "Was ist Key Account Management?: 100 %" in anna
    old = next(row for row in rows if "alt-version-1.json" in row)
    assert "71 % (nicht bestanden, 1 Versuch)" in old and "Reisebereitschaft 25 %" in old
    assert "abgeschnitten.json" in page  # the report itself says what it left out
    assert '<svg class="diagramm" role="img"' in page and "<title" in page


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    lines = raw.decode("utf-8-sig").split("\r\n")
    blank = lines.index("")
    trainees = list(csv.reader(lines[:blank], delimiter=";"))
    questions = list(csv.reader([line for line in lines[blank + 1:] if line], delimiter=";"))
    return trainees, questions


def test_csv_gives_the_share_of_right_answers_per_question(tmp_path):
    out = tmp_path / "gruppe.csv"
    assert report(*ALL, "--out", str(out)).returncode == 0
    trainees, questions = read_csv(out)
    assert trainees[0][0] == "Name" and len(trainees) == 4
    names = {row[0] for row in trainees[1:]}
    assert names == {"Anna Beispiel", "Ben Muster", "ohne Namen (alt-version-1.json)"}
    header, rows = questions[0], {int(row[1]): row for row in questions[1:] if row[0].startswith("Was ist")}
    assert header[-3:] == ["beantwortet", "richtig", "Anteil richtig (%)"]
    # question: (answered, right, share) as worked out from the fixtures by hand
    expected = {1: ("2", "1", "50,0"), 2: ("2", "1", "50,0"), 3: ("2", "1", "50,0"), 4: ("1", "1", "100,0"),
                11: ("2", "2", "100,0"), 12: ("2", "1", "50,0"), 23: ("1", "1", "100,0")}
    for number, values in expected.items():
        assert tuple(rows[number][3:]) == values, rows[number]
    others = [row for row in questions[1:] if not row[0].startswith("Was ist")]
    assert others and all(row[3:] == ["0", "0", ""] for row in others)  # nobody answered those


def test_nothing_readable_is_exit_2_without_traceback(tmp_path):
    result = report(str(FIXTURES / "fremd.json"), str(FIXTURES / "abgeschnitten.json"),
                    str(tmp_path / "fehlt.json"), "--out", str(tmp_path / "r.html"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "fehlt.json" in result.stderr
    assert "keine der Dateien" in result.stderr and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("out", ["kein-ordner/r.html", "bericht.pdf"])
def test_a_wrong_output_is_refused(tmp_path, out):
    result = report(str(FIXTURES / "ben.json"), "--out", str(tmp_path / out))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "--out" in result.stderr


def test_fingerprint_is_the_quiz_runtimes():
    """The fixtures' "f" was made by the runtime's hash (kurs-dom.js) in node; the report
    must compute the same, or it would ignore every stored answer."""
    from exercises.content import load_content
    from exercises.delivery.report import fingerprint

    ids = [q.id for q in load_content()[0].quizzes["definition"].fragen]
    script = ("const vm = require('vm'), fs = require('fs');"
              "const box = {document: {querySelectorAll: () => []}}; box.window = box;"
              "vm.createContext(box); vm.runInContext(fs.readFileSync('assets/kurs-dom.js', 'utf8'), box);"
              "const text = process.argv[1] + '#';"
              "console.log(box.Kurs.dom.hash(...Array.from(text, (c) => c.charCodeAt(0))).toString(36));")
    node = subprocess.run(["node", "-e", script, "|".join(ids)], capture_output=True, text=True, cwd=PROJECT)
    assert node.returncode == 0, node.stderr
    assert fingerprint(ids) == node.stdout.strip()
    anna = json.loads((FIXTURES / "anna.json").read_text(encoding="utf-8"))
    assert anna["quizzes"]["definition"]["f"] == fingerprint(ids), "Fragenbank geändert: Fixture anpassen"


@pytest.mark.browser
def test_export_asks_for_the_name_and_the_report_lists_it(visit, site_url, tmp_path):
    from exercise_driver import grave_violations

    v = visit()
    page = v.open(f"{site_url}/book/fortschritt.html")
    page.get_by_role("button", name="Fortschritt exportieren").click()
    name_field = page.get_by_label("Ihr Name für die Auswertung in der Gruppe")
    assert "Namen" in page.locator(".kurs-aktionsstatus").inner_text()
    assert name_field.evaluate("field => field === document.activeElement")
    name_field.fill("Dana Probe")
    with page.expect_download() as download:
        page.get_by_role("button", name="Fortschritt exportieren").click()
    exported = tmp_path / "dana.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["learner"] == "Dana Probe"
    page.reload()  # the name is kept with the progress
    assert page.get_by_label("Ihr Name für die Auswertung in der Gruppe").input_value() == "Dana Probe"
    out = tmp_path / "gruppe.html"
    assert report(str(exported), str(FIXTURES / "ben.json"), "--out", str(out)).returncode == 0
    page.goto(out.as_uri())
    assert page.get_by_role("rowheader", name="Dana Probe").count() == 1
    assert page.get_by_role("img", name="Anteil richtiger Antworten je Frage").count() == 1
    assert grave_violations(page) == []
    assert v.errors == []

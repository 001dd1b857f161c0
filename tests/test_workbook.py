"""The account-plan workbook: its content against the Aufgaben chapter, broken
content files refused with file and line, the size limit, the Markdown export
(escaping checked by rendering it with a CommonMark parser) and the notebook
app, answered through its widgets without a kernel."""

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pages import PROJECT

from exercises.content import load_content, require_content
from exercises.workbook.markdown import escape_block, workbook_markdown
from exercises.workbook.model import STATE_LIMIT, state_size, worst_case_state
from exercises.workbook.widget import WorkbookApp

FIXTURES = Path(__file__).parent / "fixtures" / "kaputt-arbeitsmappe"
BROKEN = sorted(FIXTURES.glob("*/arbeitsmappe.yml"))
RENDER = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def workbook():
    return require_content().workbook


# ---------- content ----------

def test_the_five_parts_are_those_the_aufgaben_chapter_teaches(workbook):
    chapter = (PROJECT / "book" / "aufgaben.md").read_text(encoding="utf-8")
    section = chapter.split("(aufgaben-account-plan)=")[1]
    taught = [re.sub(r"\{term\}`([^`]+)`", r"\1", title)
              for title in re.findall(r"^\d\. \*\*(.+?):\*\*", section, flags=re.MULTILINE)]
    assert taught == [part.titel for part in workbook.bausteine]
    assert len(taught) == 5


def test_the_case_is_a_customer_of_a_course_role_play(workbook):
    scenario = require_content().scenarios[workbook.fall.rollenspiel]
    assert workbook.fall.kunde.split("-")[0] in scenario.situation
    assert workbook.fall.anbieter in scenario.situation


def test_every_example_fits_its_field_and_the_roles_are_the_buying_center(workbook):
    for part in workbook.bausteine:
        for field in part.felder:
            assert 0 < len(field.beispiel) <= field.laenge
    roles = set(workbook.stakeholder.merkmale["rolle"].optionen.values())
    assert roles == {"Initiator:in", "Benutzer:in", "Beeinflusser:in", "Einkäufer:in", "Entscheider:in",
                     "Gatekeeper"}


def test_the_largest_possible_workbook_fits_the_limit(workbook):
    state = worst_case_state(workbook)
    size = state_size(state)
    assert size <= STATE_LIMIT == 12_000
    # Two plans: every text field, the stakeholder map and the matrix, plus the own names.
    text_fields = sum(len(part.felder) for part in workbook.bausteine)
    assert len(state) == 2 * (text_fields + 2) + 2
    # Half of it at least is escaped text: the bound is not met by leaving fields out.
    assert size > 2 * sum(field.laenge for part in workbook.bausteine for field in part.felder) * 2


# ---------- broken content ----------

def expectation(path: Path) -> tuple[str, int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    message = lines[0].split("erwartet: ")[1]
    line = next(n for n, text in enumerate(lines, 1) if "<- Fehler" in text)
    return message, line


def test_there_are_enough_broken_files():
    assert len(BROKEN) >= 10


@pytest.mark.parametrize("fixture", BROKEN, ids=lambda p: p.parent.name)
def test_broken_workbook_is_refused_with_file_and_line(fixture):
    message, line = expectation(fixture)
    _, problems = load_content(paths=[fixture])
    assert problems, "keine Meldung"
    assert all(problem.path == fixture for problem in problems)
    at_line = [problem.message for problem in problems if problem.line == line]
    assert any(message in text for text in at_line), [str(p) for p in problems]


# ---------- Markdown export ----------

@pytest.mark.parametrize(("typed", "written"), [
    ("*fett* und _kursiv_", r"\*fett\* und \_kursiv\_"),
    ("# keine Überschrift", r"\# keine Überschrift"),
    ("1. kein Listenpunkt", r"1\. kein Listenpunkt"),
    ("- kein Punkt\n+ auch nicht\n> kein Zitat", "\\- kein Punkt\\\n\\+ auch nicht\\\n\\> kein Zitat"),
    ("<b>kein HTML</b> & [kein](link)", r"\<b\>kein HTML\</b\> \& \[kein\](link)"),
    ("`code` | Tabelle ~durch~ \\", r"\`code\` \| Tabelle \~durch\~ \\"),
    ("    eingerückt", "eingerückt"),
    ("Absatz eins\n\n\nAbsatz zwei", "Absatz eins\n\nAbsatz zwei"),
    ("  \n ", "–"),
])
def test_typed_text_is_escaped(typed, written):
    assert escape_block(typed) == written


def rendered_text(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(markdown)))


MARKDOWN_CHARACTERS = st.text(alphabet=st.sampled_from(list("ab 1.#*_-+>|<&[]()!`~\\=\n")), max_size=60)


@settings(max_examples=300, deadline=None, database=None)
@given(MARKDOWN_CHARACTERS)
def test_escaped_text_renders_as_typed_and_as_nothing_else(typed):
    out = RENDER.render(escape_block(typed))
    assert set(re.findall(r"<(\w+)", out)) <= {"p", "br"}  # no heading, list, emphasis, link, HTML, table
    words = [line.strip() for line in typed.split("\n") if line.strip()]
    shown = rendered_text(escape_block(typed))
    for word in words:
        assert " ".join(word.split()) in " ".join(shown.split())


def test_the_export_shows_every_part_and_the_learners_entries(workbook):
    entries = {
        "fall:kunde-markt": "Handel | *Discounter*",
        "fall:stakeholder": [["Katrin Vogt <Einkauf>", "einkauf", "neutral", "hoch", "eng"],
                             ["", "", "", "", ""]],
        "fall:whitespace": {"nord.salate": "kauft", "lieferdienst.vegan": "potenzial"},
        "eigen:einheiten": ["Werk | Ost", "", "", ""],
        "eigen:whitespace": {"1.2": "kein-bedarf"},
    }
    text = workbook_markdown(workbook, entries)
    page = RENDER.render(text)
    assert page.count("<h3>") == 10 and page.count("<table>") == 3  # two matrices, the case's map
    assert "<td>Katrin Vogt &lt;Einkauf&gt;</td>\n<td>Einkäufer:in</td>\n<td>neutral</td>" in page
    assert "<td>(ohne Namen)</td>" in page
    assert "<p>Handel | *Discounter*</p>" in page
    assert "<td>Werk | Ost</td>\n<td>–</td>\n<td>kein Bedarf</td>" in page
    assert "<em>" not in page and "<strong>Handel" not in page
    assert "Noch keine Personen eingetragen." in text  # the own customer's map is empty


# ---------- the notebook app ----------

def test_the_notebook_app_answers_through_its_widgets(workbook):
    app = WorkbookApp(workbook)
    app.fields[("fall", "kunde-markt")].value = "Lindenkorb *wächst*"
    app.fields[("eigen", "naechster-schritt")].value = "x" * 1000
    assert app.fields[("eigen", "naechster-schritt")].value == "x" * 140  # the field's maximum
    first = app.add_person("fall")
    first.name.value = "Frau Vogt"
    first.selects["rolle"].value = "einkauf"
    second = app.add_person("fall")
    second.name.value = "Herr Brenner"
    app.cells[("fall", "nord.vegan")].value = "potenzial"
    app.names["einheiten"][1].value = "Werk Süd"
    assert app.entries["fall:stakeholder"] == [["Frau Vogt", "einkauf", "", "", ""],
                                               ["Herr Brenner", "", "", "", ""]]
    first.remove.click()
    assert app.entries["fall:stakeholder"] == [["Herr Brenner", "", "", "", ""]]
    assert app.entries["fall:whitespace"] == {"nord.vegan": "potenzial"}
    assert app.entries["eigen:einheiten"] == ["", "Werk Süd", "", ""]
    app.cells[("fall", "nord.vegan")].value = ""
    assert "fall:whitespace" not in app.entries  # nothing chosen, nothing kept
    for _ in range(workbook.stakeholder.personen_max):
        app.add_person("eigen")
    assert app.add_person("eigen") is None and app.add_buttons["eigen"].disabled
    text = app.export()
    assert app.export_text.value == text == workbook_markdown(workbook, app.entries)
    assert "Lindenkorb \\*wächst\\*" in text and "| Werk Süd |" in text
    assert 'download="account-plan-arbeitsmappe.md"' in app.download.value


def test_display_call_gives_page_html_and_widget():
    from exercises.display import workbook

    bundle = workbook()._repr_mimebundle_()
    assert 'data-kurs-arbeitsmappe="account-plan"' in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle

"""Question banks for Moodle: the GIFT file read back by the npm parser gift-pegjs,
the Moodle XML checked element by element; both against the YAML banks."""

import html
import json
import shutil
import subprocess
import sys

import pytest
from lxml import etree
from pages import PROJECT
from ruamel.yaml import YAML

CONTENT = PROJECT / "exercises" / "inhalte"
YAML_SAFE = YAML(typ="safe")
GIFT_TYPE = {"einfachauswahl": "MC", "mehrfachauswahl": "MC", "wahr-falsch": "TF", "zahl": "Numerical",
             "reihenfolge": "Matching", "zuordnung": "Matching"}
XML_TYPE = {"einfachauswahl": "multichoice", "mehrfachauswahl": "multichoice", "wahr-falsch": "truefalse",
            "zahl": "numerical", "reihenfolge": "matching", "zuordnung": "matching"}


def yaml_questions() -> dict[str, dict]:
    questions = {}
    for path in sorted(CONTENT.glob("quiz-*.yml")):
        for question in YAML_SAFE.load(path.read_text(encoding="utf-8"))["fragen"]:
            questions[question["id"]] = question | {"kapitel": path.stem.removeprefix("quiz-")}
    return questions


def figures() -> dict[str, float]:
    values = {}
    for path in CONTENT.glob("zahlen*.yml"):
        entries = YAML_SAFE.load(path.read_text(encoding="utf-8"))
        values |= {key: entry["wert"] for key, entry in entries.items()}
    return values


def accepted(question) -> tuple[float, float]:
    """The range of right answers, read from the YAML item (figure ids looked up)."""
    if "bereich" in question:
        return question["bereich"]["von"], question["bereich"]["bis"]
    solution = question["loesung"]
    solution = figures()[solution] if isinstance(solution, str) else solution
    tolerance = question.get("toleranz", 0)
    return solution - tolerance, solution + tolerance


def export(tmp_path, *args):
    out = tmp_path / "export.out"
    suffix = ".xml" if "moodle-xml" in args else ".gift"
    out = out.with_suffix(suffix)
    result = subprocess.run([sys.executable, "-m", "exercises", "export", *args, "--out", str(out)],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    return out


def parse_gift(text: str) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run the GIFT parser"
    result = subprocess.run([node, str(PROJECT / "tests" / "gift_parse.js")], input=text,
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# gift-pegjs 1.0.2 leaves its placeholders for escaped characters in the answers of
# matching questions (Moodle's importer restores them); they are restored here.
PLACEHOLDERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}",
                "&&126;": "~", "&&010": "\n"}


def subanswer(pair: dict) -> str:
    text = pair["subanswer"]
    for placeholder, char in PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def plain(formatted: dict | None) -> str:
    """A parsed text as the learner reads it (the exporter writes HTML)."""
    assert formatted is not None
    text = formatted["text"]
    return html.unescape(text) if formatted["format"] == "html" else text


@pytest.fixture(scope="module")
def gift_questions(tmp_path_factory):
    out = export(tmp_path_factory.mktemp("gift"), "--format", "gift")
    return parse_gift(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def xml_questions(tmp_path_factory):
    out = export(tmp_path_factory.mktemp("xml"), "--format", "moodle-xml")
    return etree.parse(str(out)).getroot()


def test_gift_has_every_question_once_with_its_type(gift_questions):
    bank = yaml_questions()
    parsed = [q for q in gift_questions if q["type"] != "Category"]
    assert len(parsed) == len(bank)
    assert sorted(q["title"] for q in parsed) == sorted(bank)
    for question in parsed:
        assert question["type"] == GIFT_TYPE[bank[question["title"]]["typ"]], question["title"]
    categories = [q["title"] for q in gift_questions if q["type"] == "Category"]
    assert len(categories) == len({q["kapitel"] for q in bank.values()})


def check_gift_answers(parsed: dict, question: dict) -> None:
    kind = question["typ"]
    stem = question.get("frage") or question["aussage"]
    assert plain(parsed["stem"]).startswith(stem.strip())
    assert plain(parsed["globalFeedback"]).startswith(question["erklaerung"].strip())
    if kind in ("einfachauswahl", "mehrfachauswahl"):
        options = {option["text"].strip(): option for option in question["optionen"]}
        assert len(parsed["choices"]) == len(options)
        for choice in parsed["choices"]:
            option = options[plain(choice["text"])]
            right = choice["isCorrect"] if kind == "einfachauswahl" else choice["weight"] > 0
            assert right == bool(option.get("richtig")), option["text"]
            assert plain(choice["feedback"]) == option["feedback"].strip()
        if kind == "mehrfachauswahl":
            shares = [c["weight"] for c in parsed["choices"] if c["weight"] > 0]
            assert sum(shares) == pytest.approx(100, abs=0.001)
    elif kind == "wahr-falsch":
        assert parsed["isTrue"] == (question["richtig"] == "wahr")
        # Moodle reads the first feedback as the one for the wrong answer
        wrong, right = (("feedback_falsch", "feedback_wahr") if question["richtig"] == "wahr"
                        else ("feedback_wahr", "feedback_falsch"))
        assert plain(parsed["trueFeedback"]) == question[wrong].strip()
        assert plain(parsed["falseFeedback"]) == question[right].strip()
    elif kind == "zahl":
        right = [c for c in parsed["choices"] if c["isCorrect"]]
        assert len(right) == 1
        low, high = accepted(question)
        answer = right[0]["text"]
        assert answer["number"] - answer["range"] == pytest.approx(low)
        assert answer["number"] + answer["range"] == pytest.approx(high)
        assert plain(right[0]["feedback"]) == question["feedback_richtig"].strip()
        wrong = [c for c in parsed["choices"] if not c["isCorrect"]]
        assert [plain(c["feedback"]) for c in wrong] == [question["feedback_falsch"].strip()]
    else:
        pairs = {html.unescape(p["subquestion"]["text"]): subanswer(p) for p in parsed["matchPairs"]}
        if kind == "reihenfolge":
            expected = {step["text"].strip(): f"Platz {n}" for n, step in enumerate(question["schritte"], 1)}
            feedback = [step["feedback"] for step in question["schritte"]]
        else:
            expected = {pair["definition"].strip(): pair["begriff"].strip() for pair in question["paare"]}
            feedback = [pair["feedback"] for pair in question["paare"]]
        assert pairs == expected
        for text in feedback:
            assert text.strip() in plain(parsed["globalFeedback"])


def test_gift_right_answers_and_feedback_match_the_banks(gift_questions):
    bank = yaml_questions()
    for parsed in gift_questions:
        if parsed["type"] != "Category":
            check_gift_answers(parsed, bank[parsed["title"]])


def test_gift_for_one_chapter(tmp_path):
    out = export(tmp_path, "--format", "gift", "--chapter", "gehalt")
    parsed = parse_gift(out.read_text(encoding="utf-8"))
    expected = [key for key, question in yaml_questions().items() if question["kapitel"] == "gehalt"]
    assert [q["title"] for q in parsed if q["type"] != "Category"] == expected


def test_gift_escapes_every_control_character():
    from exercises.content import Content
    from exercises.delivery.gift import gift
    from exercises.delivery.questionbank import Bank
    from exercises.quiz.model import QuizBank

    tricky = "a~b=c#d{e}f:g\\h <i>&amp; 'x' \"y\" -> z"
    data = {"kapitel": "x", "fragen": [
        {"id": "sonderzeichen", "typ": "einfachauswahl", "lernziel": 1, "abschnitt": "x",
         "frage": f"Frage {tricky}?", "erklaerung": f"Erklärung {tricky}",
         "optionen": [{"text": f"Richtig {tricky}", "richtig": True, "feedback": f"Gut {tricky}"},
                      {"text": f"Falsch {tricky}", "feedback": f"Nein {tricky}"}]},
        {"id": "zuordnung", "typ": "zuordnung", "lernziel": 1, "abschnitt": "x", "frage": "Zuordnen",
         "erklaerung": "E", "paare": [{"begriff": f"B{n} {tricky}", "definition": f"D{n} {tricky}",
                                       "feedback": f"F{n}"} for n in range(3)]}]}
    bank = QuizBank.model_validate(data)
    parsed = parse_gift(gift([Bank("x", "Kapitel: {x}", bank.fragen)], Content()))
    assert parsed[0] == {"type": "Category", "title": "$course$/top/KAM-Kurs/Kapitel: {x}"}
    single, matching = parsed[1:]
    assert plain(single["stem"]) == f"Frage {tricky}?"
    assert plain(single["globalFeedback"]) == f"Erklärung {tricky}"
    assert [(plain(c["text"]), c["isCorrect"], plain(c["feedback"])) for c in single["choices"]] == [
        (f"Richtig {tricky}", True, f"Gut {tricky}"), (f"Falsch {tricky}", False, f"Nein {tricky}")]
    assert [(html.unescape(p["subquestion"]["text"]), subanswer(p)) for p in matching["matchPairs"]] == [
        (f"D{n} {tricky}", f"B{n} {tricky}") for n in range(3)]


def texts(element, path: str) -> list[str]:
    return [html.unescape(node.text or "") for node in element.findall(path)]


def check_xml_question(element, question: dict) -> None:
    kind = question["typ"]
    assert element.get("type") == XML_TYPE[kind]
    for path in ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty",
                 "hidden"):
        assert element.find(path) is not None, (question["id"], path)
    assert element.find("questiontext").get("format") == "html"
    stem = (question.get("frage") or question["aussage"]).strip()
    assert texts(element, "questiontext/text")[0].startswith(stem)
    assert question["erklaerung"].strip() in texts(element, "generalfeedback/text")[0]
    answers = element.findall("answer")
    for answer in answers:
        float(answer.get("fraction"))
        assert answer.find("text") is not None and answer.find("feedback/text") is not None
    if kind in ("einfachauswahl", "mehrfachauswahl"):
        assert element.findtext("single") == ("true" if kind == "einfachauswahl" else "false")
        for tag in ("shuffleanswers", "answernumbering", "correctfeedback/text", "incorrectfeedback/text"):
            assert element.find(tag) is not None, tag
        share = 100 / sum(bool(option.get("richtig")) for option in question["optionen"])
        wrong = 0 if kind == "einfachauswahl" else -share  # a wrong pick costs one share
        by_text = {html.unescape(a.findtext("text")): float(a.get("fraction")) for a in answers}
        assert by_text == {o["text"].strip(): pytest.approx(share if o.get("richtig") else wrong, abs=1e-4)
                           for o in question["optionen"]}
    elif kind == "wahr-falsch":
        fractions = {a.findtext("text"): a.get("fraction") for a in answers}
        assert fractions == ({"true": "100", "false": "0"} if question["richtig"] == "wahr"
                             else {"true": "0", "false": "100"})
    elif kind == "zahl":
        right = [a for a in answers if a.get("fraction") == "100"]
        assert len(right) == 1
        value, tolerance = float(right[0].findtext("text")), float(right[0].findtext("tolerance"))
        low, high = accepted(question)
        assert (value - tolerance, value + tolerance) == (pytest.approx(low), pytest.approx(high))
    else:
        assert element.find("shuffleanswers") is not None
        pairs = [(html.unescape(s.findtext("text")), s.findtext("answer/text"))
                 for s in element.findall("subquestion")]
        if kind == "reihenfolge":
            assert pairs == [(s["text"].strip(), f"Platz {n}") for n, s in enumerate(question["schritte"], 1)]
        else:
            assert pairs == [(p["definition"].strip(), p["begriff"].strip()) for p in question["paare"]]


def test_moodle_xml_has_the_elements_of_each_question_type(xml_questions):
    bank = yaml_questions()
    questions = [q for q in xml_questions.findall("question") if q.get("type") != "category"]
    assert sorted(q.findtext("name/text") for q in questions) == sorted(bank)
    for element in questions:
        check_xml_question(element, bank[element.findtext("name/text")])
    categories = xml_questions.findall("question[@type='category']/category/text")
    assert all(c.text.startswith("$course$/top/KAM-Kurs/") for c in categories)


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "gift", "--chapter", "verhandeln", "--out", "{tmp}/a.gift"], "--chapter"),
    (["--format", "moodle-xml", "--out", "{tmp}/fehlt/a.xml"], "fehlt"),
    (["--format", "moodle-xml", "--out", "{tmp}/a.gift"], ".xml"),
])
def test_wrong_use_is_refused_without_traceback(tmp_path, args, message):
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    result = subprocess.run([sys.executable, "-m", "exercises", "export", *args],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())

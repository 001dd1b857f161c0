"""The SCORM packages in Chromium against a real LMS runtime: scorm-again 3.4 (npm).

A test LMS page installs ``window.API`` (SCORM 1.2) or ``window.API_1484_11``
(SCORM 2004) from scorm-again, logs every call with its error code, and
launches the package's entry point in a frame, as an LMS does. Which answers
are right comes from the question data in the pages.
"""

import functools
import json
import shutil
import zipfile

import pytest
from conftest import served
from exercise_driver import answer, check, page_data, question_for
from pages import PROJECT
from ruamel.yaml import YAML
from test_scorm import EXAM, packages  # noqa: F401  (packages: the session fixture that builds both)

from exercises.quiz.review import card_key

pytestmark = pytest.mark.browser
SCORM_AGAIN = PROJECT / "tests" / "node_modules" / "scorm-again" / "dist"
VERSIONS = {
    "scorm12": {"script": "scorm12.js", "class": "Scorm12API", "global": "API", "limit": 4096,
                "calls": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"],
                "error": "LMSGetLastError", "initialize": "LMSInitialize", "finish": "LMSFinish",
                "commit": "LMSCommit", "status": "cmi.core.lesson_status", "raw": "cmi.core.score.raw",
                "location": "cmi.core.lesson_location"},
    "scorm2004": {"script": "scorm2004.js", "class": "Scorm2004API", "global": "API_1484_11", "limit": 64000,
                  "calls": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit"],
                  "error": "GetLastError", "initialize": "Initialize", "finish": "Terminate",
                  "commit": "Commit", "status": "cmi.success_status", "raw": "cmi.score.raw",
                  "location": "cmi.location"},
}

# The LMS side: scorm-again with every call logged; `window.resumeWith` (set by the test
# before the page loads) is the CMI data an LMS keeps between launches.
LMS_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Test-LMS</title><link rel="icon" href="data:,">
<script src="{script}"></script></head>
<body>
<iframe id="sco" title="Kurs" style="width:100%;height:95vh;border:0"></iframe>
<script>
  const api = new {cls}({{ logLevel: 5, autocommit: false }});
  if (window.resumeWith) api.loadFromJSON(window.resumeWith);
  window.lmsLog = [];
  for (const name of {calls}) {{
    const original = api[name].bind(api);
    api[name] = (...args) => {{
      const result = original(...args);
      window.lmsLog.push({{ name, args, result: String(result), error: String(api.{error}()) }});
      return result;
    }};
  }}
  window.{glob} = api;
  document.getElementById("sco").src = "scorm-start.html";
</script>
</body></html>
"""


@pytest.fixture(scope="session")
def lms(packages, tmp_path_factory):  # noqa: F811
    """Each package unpacked beside a test LMS page, served over http."""
    root = tmp_path_factory.mktemp("lms")
    for fmt, zip_path in packages.items():
        folder = root / fmt
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder)
        settings = VERSIONS[fmt]
        shutil.copy2(SCORM_AGAIN / settings["script"], folder / settings["script"])
        (folder / "lms.html").write_text(LMS_PAGE.format(
            script=settings["script"], cls=settings["class"], calls=json.dumps(settings["calls"]),
            error=settings["error"], glob=settings["global"]), encoding="utf-8")
    with served(root) as url:
        yield url


def course_frame(page, path: str):
    """The frame that shows the course page ``path`` (inside the launch page's frame)."""
    for _ in range(100):
        for frame in page.frames:
            if frame.url.endswith(path):
                frame.wait_for_load_state("load")
                return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"Kursseite {path} nicht geladen: {[f.url for f in page.frames]}")


def launch(visit, lms, fmt, resume: dict | None = None):
    v = visit(f"window.resumeWith = {json.dumps(resume)};" if resume else None)
    v.page.on("response", lambda r: r.status >= 400 and v.errors.append(f"{r.status} {r.url}"))
    page = v.open(f"{lms}/{fmt}/lms.html")
    return v, page, course_frame(page, "book/intro.html" if not resume else resume["_page"])


def go(page, frame, path: str):
    frame.goto(frame.url.rsplit("/book/", 1)[0] + "/" + path)
    return course_frame(page, path)


def log(page) -> list[dict]:
    return page.evaluate("window.lmsLog")


def value(page, fmt, element: str) -> str:
    return page.evaluate(f"window.{VERSIONS[fmt]['global']}.{VERSIONS[fmt]['calls'][2]}('{element}')")


def packed_after(page, fmt, done) -> str:
    """The LMS's suspend_data once ``done(decoded state)`` holds. Status and score are
    committed at once, the packed state as soon as the browser has deflated it."""
    launcher = course_frame(page, "scorm-start.html")
    for _ in range(50):
        data = value(page, fmt, "cmi.suspend_data")
        if data and done(launcher.evaluate("text => window.kursLms.decode(text)", data)):
            return data
        page.wait_for_timeout(100)
    raise AssertionError("suspend_data hält den Stand nicht: " + json.dumps(
        launcher.evaluate("text => window.kursLms.decode(text)", data) if data else None)[:500])


def answer_all(frame, right: bool):
    data = page_data(frame, "[data-kurs-quiz]")
    for fieldset in frame.locator("fieldset.kurs-frage").all():
        answer(fieldset, question_for(frame, fieldset, data), right=right, keyboard=False)
        if fieldset.get_by_role("button", name="Prüfen", exact=True).count():
            check(fieldset, keyboard=False)
    return data


def resumed(fmt, suspend: str, where: str) -> dict:
    """What an LMS hands a relaunch: the kept state and the page the learner left."""
    resume = {"suspend_data": suspend, "_page": where}
    if fmt == "scorm12":
        resume["core"] = {"entry": "resume", "lesson_location": where}
    else:
        resume.update({"entry": "resume", "location": where})
    return resume


def hand_in(frame):
    frame.get_by_role("button", name="Test abgeben").click()
    return frame.locator(".kurs-ergebnis .kurs-urteil").inner_text()


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_one_lms_session_records_quiz_exam_and_resumes_elsewhere(visit, lms, fmt):
    settings = VERSIONS[fmt]
    v, page, frame = launch(visit, lms, fmt)
    assert [c["name"] for c in log(page)].count(settings["initialize"]) == 1

    frame = go(page, frame, "book/definition.html")
    commits = [c["name"] for c in log(page)].count(settings["commit"])
    chapter = answer_all(frame, right=True)
    after = [c["name"] for c in log(page)].count(settings["commit"])
    assert after - commits >= len(chapter["fragen"])  # a commit after every answer
    in_progress = "incomplete" if fmt == "scorm12" else "unknown"
    assert value(page, fmt, settings["status"]) == in_progress

    frame = go(page, frame, "book/abschlusstest.html")
    answer_all(frame, right=False)
    assert hand_in(frame).startswith("✗")
    assert value(page, fmt, settings["status"]) == "failed"
    failed_score = int(float(value(page, fmt, settings["raw"])))
    assert failed_score < EXAM["bestehensgrenze"]
    frame.get_by_role("button", name="Neuen Versuch starten").click()
    exam = answer_all(frame, right=True)
    assert hand_in(frame).startswith("✓")
    assert value(page, fmt, settings["status"]) == "passed"
    assert value(page, fmt, settings["raw"]) == "100"
    if fmt == "scorm2004":
        assert float(value(page, fmt, "cmi.score.scaled")) == 1
        assert value(page, fmt, "cmi.completion_status") == "incomplete"  # six chapter quizzes still open
    assert int(value(page, fmt, "cmi.interactions._count")) == 2 * exam["fragen_pro_versuch"]
    suspend = packed_after(page, fmt, lambda state: len(state["exam"]["attempts"]) == 2)
    assert 0 < len(suspend) <= settings["limit"]
    assert value(page, fmt, settings["location"]) == "book/abschlusstest.html"

    page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the learner leaves
    page.wait_for_timeout(300)
    calls = log(page)
    assert [c["name"] for c in calls].count(settings["finish"]) == 1
    assert [c["name"] for c in calls].count(settings["initialize"]) == 1
    assert [c for c in calls if c["error"] != "0"] == []
    assert v.errors == []

    # A relaunch in a fresh browser with what the LMS kept restores all progress.
    v2, page2, frame2 = launch(visit, lms, fmt, resumed(fmt, suspend, "book/abschlusstest.html"))
    frame2 = go(page2, frame2, "book/definition.html")
    total = len(chapter["fragen"])
    assert frame2.locator(".kurs-quizstand").inner_text().startswith("Ergebnis: 100 %")
    assert frame2.locator(".kurs-urteil").count() == total
    frame2 = go(page2, frame2, "book/fortschritt.html")
    attempts = frame2.locator(".kurs-versuche li").all_inner_texts()
    assert len(attempts) == 2 and "✗" in attempts[0] and "✓" in attempts[1]
    assert [c for c in log(page2) if c["error"] != "0"] == []
    assert v2.errors == []


def test_free_texts_too_long_for_scorm_12_stay_in_the_browser(visit, lms):
    """Random text does not compress: seven long answers cannot fit into 4,096 characters,
    so the LMS keeps everything else and this browser keeps the texts."""
    v, page, frame = launch(visit, lms, "scorm12")
    frame = go(page, frame, "book/definition.html")
    texts = frame.evaluate("""() => {
      const letters = "abcdefghijklmnopqrstuvwxyzäöüß ,.";
      const texts = {};
      for (let task = 1; task <= 7; task += 1) {
        let text = "";
        for (let i = 0; i < 2000; i += 1) text += letters[Math.floor(Math.random() * letters.length)];
        texts["aufgabe-" + task] = text;
        const entry = { at: "2027-01-01T00:00:00Z", text, ticks: "1010" };
        Kurs.progress.savePractice("writing", "aufgabe-" + task, entry);
      }
      return texts;
    }""")
    launcher = course_frame(page, "scorm-start.html")  # the launch page holds the LMS session
    launcher.wait_for_function("window.kursLms.textsLeftOut === true")
    page.wait_for_timeout(300)  # the last packing commits after it decided
    suspend = value(page, "scorm12", "cmi.suspend_data")
    assert 0 < len(suspend) <= VERSIONS["scorm12"]["limit"]
    kept = launcher.evaluate("text => window.kursLms.decode(text)", suspend)
    assert "writing" not in kept and kept["textsLeftOut"] is True and "book/definition" in kept["visited"]

    # The next launch in the same browser: the LMS state wins, but the texts come from here.
    v.context.add_init_script("window.resumeWith = " + json.dumps(
        {"suspend_data": suspend, "core": {"entry": "resume", "lesson_location": "book/definition.html"}}))
    page.goto(f"{lms}/scorm12/lms.html")
    frame = course_frame(page, "book/definition.html")
    state = frame.evaluate("Kurs.progress.snapshot()")
    assert {key: entry["text"] for key, entry in state["writing"].items()} == texts
    assert "textsLeftOut" not in state
    assert v.errors == []


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_leaving_while_the_state_is_packed_keeps_the_last_change(visit, lms, fmt):
    """The learner closes the window in the moment the browser deflates the state: the
    LMS gets that state as plain JSON, not the one before, and a relaunch restores it."""
    v, page, frame = launch(visit, lms, fmt)
    frame = go(page, frame, "book/definition.html")
    frame.evaluate("""() => {
      const entry = { at: "2027-01-01T00:00:00Z", text: "Zuletzt geschrieben", ticks: "1" };
      Kurs.progress.savePractice("writing", "aufgabe-1", entry);
      parent.dispatchEvent(new Event("pagehide"));
    }""")
    settings = VERSIONS[fmt]
    calls = log(page)
    sent = [c["args"][1] for c in calls
            if c["name"] == settings["calls"][3] and c["args"][0] == "cmi.suspend_data"]
    kept = course_frame(page, "scorm-start.html").evaluate("text => window.kursLms.decode(text)", sent[-1])
    assert kept["writing"]["aufgabe-1"]["text"] == "Zuletzt geschrieben"
    assert "book/definition" in kept["visited"]
    assert [c["name"] for c in calls].count(settings["finish"]) == 1
    assert [c for c in calls if c["error"] != "0"] == []
    assert v.errors == []

    v2, _, frame2 = launch(visit, lms, fmt, resumed(fmt, sent[-1], "book/definition.html"))
    restored = frame2.evaluate("Kurs.progress.snapshot()")
    assert restored["writing"]["aufgabe-1"]["text"] == "Zuletzt geschrieben"
    assert v2.errors == []


def test_the_package_works_without_an_lms(visit, lms):
    v = visit()
    page = v.open(f"{lms}/scorm12/scorm-start.html")
    frame = course_frame(page, "book/intro.html")
    frame = go(page, frame, "book/definition.html")
    fieldset = frame.locator("fieldset.kurs-frage").first
    data = page_data(frame, "[data-kurs-quiz]")
    answer(fieldset, question_for(frame, fieldset, data), right=True, keyboard=False)
    check(fieldset, keyboard=False)
    assert fieldset.locator(".kurs-urteil").inner_text() == "✓ Richtig."
    assert page.evaluate("window.kursLms.connected") is False
    assert v.errors == []


def longest_path(scenario: dict) -> list[dict]:
    """The longest way through a scenario's dialogue, as the page stores it ({knoten, option})."""
    nodes = scenario["knoten"]

    @functools.cache
    def longest(node_id: str) -> tuple:
        options = nodes[node_id].get("optionen") or []
        best: tuple = ()
        for index, option in enumerate(options):
            candidate = ({"knoten": node_id, "option": index}, *longest(option["weiter"]))
            if len(json.dumps(candidate)) > len(json.dumps(best)):
                best = candidate
        return best

    return list(longest(scenario["start"]))


def everything_done() -> dict:
    """A learner who did everything, with the longest answer of every kind, kept in the
    shape kurs-fortschritt.js documents: every quiz finished, ten exam attempts and one
    open, every role-play to its longest ending, every page visited, the self-check."""
    yaml = YAML(typ="safe")
    content = PROJECT / "exercises" / "inhalte"
    at = "2027-03-31T23:59:59.000Z"  # kept to the second

    def longest_answer(question: dict):
        kind = question["typ"]
        if kind == "mehrfachauswahl":
            return list(range(len(question["optionen"])))
        if kind == "einfachauswahl":
            return len(question["optionen"]) - 1
        if kind == "wahr-falsch":
            return "falsch"
        if kind == "zahl":
            return "-1.234.567,89"
        items = question.get("schritte") or question.get("paare")
        return list(range(len(items)))[::-1]

    banks = {path.stem.removeprefix("quiz-"): yaml.load(path.read_text("utf-8"))
             for path in sorted(content.glob("quiz-*.yml"))}
    all_questions = [q for bank in banks.values() for q in bank["fragen"]]
    exam_size = EXAM["fragen_pro_versuch"]
    shares = {chapter: [2.6666666666666665, 3] for chapter in banks}
    scenarios = [yaml.load(path.read_text("utf-8")) for path in sorted(content.glob("roleplay-*.yml"))]
    selfcheck = yaml.load((content / "selbstcheck.yml").read_text("utf-8"))
    pages = [p.relative_to(PROJECT).with_suffix("").as_posix()
             for p in sorted((PROJECT / "book").glob("*.md"))]
    roleplays = {}
    for scenario in scenarios:
        path = longest_path(scenario)
        ending = max((n for n, node in scenario["knoten"].items() if not node.get("optionen")),
                     key=lambda n: len(scenario["knoten"][n].get("titel", "")))
        roleplays[scenario["id"]] = {"at": at, "pfad": path, "abgeschlossen": {
            "ende": ending, "titel": scenario["knoten"][ending].get("titel", ""),
            "punkte": {d: -10 for d in scenario["dimensionen"]}, "entscheidungen": len(path)}}
    competencies = selfcheck.get("kompetenzen", {})
    return {
        "version": 2,
        "chapters": {c: {"best": 100, "last": 100, "tries": 99, "passed": True, "at": at} for c in banks},
        "quizzes": {c: {"f": "f" * 8, "seed": 4294967295,
                        "answers": [longest_answer(q) for q in bank["fragen"]],
                        "retry": {str(i): 99 for i in range(len(bank["fragen"]))},
                        "shown": list(range(len(bank["fragen"])))} for c, bank in banks.items()},
        "exam": {"attempts": [{"at": at, "pct": 100, "passed": True, "chapters": shares} for _ in range(10)],
                 "open": {"f": "f" * 8, "seed": 4294967295,
                          "answers": [longest_answer(q) for q in all_questions[:exam_size]]}},
        "roleplays": roleplays,
        "visited": {page: at for page in pages},
        "selfcheck": {"at": at, "answers": "5" * 40, "profile": {k: 100 for k in competencies}},
        # every question once checked, due on the days of the next three weeks
        "review": {card_key(q["id"]): [3, 20_000 + i % 21] for i, q in enumerate(all_questions)},
        # every writing task with a full answer, as kurs-schreiben.js keeps it
        "writing": {task["id"]: {"at": at, "text": task["musterantwort"],
                                 "ticks": "1" * len(task["checkliste"])}
                    for path in sorted(content.glob("schreibaufgaben*.yml"))
                    for task in yaml.load(path.read_text("utf-8"))["aufgaben"]},
    }


def test_suspend_data_of_a_learner_who_did_everything_fits_scorm_12(visit, lms):
    """Everything but the free texts fits SCORM 1.2; the texts stay in the browser."""
    v = visit()
    page = v.open(f"{lms}/scorm12/scorm-start.html")
    state = everything_done()
    encoded = page.evaluate("state => window.kursLms.fitting(state)", state)  # a promise, awaited
    assert encoded is not None and len(encoded) <= VERSIONS["scorm12"]["limit"], encoded and len(encoded)
    back = page.evaluate("text => window.kursLms.decode(text)", encoded)
    assert back["quizzes"] == state["quizzes"] and back["roleplays"] == state["roleplays"]
    assert back["visited"].keys() == state["visited"].keys()
    assert back["exam"]["attempts"][0]["chapters"] == {c: [2.667, 3] for c in state["chapters"]}
    assert back["review"] == state["review"] and back["selfcheck"] == state["selfcheck"]
    assert "writing" not in back and back["textsLeftOut"] is True
    assert v.errors == []


def test_suspend_data_keeps_everything_in_scorm_2004(visit, lms):
    v = visit()
    page = v.open(f"{lms}/scorm2004/scorm-start.html")
    state = everything_done()
    encoded = page.evaluate("state => window.kursLms.fitting(state)", state)
    assert len(encoded) <= VERSIONS["scorm2004"]["limit"]
    back = page.evaluate("text => window.kursLms.decode(text)", encoded)
    assert back["writing"] == state["writing"] and back["review"] == state["review"]
    assert "textsLeftOut" not in back
    assert v.errors == []

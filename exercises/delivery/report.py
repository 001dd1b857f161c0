"""A group's results from the progress files trainees export on "Mein Fortschritt".

``python -m exercises report FILE... --out report.html|report.csv`` reads the
files (state version 2 as documented in assets/kurs-fortschritt.js, or the old
version 1), skips foreign, broken and duplicate ones with a reason, and writes
one row per trainee and, per question of the chapter quizzes, the share of
trainees who answered it right. The answers are scored again with the course's
Python scoring, so the report never trusts numbers a file merely claims.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from exercises.content import Content
from exercises.jshash import base36, fnv1a
from exercises.quiz.model import MultipleChoice, Numeric, Ordering, SingleChoice, TrueFalse
from exercises.quiz.widget import parse_number

STATE_KEYS = ("chapters", "quizzes", "exam", "roleplays", "visited")


class Unreadable(Exception):
    """Why a file is no usable progress export (German, for the trainer)."""


@dataclass
class Trainee:
    name: str
    source: Path
    state: dict


@dataclass
class Group:
    trainees: list[Trainee] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file: reason"


@dataclass
class QuestionShare:
    chapter: str
    number: int  # in bank order, as on a paper test printed without --seed
    text: str
    answered: int
    right: int

    @property
    def share(self) -> float | None:
        return self.right / self.answered if self.answered else None


def migrate_v1(old: dict) -> dict:
    """The fields the report needs from a version 1 state (German names, no answers)."""
    try:
        exam = [{"pct": a["prozent"], "passed": a["bestanden"]} for a in old["pruefung"]["versuche"]]
        chapters = {cid: {"best": c["bester"], "passed": c["bestanden"]} for cid, c in old["kapitel"].items()}
        roleplays = dict(old["rollenspiele"])
        selfcheck = old.get("selbstcheck")
    except (KeyError, TypeError, AttributeError) as error:
        raise Unreadable(f"beschädigte Fortschrittsdatei (Version 1: {error} fehlt)") from None
    state = {"version": 2, "chapters": chapters, "quizzes": {}, "exam": {"attempts": exam, "open": None},
             "roleplays": roleplays, "visited": {}}
    if isinstance(selfcheck, dict):
        state["selfcheck"] = {"answers": "", "profile": selfcheck.get("profil")}
    return state


def read_state(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise Unreadable(f"nicht lesbar ({error.strerror or error})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Unreadable("kein gültiges JSON (abgeschnitten oder keine Exportdatei)") from None
    if not isinstance(data, dict) or data.get("version") not in (1, 2) or not (
            "chapters" in data or "kapitel" in data):
        raise Unreadable("keine Fortschrittsdatei des KAM-Kurses")
    if data["version"] == 1:
        return migrate_v1(data)
    if not all(isinstance(data.get(key), dict) for key in STATE_KEYS) or not isinstance(
            data["exam"].get("attempts"), list) or not isinstance(data.get("learner", ""), str):
        raise Unreadable("beschädigte Fortschrittsdatei (Version 2, Aufbau passt nicht)")
    return data


def load_group(paths: list[Path]) -> Group:
    group = Group()
    seen_content: dict[str, Path] = {}
    seen_names: dict[str, Path] = {}
    for path in paths:
        try:
            state = read_state(path)
        except Unreadable as reason:
            group.skipped.append(f"{path}: {reason}")
            continue
        digest = json.dumps(state, sort_keys=True)
        name = " ".join(str(state.get("learner", "")).split()) or f"ohne Namen ({path.name})"
        if digest in seen_content:
            group.skipped.append(f"{path}: doppelt, gleicher Inhalt wie {seen_content[digest]}")
        elif name.casefold() in seen_names:
            group.skipped.append(f"{path}: doppelt, „{name}“ steht schon in {seen_names[name.casefold()]}")
        else:
            seen_content[digest], seen_names[name.casefold()] = path, path
            group.trainees.append(Trainee(name, path, state))
    return group


def fingerprint(question_ids: list[str]) -> str:
    """The quiz runtime's fingerprint of a question list (``fingerprint`` in kurs-quiz.js):
    an attempt stored for another version of a bank is not scored against this one."""
    return base36(fnv1a("|".join(question_ids) + "#"))


def answer_score(question, raw, content: Content) -> float | None:
    """Points (0..1) for a stored answer (option indices in bank order), None if unusable."""
    def indices(value, count):
        return isinstance(value, list) and all(isinstance(i, int) and 0 <= i < count for i in value)

    if isinstance(question, SingleChoice):
        ok = isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < len(question.optionen)
        return question.score(raw) if ok else None
    if isinstance(question, MultipleChoice):
        return question.score(set(raw)) if indices(raw, len(question.optionen)) and raw else None
    if isinstance(question, TrueFalse):
        return question.score(raw) if raw in ("wahr", "falsch") else None
    if isinstance(question, Numeric):
        number = parse_number(raw) if isinstance(raw, str) else None
        return None if number is None else question.score(number, content.solution(question))
    if isinstance(question, Ordering):
        ok = indices(raw, len(question.schritte)) and sorted(raw) == list(range(len(question.schritte)))
        return question.score(raw) if ok else None
    count = len(question.paare)  # matching: a pair index per term, None where none was chosen
    ok = isinstance(raw, list) and len(raw) == count and indices([p for p in raw if p is not None], count)
    return question.score(raw) if ok else None


def question_shares(group: Group, content: Content, chapter_ids: list[str]) -> list[QuestionShare]:
    shares = []
    for chapter_id in chapter_ids:
        bank = content.quizzes[chapter_id].fragen
        print_ = fingerprint([q.id for q in bank])
        attempts = [t.state["quizzes"].get(chapter_id) for t in group.trainees]
        attempts = [a for a in attempts if isinstance(a, dict) and a.get("f") == print_
                    and isinstance(a.get("answers"), list) and len(a["answers"]) == len(bank)]
        for number, question in enumerate(bank, 1):
            scores = [answer_score(question, a["answers"][number - 1], content) for a in attempts
                      if a["answers"][number - 1] is not None]
            scores = [s for s in scores if s is not None]
            text = getattr(question, "frage", None) or question.aussage
            shares.append(QuestionShare(chapter_id, number, text, len(scores), sum(s == 1.0 for s in scores)))
    return shares


def decimal(value: float) -> str:
    """A German number with one decimal, e.g. 66,7."""
    return f"{value:.1f}".replace(".", ",")


def percent_text(share: float | None) -> str:
    return "–" if share is None else f"{decimal(share * 100)} %"


@dataclass
class Row:
    """One trainee's results, each column as text."""

    name: str
    chapters_passed: str
    quiz_scores: str
    best_exam: str
    roleplays: str
    selfcheck: str


COLUMNS = ("Name", "Kapitel bestanden", "Quiz: bestes Ergebnis", "Abschlusstest: bestes Ergebnis",
           "Rollenspiele: erreichtes Ende", "Selbstcheck (Selbsteinschätzung)")


def number(value) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def trainee_row(trainee: Trainee, content: Content, chapters: list[tuple[str, str]]) -> Row:
    """``chapters``: (id, title) in course order, those with a quiz."""
    state = trainee.state
    results = {cid: c for cid, c in state["chapters"].items() if isinstance(c, dict)}
    passed = [title for cid, title in chapters if results.get(cid, {}).get("passed") is True]
    scores = [f"{title}: {number(results[cid].get('best'))} %" for cid, title in chapters
              if cid in results and number(results[cid].get("best")) is not None]
    exams = [a for a in state["exam"]["attempts"] if isinstance(a, dict) and number(a.get("pct")) is not None]
    best = max(exams, key=lambda a: a["pct"], default=None)
    best_exam = "–" if best is None else (
        f"{best['pct']} % ({'bestanden' if best.get('passed') else 'nicht bestanden'}, "
        f"{len(exams)} Versuch{'e' if len(exams) != 1 else ''})")
    endings = []
    for scenario_id, scenario in content.scenarios.items():
        entry = state["roleplays"].get(scenario_id)
        ending = entry.get("abgeschlossen") if isinstance(entry, dict) else None
        if isinstance(ending, dict) and isinstance(ending.get("titel"), str):
            endings.append(f"{scenario.titel}: {ending['titel']}")
    check = state.get("selfcheck")
    profile = check.get("profile") if isinstance(check, dict) else None
    competencies = content.selfcheck.kompetenzen if content.selfcheck else {}
    profile_text = "; ".join(f"{c.name} {profile[key]} %" for key, c in competencies.items()
                             if isinstance(profile, dict) and number(profile.get(key)) is not None)
    passed_text = f"{len(passed)} von {len(chapters)}" + (f": {', '.join(passed)}" if passed else "")
    return Row(trainee.name, passed_text, "; ".join(scores) or "–", best_exam, "; ".join(endings) or "–",
               profile_text or "–")


def write_csv(rows: list[Row], shares: list[QuestionShare], titles: dict[str, str]) -> str:
    """For spreadsheets: semicolons, a BOM so Excel reads UTF-8, decimal commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([row.name, row.chapters_passed, row.quiz_scores, row.best_exam, row.roleplays,
                      row.selfcheck] for row in rows)
    writer.writerow([])
    writer.writerow(["Kapitel", "Frage", "Fragetext", "beantwortet", "richtig", "Anteil richtig (%)"])
    writer.writerows([titles[s.chapter], s.number, s.text, s.answered, s.right,
                      "" if s.share is None else decimal(s.share * 100)] for s in shares)
    return "\ufeff" + buffer.getvalue()


BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 18, 6, 130, 400


def bar_chart(shares: list[QuestionShare], numbers: dict[str, int]) -> str:
    """Horizontal bars, one per answered question, each with its value written beside it
    (never colour alone); a screen reader gets the same numbers from the table below.
    ``numbers``: the course's chapter number per chapter id, for short labels."""
    answered = [s for s in shares if s.share is not None]
    height = len(answered) * (BAR_HEIGHT + GAP) + GAP + 20
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [f'<svg class="diagramm" role="img" aria-labelledby="diagramm-titel" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             '<title id="diagramm-titel">Anteil richtiger Antworten je Frage, in Prozent; '
             'die Zahlen stehen auch in der Tabelle darunter</title>']
    for tick in (0, 50, 100):
        x = LABEL_WIDTH + BAR_WIDTH * tick / 100
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 18}" class="raster"/>'
                     f'<text x="{x}" y="{height - 4}" text-anchor="middle">{tick} %</text>')
    for index, item in enumerate(answered):
        y = GAP + index * (BAR_HEIGHT + GAP)
        low = " niedrig" if item.share < 0.5 else ""
        label = f"Kapitel {numbers[item.chapter]}, Frage {item.number}"
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{label}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH * item.share:.1f}" '
                     f'height="{BAR_HEIGHT}" class="balken{low}"/>'
                     f'<text x="{LABEL_WIDTH + BAR_WIDTH * item.share + 4:.1f}" y="{y + 13}">'
                     f'{percent_text(item.share)}{" ⚠" if low else ""}</text>')
    return "\n".join(parts) + "</svg>"


REPORT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       background: #fff; line-height: 1.45; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
.warnung { border-left: 4px solid #8a4b00; padding: 0.3rem 0.75rem; background: #fff4e0; }
.diagramm { max-width: 100%; height: auto; font-size: 12px; }
.diagramm text { fill: #1a1a1a; }
.raster { stroke: #8a8a8a; stroke-dasharray: 3 3; }
.balken { fill: #0b4f6c; }
.balken.niedrig { fill: #a33b00; }
td.zahl { text-align: right; white-space: nowrap; }
"""


def write_html(rows: list[Row], shares: list[QuestionShare], titles: dict[str, str], numbers: dict[str, int],
               skipped: list[str]) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in COLUMNS[1:])
    body = "".join(f'<tr><th scope="row">{escape(r.name)}</th>' + "".join(
        f"<td>{escape(value)}</td>" for value in
        (r.chapters_passed, r.quiz_scores, r.best_exam, r.roleplays, r.selfcheck)) + "</tr>" for r in rows)
    questions = "".join(
        f"<tr><td>{numbers[s.chapter]}. {escape(titles[s.chapter])}</td>"
        f'<td class="zahl">{s.number}</td><td>{escape(s.text)}</td>'
        f'<td class="zahl">{s.right} von {s.answered}</td><td class="zahl">{percent_text(s.share)}'
        f"{' ⚠ unter 50 %' if s.share is not None and s.share < 0.5 else ''}</td></tr>" for s in shares)
    warning = ("" if not skipped else '<div class="warnung" role="note"><p>Nicht ausgewertet:</p><ul>'
               + "".join(f"<li>{escape(line)}</li>" for line in skipped) + "</ul></div>")
    chart = bar_chart(shares, numbers) if any(s.share is not None for s in shares) else (
        "<p>Noch keine geprüften Antworten aus den Kapitel-Quizzen.</p>")
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Auswertung der Gruppe – KAM-Kurs</title>
<style>{REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Auswertung der Gruppe</h1>
<p>{len(rows)} Teilnehmende, aus ihren exportierten Fortschrittsdateien.</p>
{warning}
<table>
<caption>Ergebnisse je Teilnehmer:in</caption>
<thead><tr><th scope="col">{COLUMNS[0]}</th>{head}</tr></thead>
<tbody>{body}</tbody>
</table>
<h2>Was die Gruppe verstanden hat</h2>
<p>Anteil der Teilnehmenden, die eine Frage des Kapitel-Quiz richtig beantwortet haben (gezählt
werden geprüfte Antworten mit voller Punktzahl; Fragen in der Reihenfolge der Fragenbank).
Fragen unter 50 % lohnen eine Wiederholung im Seminar.</p>
<figure>
{chart}
</figure>
<table>
<caption>Antworten je Frage</caption>
<thead><tr><th scope="col">Kapitel</th><th scope="col">Frage</th><th scope="col">Fragetext</th>
<th scope="col">richtig</th><th scope="col">Anteil richtig</th></tr></thead>
<tbody>{questions}</tbody>
</table>
</main>
</body>
</html>
"""

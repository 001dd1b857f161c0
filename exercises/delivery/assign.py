"""Assignment sheets for trainers: chapters, due date, objectives, links, pass mark."""

import datetime as dt
from html import escape
from pathlib import Path

from exercises.chapters import Chapter
from exercises.content import Content
from exercises.quiz.data import CHAPTER_PASS_PERCENT


def sheet_rows(content: Content, chapters: list[Chapter], base_url: str) -> list[dict]:
    pass_mark = content.exam.kapitel_bestehensgrenze if content.exam else CHAPTER_PASS_PERCENT
    base = base_url.rstrip("/") + "/" if base_url else ""
    return [{
        "titel": chapter.title,
        "minuten": chapter.minutes,
        "lernziele": chapter.objectives,
        "link": f"{base}book/{chapter.id}.html",
        "quiz": (f"Kapitel-Quiz mit mindestens {pass_mark} % bestehen "
                 f"({len(content.quizzes[chapter.id].fragen)} Fragen)") if chapter.id in content.quizzes
        else "kein Quiz",
    } for chapter in chapters]


def german_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def markdown_sheet(rows: list[dict], due: dt.date, group: str | None) -> str:
    total = sum(row["minuten"] for row in rows)
    lines = ["# Arbeitsauftrag: KAM-Kurs", ""]
    if group:
        lines.append(f"**Gruppe:** {group}  ")
    lines += [f"**Zu erledigen bis:** {german_date(due)}  ", f"**Geschätzte Lernzeit:** etwa {total} Minuten",
              ""]
    for number, row in enumerate(rows, 1):
        lines += [f"## {number}. {row['titel']}", "", f"- Lernzeit: etwa {row['minuten']} Minuten",
                  f"- Link: <{row['link']}>", f"- Nachweis: {row['quiz']}", "- Lernziele:"]
        lines += [f"  - {objective}" for objective in row["lernziele"]]
        lines.append("")
    return "\n".join(lines)


def html_sheet(rows: list[dict], due: dt.date, group: str | None) -> str:
    total = sum(row["minuten"] for row in rows)
    parts = [
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Arbeitsauftrag: KAM-Kurs</title>\n<style>"
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:48rem;"
        "margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
        "section{border-top:2px solid #0b4f6c;margin-top:1.5rem}a{color:#0b4f6c}"
        "@page{size:A4;margin:18mm}@media print{body{margin:0}}"
        "</style>\n</head>\n<body>\n<main>\n<h1>Arbeitsauftrag: KAM-Kurs</h1>\n<dl>",
    ]
    if group:
        parts.append(f"<dt>Gruppe</dt><dd>{escape(group)}</dd>")
    parts.append(f"<dt>Zu erledigen bis</dt><dd><time datetime=\"{due.isoformat()}\">{german_date(due)}"
                 f"</time></dd><dt>Geschätzte Lernzeit</dt><dd>etwa {total} Minuten</dd></dl>")
    for number, row in enumerate(rows, 1):
        objectives = "".join(f"<li>{escape(o)}</li>" for o in row["lernziele"])
        parts.append(
            f"<section>\n<h2>{number}. {escape(row['titel'])}</h2>\n<ul>"
            f"<li>Lernzeit: etwa {row['minuten']} Minuten</li>"
            f"<li>Link: <a href=\"{escape(row['link'])}\">{escape(row['link'])}</a></li>"
            f"<li>Nachweis: {escape(row['quiz'])}</li></ul>\n"
            f"<h3>Lernziele</h3>\n<ul>{objectives}</ul>\n</section>")
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)


def write_sheet(out: Path, rows: list[dict], due: dt.date, group: str | None) -> None:
    text = html_sheet(rows, due, group) if out.suffix == ".html" else markdown_sheet(rows, due, group)
    out.write_text(text, encoding="utf-8")

"""``python -m exercises``: the entry point for trainers, CI and tests.

Problems with content are printed as ``PATH:LINE: message`` (exit 1); wrong
use of the command itself exits 2. No traceback reaches the user.
"""

import argparse
import json
import sys
from pathlib import Path

from exercises import PROJECT_DIR
from exercises.chapters import chapter_files, chapters
from exercises.content import load_content, require_content
from exercises.delivery import cli as delivery_cli
from exercises.discount import cli as discount_cli
from exercises.problems import ContentError
from exercises.quiz.rules import figures_table
from exercises.salary import cli as salary_cli


def command_check(args: argparse.Namespace) -> int:
    """Content files (.yml) and chapters (.md); without paths, the whole course."""
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        print(f"{path}:1: Datei nicht gefunden", file=sys.stderr)
    if missing:
        return 1
    data_files = [p for p in paths if p.suffix != ".md"]
    chapter_paths = [p for p in paths if p.suffix == ".md"]
    if not paths:
        data_files, chapter_paths = None, chapter_files()
    content, problems = load_content(data_files, chapters_to_check=chapter_paths)
    if args.quiz_stats:
        print("\n".join(figures_table(content.quizzes)))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} Problem(e) gefunden.", file=sys.stderr)
        return 1
    print("Alle Inhalte sind gültig.", file=sys.stderr)
    return 0


def inventory() -> dict:
    """Chapters, exam and role-plays of the course, for trainers and tools."""
    content = require_content()
    course_chapters = chapters()
    quizzes = content.quizzes
    data = {
        "chapters": [
            {
                "id": chapter.id,
                "title": chapter.title,
                "path": chapter.path.relative_to(PROJECT_DIR).as_posix(),
                "minutes": chapter.minutes,
                "objectives": chapter.objectives,
                "quiz_questions": len(quizzes[chapter.id].fragen) if chapter.id in quizzes else 0,
            }
            for chapter in course_chapters
        ],
        "roleplays": [
            {
                "id": scenario.id,
                "title": scenario.titel,
                "language": scenario.sprache,
                "decisions_on_best_path": len(scenario.best_path()) - 1,
                "endings": len(scenario.endings()),
                "dimensions": scenario.dimensionen,
            }
            for scenario in content.scenarios.values()
        ],
    }
    if content.exam:
        data["exam"] = {
            "questions_per_attempt": content.exam.fragen_pro_versuch,
            "pass_percent": content.exam.bestehensgrenze,
            "pool": sum(len(bank.fragen) for bank in quizzes.values()),
        }
    return data


def command_inventory(args: argparse.Namespace) -> int:
    data = inventory()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for chapter in data["chapters"]:
            print(f"{chapter['id']:<16} {chapter['minutes']:>3} min  {chapter['quiz_questions']:>3} Fragen  "
                  f"{chapter['title']}")
        for roleplay in data["roleplays"]:
            print(f"Rollenspiel {roleplay['id']} ({roleplay['language']}): {roleplay['title']}")
    return 0


def command_build(args: argparse.Namespace) -> int:
    from exercises.build import build

    company = Path(args.company) if args.company else None
    if company and not company.is_file():
        print(f"--company: Datei „{company}“ nicht gefunden", file=sys.stderr)
        return 2
    archive = Path(args.zip) if args.zip else None
    if archive and archive.suffix != ".zip":
        return usage_error(f"--zip: „{archive}“ muss auf .zip enden")
    out = Path(args.out) if args.out else None
    result = build(args.edition, company, out)
    if result == 0 and archive:
        from exercises.build import default_output, load_company
        from exercises.delivery.archive import zip_folder

        site = out or default_output(args.edition, load_company(company) if company else None)
        zip_folder(site, archive)
        print(f"Zip für den Webserver geschrieben: {archive}")
    return result


def usage_error(message: str) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return 2


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="python -m exercises", description="Werkzeuge für den KAM-Kurs."
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    check = commands.add_parser("check", help="Inhaltsdateien prüfen (PFAD:ZEILE: Meldung)")
    check.add_argument("paths", nargs="*", metavar="PFAD", help="Dateien (Standard: alle)")
    check.add_argument("--quiz-stats", action="store_true",
                       help="je Fragenbank die Kennzahlen der Regeln für Quizfragen ausgeben")
    check.set_defaults(run=command_check)
    listing = commands.add_parser("inventory", help="Kapitel und Übungen auflisten")
    listing.add_argument("--json", action="store_true", help="als JSON ausgeben")
    listing.set_defaults(run=command_inventory)
    build = commands.add_parser("build", help="eine Ausgabe des Kurses bauen")
    build.add_argument("--edition", choices=["trainee", "trainer"], default="trainee",
                       help="trainee (Standard) oder trainer (mit Abschnitten „Für Trainer:innen“)")
    build.add_argument("--company", metavar="DATEI", help="Firmendatei (YAML) für eine Firmenausgabe")
    build.add_argument("--out", metavar="ORDNER", help="Zielordner (Standard: _build/html)")
    build.add_argument("--zip", metavar="DATEI.zip", help="die gebaute Website zusätzlich als eine Zip-Datei "
                       "(zum Hochladen auf einen Intranet-Server)")
    build.set_defaults(run=command_build)
    salary_cli.add_command(commands)
    discount_cli.add_command(commands)
    delivery_cli.add_commands(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        return 1

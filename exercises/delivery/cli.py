"""Command-line entries that turn the course into other formats (``python -m exercises …``)."""

import argparse
import shutil
import sys
from pathlib import Path

from exercises.delivery import scorm
from exercises.delivery.schemas import SchemaError


def command_package(args: argparse.Namespace) -> int:
    from exercises.build import build, default_output, load_company
    from exercises.content import require_content

    company_file = Path(args.company) if args.company else None
    if company_file and not company_file.is_file():
        print(f"--company: Datei „{company_file}“ nicht gefunden", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else scorm.default_package_path(args.format)
    if out.suffix != ".zip":
        print(f"--out: „{out}“ muss auf .zip enden", file=sys.stderr)
        return 2
    company = load_company(company_file) if company_file else None
    if build(args.edition, company_file) != 0:
        return 1
    exam = require_content().exam
    course = scorm.Course(
        identifier="kam-kurs" + (f"-{company.kurzname}" if company else "")
        + ("-trainer" if args.edition == "trainer" else ""),
        title="KAM-Kurs" + (f" – {company.name}" if company else "")
        + (" (Ausgabe für Trainer:innen)" if args.edition == "trainer" else ""),
        language="de", mastery_percent=exam.bestehensgrenze)
    staging = out.resolve().parent / f".{out.stem}-inhalt"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(default_output(args.edition, company), staging)
    try:
        scorm.write_package(staging, args.format, course, out)
    except SchemaError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"SCORM-Paket geschrieben: {out}")
    return 0


def usage_error(message: str) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return 2


def writable(out: Path, suffixes: tuple[str, ...], option: str = "--out") -> str | None:
    """Why ``out`` cannot be written, or None (a wrong ending or a missing folder)."""
    if out.suffix.lower() not in suffixes:
        return f"{option}: „{out}“ muss auf {' oder '.join(suffixes)} enden"
    if not out.parent.is_dir():
        return f"{option}: Ordner „{out.parent}“ gibt es nicht; bitte zuerst anlegen"
    return None


def command_export(args: argparse.Namespace) -> int:
    from exercises.chapters import chapters
    from exercises.content import require_content
    from exercises.delivery import gift, moodle_xml, questionbank

    out = Path(args.out)
    problem = writable(out, (".txt", ".gift") if args.format == "gift" else (".xml",))
    if problem:
        return usage_error(problem)
    content = require_content()
    course_chapters = chapters()
    with_quiz = [chapter.id for chapter in course_chapters if chapter.id in content.quizzes]
    if args.chapter and args.chapter not in with_quiz:
        return usage_error(f"--chapter: kein Kapitel-Quiz „{args.chapter}“; "
                           f"vorhanden: {', '.join(with_quiz)}")
    banks = questionbank.banks(content, course_chapters, args.chapter)
    if args.format == "gift":
        out.write_text(gift.gift(banks, content), encoding="utf-8")
    else:
        out.write_bytes(moodle_xml.moodle_xml(banks, content))
    count = sum(len(bank.questions) for bank in banks)
    print(f"{count} Fragen aus {len(banks)} Kapitel(n) geschrieben: {out}")
    return 0


def command_worksheet(args: argparse.Namespace) -> int:
    from exercises.chapters import chapters
    from exercises.content import require_content
    from exercises.delivery import printing, worksheet

    out = Path(args.out)
    problem = writable(out, (".html", ".pdf"))
    if problem:
        return usage_error(problem)
    content = require_content()
    course_chapters = chapters()
    choices = [chapter.id for chapter in course_chapters if chapter.id in content.quizzes]
    choices += [worksheet.EXAM] if content.exam else []
    if args.quiz not in choices:
        return usage_error(f"--quiz: unbekanntes Quiz „{args.quiz}“; gültig sind: {', '.join(choices)}")
    sheet = worksheet.build_sheet(content, course_chapters, args.quiz, args.seed)
    page = worksheet.render(sheet, content)
    if out.suffix.lower() == ".html":
        out.write_text(page, encoding="utf-8")
    else:
        staging = out.with_name(f".{out.stem}.html")
        staging.write_text(page, encoding="utf-8")
        try:
            printing.print_pdf(staging, out)
        except printing.PrintError as error:
            print(f"Fehler: {error}", file=sys.stderr)
            return 1
        finally:
            staging.unlink(missing_ok=True)
    print(f"Arbeitsblatt mit {len(sheet.items)} Fragen und Lösungsschlüssel geschrieben: {out}")
    return 0


def add_commands(commands) -> None:
    sheet = commands.add_parser("worksheet", help="Papiertest mit Lösungsschlüssel schreiben (HTML oder PDF)")
    sheet.add_argument("--quiz", required=True, metavar="KAPITEL|abschlusstest",
                       help="Kapitel-ID oder abschlusstest (zieht Fragen wie der Test auf der Website)")
    sheet.add_argument("--seed", type=int, metavar="N",
                       help="Variante: gleiche Zahl, gleiches Blatt (ohne: Reihenfolge der Fragenbank)")
    sheet.add_argument("--out", required=True, metavar="DATEI.html|DATEI.pdf")
    sheet.set_defaults(run=command_worksheet)
    export = commands.add_parser("export", help="Fragenbanken für Moodle schreiben (GIFT oder Moodle-XML)")
    export.add_argument("--format", required=True, choices=["gift", "moodle-xml"],
                        help="gift (Textformat) oder moodle-xml (Moodle-XML-Format)")
    export.add_argument("--chapter", metavar="ID", help="nur das Quiz dieses Kapitels (Standard: alle)")
    export.add_argument("--out", required=True, metavar="DATEI", help="Zieldatei (.gift/.txt oder .xml)")
    export.set_defaults(run=command_export)
    package = commands.add_parser(
        "package", help="den Kurs als SCORM-Paket für ein LMS schreiben (Moodle, ILIAS, …)")
    package.add_argument("--format", required=True, choices=scorm.FORMATS,
                         help="scorm12 (SCORM 1.2) oder scorm2004 (SCORM 2004, 4. Ausgabe)")
    package.add_argument("--edition", choices=["trainee", "trainer"], default="trainee",
                         help="trainee (Standard) oder trainer")
    package.add_argument("--company", metavar="DATEI", help="Firmendatei (YAML) für eine Firmenausgabe")
    package.add_argument("--out", metavar="DATEI.zip",
                         help="Zieldatei (Standard: _build/kam-kurs-<format>.zip)")
    package.set_defaults(run=command_package)

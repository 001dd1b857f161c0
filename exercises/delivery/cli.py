"""Command-line entries that turn the course into other formats (``python -m exercises …``)."""

import argparse
import re
import shutil
import sys
from pathlib import Path

from exercises import PROJECT_DIR
from exercises.delivery import scorm
from exercises.delivery.schemas import SchemaError


def command_package(args: argparse.Namespace) -> int:
    from exercises.build import load_company
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
    site = edition_site(args, company_file, company)
    if isinstance(site, int):
        return site
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
    shutil.copytree(site, staging)
    try:
        scorm.write_package(staging, args.format, course, out)
    except SchemaError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"SCORM-Paket geschrieben: {out}")
    return 0


def edition_site(args: argparse.Namespace, company_file: Path | None, company) -> Path | int:
    """The built folder of the edition asked for: ``--site`` after checking it is that edition,
    or else a fresh build. An exit code if neither works."""
    from exercises.build import build, default_output

    if args.site:
        problem = built_edition_problem(Path(args.site), args.edition, company_file)
        return usage_error(problem) if problem else Path(args.site)
    if build(args.edition, company_file) != 0:
        return 1
    return default_output(args.edition, company)


def built_edition_problem(site: Path, edition: str, company_file: Path | None) -> str | None:
    """Why ``site`` is not a built copy of the edition asked for, or None. The layout names
    each edition in <meta name="kurs-ausgabe"> (exercises/sphinx/storagekey.py)."""
    from exercises.sphinx.storagekey import edition_name

    start = site / "book" / "intro.html"
    if not start.is_file():
        return f"--site: „{site}“ ist kein gebauter Kurs (book/intro.html fehlt)"
    found = re.search(r'<meta name="kurs-ausgabe" content="([^"]*)"', start.read_text(encoding="utf-8"))
    built = found.group(1) if found else ""  # the trainee edition has no such meta
    wanted = edition_name(edition, str(company_file) if company_file else "")
    if built != wanted:
        return (f"--site: „{site}“ ist die Ausgabe „{built or 'Teilnehmende'}“, nicht "
                f"„{wanted or 'Teilnehmende'}“; bitte --edition und --company passend angeben")
    return None


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


def command_handbook(args: argparse.Namespace) -> int:
    import time

    from exercises.build import load_company
    from exercises.delivery import handbook, printing
    from exercises.display import course

    out = Path(args.out)
    problem = writable(out, (".pdf",))
    if problem:
        return usage_error(problem)
    company_file = Path(args.company) if args.company else None
    if company_file and not company_file.is_file():
        return usage_error(f"--company: Datei „{company_file}“ nicht gefunden")
    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        return usage_error(f"--base-url: „{args.base_url}“ ist keine http(s)-Adresse, etwa https://kurs.example.de")
    started = time.monotonic()
    company = load_company(company_file) if company_file else None
    site = edition_site(args, company_file, company)
    if isinstance(site, int):
        return site
    trainer = args.edition == "trainer"
    edition = handbook.Edition(course()[0], trainer, args.base_url.rstrip("/") + "/" if args.base_url else "")
    try:
        parts, starts, total = handbook.write_handbook(
            site, edition,
            handbook.handbook_title(trainer, company.name if company else None), out)
    except printing.PrintError as error:
        return usage_error(str(error)) - 1  # exit 1: the command was right, printing failed
    counts = handbook.page_counts(starts, total)
    for part in parts:
        print(f"  S. {starts[part.page]:>3}  {counts[part.page]:>2} Seiten  {part.title}")
    print(f"Handbuch mit {total} Seiten in {time.monotonic() - started:.0f} s geschrieben: {out}")
    return 0


def listed(option: str, value: str | None, valid: list[str]) -> list[str] | str:
    """The ids of a comma-separated option, or why they are refused."""
    wanted = [part.strip() for part in (value or "").split(",") if part.strip()]
    unknown = [item for item in wanted if item not in valid]
    if unknown:
        return f"{option}: unbekannt „{', '.join(unknown)}“; gültig sind: {', '.join(valid)}"
    repeated = sorted({item for item in wanted if wanted.count(item) > 1})
    if repeated:
        return f"{option}: „{', '.join(repeated)}“ steht mehrfach in der Liste"
    return wanted


def assign_problem(args: argparse.Namespace, out: Path) -> str | None:
    """What makes an assignment sheet impossible, in the order a trainer would fix it."""
    problem = writable(out, (".html", ".md"))
    if problem:
        return problem
    if args.group is not None and not args.group.strip():
        return "--group: der Name der Gruppe ist leer"
    if args.base_url and not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", args.base_url):
        return f"--base-url: „{args.base_url}“ ist keine http(s)-Adresse, etwa https://kurs.example.de"
    if out.suffix == ".html" and not args.base_url:
        return ("--base-url: ein Blatt für Papier (.html) braucht die Adresse der Kurs-Website, "
                "damit Links und QR-Codes funktionieren")
    return None


def command_assign(args: argparse.Namespace) -> int:
    import datetime as dt

    from exercises.build import load_company
    from exercises.chapters import chapters
    from exercises.content import require_content
    from exercises.delivery import assign

    out = Path(args.out)
    problem = assign_problem(args, out)
    if problem:
        return usage_error(problem)
    try:
        due = dt.date.fromisoformat(args.due)
    except ValueError:
        return usage_error(f"--due: ungültiges Datum „{args.due}“; erwartet wird JJJJ-MM-TT, "
                           "zum Beispiel 2027-03-31")
    if due < dt.date.today() and not args.allow_past:
        return usage_error(f"--due: der {assign.german_date(due)} liegt in der Vergangenheit "
                           "(mit --allow-past trotzdem)")
    company_file = Path(args.company) if args.company else None
    if company_file and not company_file.is_file():
        return usage_error(f"--company: Datei „{company_file}“ nicht gefunden")
    company = load_company(company_file) if company_file else None
    left_out = set(company.kapitel_weglassen) if company else set()
    content = require_content()
    # numbered as in the edition's table of contents (a left-out chapter moves the rest up)
    edition = list(enumerate((c for c in chapters() if c.id not in left_out), 1))
    if company and company.zusatzkapitel:
        edition.append((len(edition) + 1, assign.extra_chapter(company, company_file)))
    chapter_ids = listed("--chapters", args.chapters, [chapter.id for _, chapter in edition])
    roleplay_ids = listed("--roleplays", args.roleplays, list(content.scenarios))
    for chosen in (chapter_ids, roleplay_ids):
        if isinstance(chosen, str):
            return usage_error(chosen)
    if not (chapter_ids or roleplay_ids or args.exam or args.selfcheck):
        return usage_error("nichts zugewiesen: --chapters, --roleplays, --exam oder --selfcheck angeben")
    base = args.base_url.rstrip("/") + "/" if args.base_url else ""
    rows = assign.chapter_rows(content, [(n, c) for n, c in edition if c.id in chapter_ids], base)
    rows += assign.roleplay_rows([content.scenarios[s] for s in roleplay_ids],
                                 PROJECT_DIR / "book" / "rollenspiele.md", base)
    rows += [assign.exam_row(content, base)] if args.exam else []
    rows += [assign.selfcheck_row(base)] if args.selfcheck else []
    assign.write_sheet(out, rows, due, args.group)
    print(f"Arbeitsblatt geschrieben: {out}")
    return 0


def command_report(args: argparse.Namespace) -> int:
    from exercises.chapters import chapters
    from exercises.content import require_content
    from exercises.delivery import report

    out = Path(args.out)
    problem = writable(out, (".html", ".csv"))
    if problem:
        return usage_error(problem)
    group = report.load_group([Path(name) for name in args.files])
    for line in group.skipped:
        print(f"Warnung: übersprungen: {line}", file=sys.stderr)
    if not group.trainees:
        return usage_error("keine der Dateien ließ sich auswerten")
    content = require_content()
    course = [(n, c) for n, c in enumerate(chapters(), 1) if c.id in content.quizzes]
    titles, numbers = {c.id: c.title for _, c in course}, {c.id: n for n, c in course}
    rows = [report.trainee_row(t, content, list(titles.items())) for t in group.trainees]
    shares = report.question_shares(group, content, list(titles))
    if out.suffix.lower() == ".csv":
        out.write_text(report.write_csv(rows, shares, titles), encoding="utf-8")
    else:
        out.write_text(report.write_html(rows, shares, titles, numbers, group.skipped), encoding="utf-8")
    print(f"Auswertung von {len(rows)} Teilnehmenden geschrieben: {out}")
    return 0


def command_slides(args: argparse.Namespace) -> int:
    from exercises.chapters import chapters
    from exercises.content import require_content
    from exercises.delivery import printing, slides

    out = Path(args.out)
    if not out.is_dir():
        return usage_error(f"--out: Ordner „{out}“ gibt es nicht; bitte zuerst anlegen")
    numbered = list(enumerate(chapters(), 1))
    valid = ["all"] + [chapter.id for _, chapter in numbered]
    if args.chapter not in valid:
        return usage_error(f"--chapter: unbekanntes Kapitel „{args.chapter}“; "
                           f"gültig sind: {', '.join(valid)}")
    chosen = [(number, chapter) for number, chapter in numbered if args.chapter in ("all", chapter.id)]
    try:
        written = slides.write_decks(chosen, require_content(), out)
    except printing.PrintError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    for path, count in written:
        print(f"{count} Folien geschrieben: {path}")
    return 0


def add_commands(commands) -> None:
    sheet = commands.add_parser("assign", help="Arbeitsauftrag für eine Gruppe schreiben (.html oder .md)")
    sheet.add_argument("--chapters", metavar="ID[,ID...]", help="Kapitel-IDs (in Kursreihenfolge nummeriert)")
    sheet.add_argument("--roleplays", metavar="ID[,ID...]", help="Rollenspiel-IDs (siehe inventory)")
    sheet.add_argument("--exam", action="store_true", help="den Abschlusstest zuweisen")
    sheet.add_argument("--selfcheck", action="store_true", help="den Selbstcheck zuweisen")
    sheet.add_argument("--due", required=True, metavar="JJJJ-MM-TT", help="Abgabedatum")
    sheet.add_argument("--allow-past", action="store_true", help="Abgabedatum in der Vergangenheit erlauben")
    sheet.add_argument("--group", metavar="NAME", help="Name der Gruppe")
    sheet.add_argument("--company", metavar="DATEI", help="Firmendatei: nur Kapitel dieser Ausgabe anbieten")
    sheet.add_argument("--base-url", default="", metavar="URL",
                       help="http(s)-Adresse der Kurs-Website (für .html nötig)")
    sheet.add_argument("--out", required=True, metavar="DATEI.html|DATEI.md")
    sheet.set_defaults(run=command_assign)
    sheet = commands.add_parser("worksheet", help="Papiertest mit Lösungsschlüssel schreiben (HTML oder PDF)")
    sheet.add_argument("--quiz", required=True, metavar="KAPITEL|abschlusstest",
                       help="Kapitel-ID oder abschlusstest (zieht Fragen wie der Test auf der Website)")
    sheet.add_argument("--seed", type=int, metavar="N",
                       help="Variante: gleiche Zahl, gleiches Blatt (ohne: Reihenfolge der Fragenbank)")
    sheet.add_argument("--out", required=True, metavar="DATEI.html|DATEI.pdf")
    sheet.set_defaults(run=command_worksheet)
    book = commands.add_parser("handbook", help="den ganzen Kurs als Handbuch zum Drucken (A4-PDF)")
    book.add_argument("--edition", choices=["trainee", "trainer"], default="trainee",
                      help="trainee (Standard) oder trainer (mit Trainer-Hinweisen und Lösungsschlüsseln)")
    book.add_argument("--company", metavar="DATEI", help="Firmendatei (YAML) für eine Firmenausgabe")
    book.add_argument("--base-url", default="", metavar="URL",
                      help="http(s)-Adresse der Kurs-Website: Links und QR-Codes zu den Rollenspielen")
    book.add_argument("--out", required=True, metavar="DATEI.pdf")
    book.add_argument("--site", metavar="ORDNER",
                      help="einen schon gebauten Ordner dieser Ausgabe drucken, statt neu zu bauen")
    book.set_defaults(run=command_handbook)
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
    package.add_argument("--site", metavar="ORDNER",
                         help="einen schon gebauten Ordner dieser Ausgabe verpacken, statt neu zu bauen")
    package.set_defaults(run=command_package)
    group = commands.add_parser("report", help="Ergebnisse einer Gruppe aus exportierten Fortschrittsdateien")
    group.add_argument("files", nargs="+", metavar="DATEI",
                       help="exportierte Dateien (kam-kurs-fortschritt.json)")
    group.add_argument("--out", required=True, metavar="DATEI.html|DATEI.csv",
                       help="Bericht (.html mit Diagramm) oder Tabelle für Excel/LibreOffice (.csv)")
    group.set_defaults(run=command_report)
    deck = commands.add_parser("slides", help="Folien je Kapitel für Trainer:innen (PowerPoint, .pptx)")
    deck.add_argument("--chapter", required=True, metavar="ID|all", help="Kapitel-ID oder all (alle Kapitel)")
    deck.add_argument("--out", required=True, metavar="ORDNER", help="vorhandener Ordner für die Dateien")
    deck.set_defaults(run=command_slides)

"""``python -m exercises salary``: the salary calculator on the command line.

Same model and numbers as the calculator in the Gehalt chapter
(``exercises/salary/model.py``). Options are taken as text and checked by the
model, so that a wrong or missing value gets a German message naming the
option and what it allows (exit 2), never a traceback.
"""

import argparse
import json
import os
import sys
from pathlib import Path

from exercises import PROJECT_DIR
from exercises.content import require_content
from exercises.salary.model import (
    ASSUMPTION,
    TARGET_PAY,
    Tables,
    company_lines,
    company_profile,
    describe_profile,
    estimate,
    euros,
    explain,
    level_text,
    parse_profile,
    result_json,
)

# model input -> command-line option
OPTIONS = {
    "industry": "--industry",
    "company_size": "--company-size",
    "years": "--years",
    "variable_share": "--variable-share",
    "region": "--region",
    "account_size": "--account-size",
}


def add_command(subparsers) -> None:
    salary = subparsers.add_parser(
        "salary", help="Jahresgehalt schätzen (wie der Gehaltsrechner im Kapitel Gehalt)",
        description="Schätzt das Bruttojahresgehalt von Key Account Manager:innen mit dem Modell des "
                    "Kurses. Ein falscher Wert nennt alle erlaubten Werte.")
    salary.add_argument("--industry", metavar="BRANCHE", help="Branche, z. B. maschinenbau")
    salary.add_argument("--company-size", metavar="GRÖSSE", help="klein, mittel, gross oder konzern")
    salary.add_argument("--years", metavar="N", help="Jahre Berufserfahrung (0 bis 50)")
    salary.add_argument("--variable-share", metavar="P", help="variabler Anteil in Prozent (0 bis 50)")
    salary.add_argument("--region", metavar="BUNDESLAND", help="optional, z. B. hessen")
    salary.add_argument("--account-size", metavar="GRÖSSE",
                        help="optional: Größe der Key Accounts, regional, national oder international")
    salary.add_argument("--team-lead", action="store_true", help="optional: mit Teamleitung")
    salary.add_argument("--json", action="store_true",
                        help="als JSON ausgeben (Euro; „rounded_to“ nennt die Rundung: 100, "
                             "in einer Firmenausgabe 1, weil deren Zahlen genau übernommen werden)")
    salary.set_defaults(run=command_salary)


def command_salary(args: argparse.Namespace) -> int:
    # A company edition's staged copy (KURS_PROJEKT, as for the notebook app) has the company's model.
    content = require_content(Path(os.environ.get("KURS_PROJEKT", PROJECT_DIR)))
    if content.salary is None:
        print("exercises/inhalte/gehaltsmodell.yml:1: Datei nicht gefunden", file=sys.stderr)
        return 1
    tables = content.salary_tables()
    raw = {name: getattr(args, name) for name in OPTIONS}
    if tables.company:
        return company_salary(tables, raw | {"team_lead": args.team_lead or None}, args.json)
    profile, errors = parse_profile(tables, {**raw, "team_lead": args.team_lead})
    if errors:
        for name, message in errors.items():
            print(f"Fehler bei {OPTIONS[name]}: {message}", file=sys.stderr)
        print("Hilfe: python -m exercises salary --help", file=sys.stderr)
        return 2
    result = estimate(tables, profile)
    if args.json:
        print(json.dumps(result_json(tables, result), ensure_ascii=False, indent=2))
        return 0
    print(f"Gehaltsschätzung für Key Account Manager:innen (brutto, {tables.level})")
    print(level_text(tables))
    print(f"Profil: {describe_profile(tables, profile)}")
    print(f"Jahresgehalt typisch: {euros(result.typical)} "
          f"(Spanne {euros(result.low)} bis {euros(result.high)})")
    print(f"Im Monat typisch: {euros(result.monthly_typical)} (Jahreswert geteilt durch 12)")
    print(f"Davon Fixum: {euros(result.fixed_typical)}, "
          f"variabel {TARGET_PAY}: {euros(result.variable_typical)}")
    print("Warum diese Zahl?")
    for line in explain(tables, profile):
        print(f"  - {line}")
    print("Quellen: " + "; ".join(tables.source_labels[key][0] for key in result.sources))
    if ASSUMPTION in result.sources:
        made = tables.source_labels[ASSUMPTION][1]
        print(f"„Annahme des Kurses“ steht für eigene Annahmen (getroffen {made}), nicht für Daten.")
    print("Eine Schätzung mit offengelegten Annahmen: echte Angebote können deutlich abweichen.")
    return 0


def company_salary(tables: Tables, raw: dict, as_json: bool) -> int:
    """A company edition: its figures as entered; an option would change nothing, so it is refused."""
    given = [name for name, value in raw.items() if value is not None]
    if given:
        for name in given:
            option = OPTIONS.get(name, "--team-lead")
            print(f"Fehler bei {option}: gilt in dieser Ausgabe nicht; der Rechner zeigt die Zahlen von "
                  f"{tables.company.name} so, wie sie angegeben sind, ohne Marktfaktoren", file=sys.stderr)
        print("Hilfe: python -m exercises salary (ohne Optionen, oder nur mit --json)", file=sys.stderr)
        return 2
    if as_json:
        result = estimate(tables, company_profile(tables))
        print(json.dumps(result_json(tables, result), ensure_ascii=False, indent=2))
        return 0
    print(f"Gehalt für Key Account Manager:innen (brutto, {tables.level})")
    print(level_text(tables))
    for line in company_lines(tables):
        print(line)
    print("Quellen: " + "; ".join(tables.source_labels[key][0] for key in tables.base_sources))
    return 0

"""``python -m exercises discount``: the discount calculator on the command line.

Same model and rounding as the calculator in the Anforderungen chapter
(``exercises/discount/model.py``). Options are taken as text and checked by
the model; argparse's own English messages for this command are replaced by
German ones. Wrong use exits 2 with a message naming the option, never a
traceback.
"""

import argparse
import json
import re
import sys

from exercises.content import require_content
from exercises.discount.model import SOURCE, increase_text, loss_text, parse_inputs, percent, result_json
from exercises.discount.page import source_json

OPTIONS = {"margin": "--margin", "discount": "--discount", "increase": "--increase"}
HELP = "Hilfe: python -m exercises discount --help"


def german_usage_error(message: str) -> None:
    """Replaces ArgumentParser.error for this command: argparse's wording in German, exit 2."""
    missing_value = re.fullmatch(r"argument (--[a-z-]+): expected one argument", message)
    if missing_value:
        message = f"Fehler bei {missing_value[1]}: Wert fehlt; erwartet wird eine Zahl von 0 bis 100"
    else:
        message = f"Fehler: {message}"
    print(message, file=sys.stderr)
    print(HELP, file=sys.stderr)
    sys.exit(2)


def add_command(subparsers) -> None:
    discount = subparsers.add_parser(
        "discount", help="Was kostet ein Rabatt? (wie der Rabattrechner im Kapitel Anforderungen)",
        description="Rechnet aus, wie viel mehr Menge ein Rabatt verlangt, damit der Deckungsbeitrag "
                    "gleich bleibt, und wie viel Menge eine Preiserhöhung verlieren darf. Alle Werte in "
                    "Prozent des Preises, 0 bis 100, mit Komma oder Punkt.")
    discount.add_argument("--margin", metavar="M", help="Marge (Deckungsbeitrag in %% des Preises), über 0")
    discount.add_argument("--discount", metavar="R", help="Rabatt in %%, kleiner als die Marge")
    discount.add_argument("--increase", metavar="P", help="Preiserhöhung in %%")
    discount.add_argument("--json", action="store_true", help="als JSON ausgeben (eine Nachkommastelle)")
    discount.error = german_usage_error
    discount.set_defaults(run=command_discount)


def command_discount(args: argparse.Namespace) -> int:
    raw = {name: getattr(args, name) for name in OPTIONS}
    values, errors = parse_inputs(raw)
    if args.discount is None and args.increase is None:
        errors["discount"] = "bitte --discount (Rabatt) oder --increase (Preiserhöhung) angeben, oder beide"
    if errors:
        for name, message in errors.items():
            print(f"Fehler bei {OPTIONS[name]}: {message}", file=sys.stderr)
        print(HELP, file=sys.stderr)
        return 2
    source = require_content().sources[SOURCE]
    if args.json:
        print(json.dumps(result_json(values, source_json(source)), ensure_ascii=False, indent=2))
        return 0
    print(f"Was kostet ein Rabatt? Marge {percent(values['margin'])} des Preises")
    if "discount" in values:
        print(increase_text(values["margin"], values["discount"]))
    if "increase" in values:
        print(loss_text(values["margin"], values["increase"]))
    print(f"Quelle der Formel: {source.kurz}. Gilt nur, wenn die Kosten je Stück gleich bleiben.")
    return 0

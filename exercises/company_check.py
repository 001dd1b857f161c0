"""Everything about a company file that would break its build, found by ``check``.

HR staff write these files, not programmers: each problem names the line of
the company's own file and says in plain German what to change.
"""

import re
from pathlib import Path

from exercises.company import LOGO_FORMATS, Company
from exercises.problems import Problem
from exercises.yamlfile import YamlFile

# Local files an extra chapter shows: Markdown images, figure/image directives, HTML images.
FILE_REFERENCES = (
    re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)"),
    re.compile(r"^\s*(?:```+|:::+)\s*\{(?:figure|image)\}\s+(\S+)", re.MULTILINE),
    re.compile(r"""<img\b[^>]*\bsrc=["']([^"']+)"""),
)
# An unquoted colour starts a YAML comment; a dot as thousands separator makes 72.000 the number 72.
UNQUOTED_COLOUR = re.compile(r"^\s*[\w-]+:\s*(#[0-9a-fA-F]{3,8})\b")
THOUSANDS_DOT = re.compile(r"^\s*([\w-]+):\s*(\d{1,3}(?:\.\d{3})+)\s*(?:#.*)?$")


def text_hints(path: Path) -> list[Problem]:
    """Mistakes that are valid YAML but not what the author meant."""
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        colour = UNQUOTED_COLOUR.match(line)
        if colour:
            quoted = f'"{colour.group(1)}"'
            problems.append(Problem(path, number, f"Farben in Anführungszeichen setzen: {quoted} "
                                    "(ohne sie liest YAML alles ab # als Kommentar)"))
        amount = THOUSANDS_DOT.match(line)
        if amount:
            plain = amount.group(2).replace(".", "")
            problems.append(Problem(path, number, f"{amount.group(1)}: Zahlen ohne Tausenderpunkt schreiben, "
                                    f"also {plain} statt {amount.group(2)}"))
    return problems


def referenced_files(markdown: str) -> list[str]:
    found = []
    for pattern in FILE_REFERENCES:
        found += [match.group(1) for match in pattern.finditer(markdown)]
    return list(dict.fromkeys(found))


def is_remote(reference: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", reference))


def extra_chapter_problems(company: Company, yaml_file: YamlFile) -> list[Problem]:
    where = ["zusatzkapitel", "datei"]
    extra = company.path_of(yaml_file.path, company.zusatzkapitel.datei)
    if not extra.is_file() or extra.suffix != ".md":
        return [yaml_file.problem(where, f"Zusatzkapitel „{company.zusatzkapitel.datei}“ nicht gefunden "
                                  "(eine Markdown-Datei .md neben der Firmendatei)")]
    problems = []
    for reference in referenced_files(extra.read_text(encoding="utf-8")):
        if is_remote(reference):
            problems.append(yaml_file.problem(where, f"Das Zusatzkapitel zeigt „{reference}“ aus dem Netz; "
                                              "der Kurs lädt nichts von fremden Servern – die Datei "
                                              "neben das Kapitel legen und den Pfad angeben"))
        elif Path(reference).is_absolute() or not (extra.parent / reference).resolve().is_file():
            problems.append(yaml_file.problem(where, f"Das Zusatzkapitel braucht „{reference}“, die Datei "
                                              f"fehlt (Pfade gelten ab {extra.parent.name}/)"))
    return problems


def logo_problems(company: Company, yaml_file: YamlFile, field: str) -> list[Problem]:
    name = getattr(company, field)
    if name is None:
        return []
    logo = company.path_of(yaml_file.path, name)
    formats = ", ".join(f.lstrip(".").upper() for f in LOGO_FORMATS)
    if logo.suffix.lower() not in LOGO_FORMATS:
        return [yaml_file.problem([field], f"Logo „{name}“: dieses Format zeigen nicht alle Browser; "
                                  f"möglich sind {formats}")]
    if not logo.is_file():
        return [yaml_file.problem([field], f"Logo „{name}“ nicht gefunden (Pfade gelten ab dem Ordner "
                                  "der Firmendatei)")]
    return []


def left_out_problems(company: Company, yaml_file: YamlFile, chapter_ids: list[str]) -> list[Problem]:
    """Only article chapters can go, and at least one must stay."""
    problems = []
    valid = ", ".join(chapter_ids)
    for index, chapter_id in enumerate(company.kapitel_weglassen):
        if chapter_id not in chapter_ids:
            problems.append(yaml_file.problem(["kapitel_weglassen", index],
                                              f"„{chapter_id}“ ist kein Kapitel, das wegfallen kann; "
                                              f"möglich sind (in Kursreihenfolge): {valid}"))
    if chapter_ids and set(chapter_ids) <= set(company.kapitel_weglassen):
        problems.append(yaml_file.problem(["kapitel_weglassen"], "Mindestens ein Kapitel muss bleiben: "
                                          "ohne Kapitel gibt es weder Inhalte noch einen Abschlusstest"))
    return problems


def company_file_problems(company: Company, yaml_file: YamlFile, chapter_ids: list[str]) -> list[Problem]:
    """Logos, extra chapter with its files, and the chapters to leave out."""
    problems = logo_problems(company, yaml_file, "logo") + logo_problems(company, yaml_file, "logo_dunkel")
    if company.zusatzkapitel:
        problems += extra_chapter_problems(company, yaml_file)
    return problems + left_out_problems(company, yaml_file, chapter_ids)

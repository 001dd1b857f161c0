"""``python -m exercises build``: the trainee, trainer and company editions.

A company edition is built from a staging copy of the course with the
company's logo, colours, extra chapter and left-out chapters applied, so the
course itself never changes and no code is needed per company.
"""

import os
import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from exercises import PROJECT_DIR, content_dir
from exercises.chapters import chapters
from exercises.company import MIN_CONTRAST, Company, luminance
from exercises.company_check import is_remote, referenced_files
from exercises.content import load_content
from exercises.problems import ContentError

COPIED = ("book", "assets", "_config.yml", "_toc.yml")
# What a reference to a left-out chapter says instead of a link.
NOT_HERE = " (nicht in dieser Ausgabe)"


# The theme's dark page and its lighter surface (boxes, feedback): a company's accent
# is lightened until it reaches the AA contrast on the lighter one, so on both.
DARK_PAGE, DARK_SURFACE = "#121212", "#29313d"


def mix(colour: str, other: str, share_of_other: float) -> str:
    channels = [(int(colour[i:i + 2], 16), int(other[i:i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(a + (b - a) * share_of_other):02x}" for a, b in channels)


def contrast(first: str, second: str) -> float:
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def dark_mode_accent(colour: str) -> str:
    """The least whitened shade of ``colour`` that is readable on the dark surface."""
    shades = (mix(colour, "#ffffff", step / 20) for step in range(21))
    return next(shade for shade in shades if contrast(shade, DARK_SURFACE) >= MIN_CONTRAST)


def default_output(edition: str, company: Company | None) -> Path:
    if company:
        return PROJECT_DIR / "_build" / f"firma-{company.kurzname}" / edition / "html"
    return PROJECT_DIR / "_build" / ("html" if edition == "trainee" else "trainer/html")


def load_company(company_file: Path) -> Company:
    content, problems = load_content([company_file])
    if problems or content.company is None:
        raise ContentError(problems)
    return content.company


def sync_folder(fresh: Path, target: Path) -> Path:
    """Move ``fresh`` onto ``target``, touching only files whose bytes changed.

    Sphinx re-reads a page when its file is newer than its last read, so a
    second build of the same company file re-reads nothing that stayed the same.
    """
    for path in sorted(fresh.rglob("*")):
        if path.is_file():
            old = target / path.relative_to(fresh)
            if not old.is_file() or old.read_bytes() != path.read_bytes():
                old.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, old)  # a changed file is new now
    for path in sorted(target.rglob("*"), reverse=True):  # children before their folders
        if (fresh / path.relative_to(target)).exists():
            continue
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()
    shutil.rmtree(fresh)
    return target


def stage_company(company: Company, company_file: Path, staging: Path) -> Path:
    """A copy of the course with the company's choices applied."""
    if staging.exists():
        shutil.rmtree(staging)
    for name in COPIED:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, staging / name)
        else:
            shutil.copy2(source, staging / name)
    left_out = set(company.kapitel_weglassen)
    shutil.copytree(content_dir(PROJECT_DIR), content_dir(staging), ignore=shutil.ignore_patterns(
        *[f"quiz-{c}.yml" for c in left_out], *[f"trainer-{c}.yml" for c in left_out]))

    titles = {c.id: c.title for c in chapters(PROJECT_DIR / "_toc.yml")}
    for page in (staging / "book").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for chapter_id in left_out:  # links to left-out chapters become plain titles
            text = re.sub(r"\{doc\}`([^`<]*?)\s*<" + re.escape(chapter_id) + ">`", r"„\1“" + NOT_HERE, text)
            text = text.replace(f"{{doc}}`{chapter_id}`", f"„{titles[chapter_id]}“{NOT_HERE}")
        page.write_text(text, encoding="utf-8")

    yaml = YAML()
    toc = yaml.load((staging / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc["parts"]:
        part["chapters"] = [e for e in part["chapters"] if Path(e["file"]).name not in left_out]
    if company.zusatzkapitel:
        extra = company.extra_chapter_id
        extra_source = company.path_of(company_file, company.zusatzkapitel.datei)
        shutil.copy2(extra_source, staging / "book" / f"{extra}.md")
        for reference in referenced_files(extra_source.read_text(encoding="utf-8")):
            if not is_remote(reference):  # images beside the chapter go along (check vouches for them)
                target = staging / "book" / reference
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(extra_source.parent / reference, target)
        chapters_part = next(p for p in toc["parts"] if p["caption"] == "Kapitel")
        chapters_part["chapters"].append({"file": f"book/{extra}"})
    with (staging / "_toc.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(toc, handle)

    if company.gehalt:
        apply_company_salary(company, staging, yaml)

    logo = company.path_of(company_file, company.logo)
    logo_name = f"firma-logo{logo.suffix.lower()}"
    shutil.copy2(logo, staging / "assets" / logo_name)
    (staging / "assets" / "firma.css").write_text(
        "/* Colours of the company edition (generated from the company file). */\n"
        f":root {{\n  --kurs-akzent: {company.farben.akzent};\n}}\n"
        # the theme's own colours only in light mode: a dark accent is unreadable on dark
        f'html[data-theme="light"] {{\n  --pst-color-primary: {company.farben.akzent};\n'
        f"  --pst-color-link: {company.farben.akzent};\n"
        f"  --pst-color-link-hover: {company.farben.akzent};\n}}\n"
        # in dark mode a lighter shade of the same colour, readable on the dark page
        f'html[data-theme="dark"]:root {{\n  --kurs-akzent: {dark_mode_accent(company.farben.akzent)};\n'
        f'  --kurs-akzent-hell: {mix(company.farben.akzent, DARK_PAGE, 0.75)};\n}}\n',
        encoding="utf-8")
    config = yaml.load((staging / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"KAM-Kurs – {company.name}"
    config["logo"] = f"assets/{logo_name}"
    dark_logo_name = logo_name
    if company.logo_dunkel:  # named so that the light backdrop of kurs.css leaves it alone
        dark_logo = company.path_of(company_file, company.logo_dunkel)
        dark_logo_name = f"firma-dunkel{dark_logo.suffix.lower()}"
        shutil.copy2(dark_logo, staging / "assets" / dark_logo_name)
    config["sphinx"]["config"]["html_theme_options"]["logo"]["image_dark"] = f"_static/{dark_logo_name}"
    with (staging / "_config.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(config, handle)
    return staging


# The model's plausibility check asks every mid-career profile to lie in a window; for a
# company's own figures that window is its band widened by this share on both sides.
COMPANY_WINDOW = 0.3


def apply_company_salary(company: Company, staging: Path, yaml: YAML) -> None:
    """The company's figures become sourced figures that the salary model points to."""
    salary, inhalte = company.gehalt, content_dir(staging)
    figures = {"firma_ausgangswert": salary.ausgangswert, "firma_spanne_von": salary.spanne_von,
               "firma_spanne_bis": salary.spanne_bis,
               "firma_pruefung_von": round(salary.spanne_von * (1 - COMPANY_WINDOW)),
               "firma_pruefung_bis": round(salary.spanne_bis * (1 + COMPANY_WINDOW))}
    entries = {key: {"wert": value, "einheit": "€", "quelle": "firma"} for key, value in figures.items()}
    if salary.variabler_anteil is not None:
        entries["firma_variabler_anteil"] = {"wert": salary.variabler_anteil, "einheit": "%",
                                             "quelle": "firma"}
    with (inhalte / "zahlen-firma.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(entries, handle)
    sources = yaml.load((inhalte / "quellen.yml").read_text(encoding="utf-8"))
    sources["firma"] = {"kurz": f"Angaben von {company.name}", "jahr": salary.jahr, "thema": "Gehalt",
                        "angabe": f"Gehaltszahlen, die {company.name} für diese Ausgabe des Kurses angibt. "
                                  "Sie ersetzen im Gehaltsrechner die allgemeinen Marktwerte."}
    with (inhalte / "quellen.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(sources, handle)

    model = yaml.load((inhalte / "gehaltsmodell.yml").read_text(encoding="utf-8"))

    def cite(figure: str, note: str | None = None) -> dict:
        value = {"zahl": figure, "quelle": "firma", "jahr": salary.jahr}
        return {**value, "hinweis": note} if note else value

    model["ausgangswert"] = cite("firma_ausgangswert", f"Zahl von {company.name} für diese Ausgabe.")
    model["spanne"] = {"unten": cite("firma_spanne_von"), "oben": cite("firma_spanne_bis")}
    model["richtwert"]["von"] = cite("firma_pruefung_von")
    model["richtwert"]["bis"] = cite("firma_pruefung_bis")
    if salary.variabler_anteil is not None:
        model["variabler_anteil"] = cite("firma_variabler_anteil")
    model.pop("fortschreibung", None)  # the company's figures are of its own year already
    # company mode: the calculator shows these figures as entered, no market factor on top
    model["firma"] = {"name": company.name, "variabler_anteil": salary.variabler_anteil is not None}
    with (inhalte / "gehaltsmodell.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(model, handle)


def build(edition: str = "trainee", company_file: Path | None = None, out: Path | None = None) -> int:
    from jupyter_book.sphinx import build_sphinx

    company = load_company(company_file) if company_file else None
    source = PROJECT_DIR
    overrides = {"kurs_edition": edition}
    if company:
        staging = PROJECT_DIR / "_build" / "staging" / company.kurzname
        fresh = stage_company(company, company_file, staging.with_name(f"{company.kurzname}.neu"))
        source = sync_folder(fresh, staging)
        overrides["kurs_firma"] = str(company_file.resolve())
        os.environ["KURS_FIRMA"] = overrides["kurs_firma"]
    out = (out or default_output(edition, company)).resolve()
    overrides.update({"external_toc_path": str(source / "_toc.yml"), "nitpicky": True,
                      "latex_individualpages": False})
    # The kernels that run the pages' one-line calls read the same project.
    os.environ["KURS_PROJEKT"] = str(source)
    result = build_sphinx(source, out, noconfig=True, path_config=str(source / "_config.yml"),
                          confoverrides=overrides, warningiserror=True, keep_going=True)
    if result != 0:
        print(f"Der Build ist fehlgeschlagen: {result}")
        return 1
    print(f"Fertig: {out / 'index.html'}")
    return 0

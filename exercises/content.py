"""Load and validate the course's content data with cross-references.

``load_content`` never raises on bad content: it returns what is valid and a
list of problems, so ``python -m exercises check`` can report all of them.
Checking single files still loads the rest of the project as context (so
references resolve) but reports only the problems of the files asked for.
"""

import hashlib
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from exercises import PROJECT_DIR, content_dir, package_fingerprint
from exercises.chapters import Chapter, chapter_files, chapters, parse_chapter, section_labels
from exercises.company import Company
from exercises.company_check import company_file_problems, text_hints
from exercises.models import Figure, GlossaryEntry, Source, validation_errors
from exercises.problems import ContentError, Problem
from exercises.quiz.model import Exam, Numeric, QuizBank
from exercises.quiz.rules import bank_figures, bank_problems, near_duplicates, numeric_problem
from exercises.roleplay.model import Scenario, buyer_name_problems, graph_problems
from exercises.salary.model import SalaryModel, Tables, example_references, parameter_problems, tables
from exercises.selfcheck import SelfCheck
from exercises.trainer import TrainerNotes, plan_problems
from exercises.workbook.checks import workbook_problems
from exercises.workbook.model import Workbook
from exercises.writing.model import WritingTask, WritingTasks, chapter_problems, collect
from exercises.yamlfile import YamlFile, read_yaml

# Which files hold what. "entries": a mapping of id -> entry; "document": one model.
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "quellen.yml": (Source, "entries"),
    "zahlen*.yml": (Figure, "entries"),
    "glossar-*.yml": (GlossaryEntry, "entries"),
    "quiz-*.yml": (QuizBank, "document"),
    "roleplay-*.yml": (Scenario, "document"),
    "abschlusstest.yml": (Exam, "document"),
    "trainer-*.yml": (TrainerNotes, "document"),
    "selbstcheck.yml": (SelfCheck, "document"),
    "schreibaufgaben*.yml": (WritingTasks, "document"),
    "gehaltsmodell.yml": (SalaryModel, "document"),
    "arbeitsmappe.yml": (Workbook, "document"),
    # Company files live outside the course content and are checked when named.
    "firma*.yml": (Company, "document"),
}
MIN_QUESTIONS_PER_OBJECTIVE = 2

# {zahl}`id`, {quelle}`id`, {term}`Begriff` and {gehalt}`beispiel.feld` in chapter Markdown.
REFERENCE = re.compile(r"\{(zahl|quelle|term|gehalt)\}`([^`]+)`")


@dataclass
class Content:
    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    quizzes: dict[str, QuizBank] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    exam: Exam | None = None
    trainer_notes: dict[str, TrainerNotes] = field(default_factory=dict)
    selfcheck: SelfCheck | None = None
    company: Company | None = None
    salary: SalaryModel | None = None
    workbook: Workbook | None = None
    writing: dict[str, WritingTask] = field(default_factory=dict)
    # where each entry was defined, for cross-reference messages
    origin: dict[tuple[str, str], YamlFile] = field(default_factory=dict)

    def figure_value(self, figure_id: str) -> float:
        return self.figures[figure_id].wert

    def solution(self, question: Numeric) -> float:
        """A numeric question's answer, with figure ids resolved."""
        if isinstance(question.loesung, str):
            return self.figure_value(question.loesung)
        return question.loesung

    def salary_tables(self) -> Tables:
        """The salary model's factors (for a model without problems)."""
        return tables(self.salary, self.figures, self.sources)


def content_files(directory: Path) -> list[tuple[Path, type[BaseModel], str]]:
    files = []
    for pattern, (model, shape) in KINDS.items():
        files += [(path, model, shape) for path in sorted(directory.glob(pattern))]
    return files


def kind_of(path: Path, project: Path = PROJECT_DIR) -> tuple[type[BaseModel], str] | None:
    for pattern, kind in KINDS.items():
        if path.match(pattern):
            return kind
    # A company names its file as it likes: any YAML file outside the course content.
    outside = content_dir(project).resolve() not in path.resolve().parents
    return KINDS["firma*.yml"] if outside and path.suffix in {".yml", ".yaml"} else None


def _plain(value):
    """ruamel's commented containers as plain dicts and lists (strict models)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def validate(yaml_file: YamlFile, model: type[BaseModel], location: list, prefix: str = ""):
    """(model or None, problems) for the data at ``location`` of ``yaml_file``."""
    data = yaml_file.data
    for key in location:
        data = data[key]
    try:
        return model.model_validate(_plain(data)), []
    except ValidationError as error:
        return None, [yaml_file.problem([*location, *where], prefix + message)
                      for where, message in validation_errors(error)]


class Loader:
    """Collects valid content and problems while reading files in order."""

    def __init__(self):
        self.content = Content()
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[BaseModel], shape: str) -> None:
        yaml_file, problems = read_yaml(path)
        self.problems += problems
        if yaml_file is None:
            return
        if yaml_file.data is None:
            self.problems.append(Problem(path, 1, "die Datei ist leer"))
        elif not isinstance(yaml_file.data, dict):
            self.problems.append(yaml_file.problem([], "erwartet eine Zuordnung „schlüssel: wert“"))
        elif shape == "entries":
            self.read_entries(yaml_file, model)
        else:
            document, problems = validate(yaml_file, model, [])
            if model is Company:  # plain-German hints replace the parser's view of the same line
                hints = text_hints(path)
                hinted = {hint.line for hint in hints}
                problems = hints + [p for p in problems if p.line not in hinted]
            self.problems += problems
            if document is not None:
                self.add_document(yaml_file, document)

    def read_entries(self, yaml_file: YamlFile, model: type[BaseModel]) -> None:
        target = {Source: self.content.sources, Figure: self.content.figures,
                  GlossaryEntry: self.content.glossary}[model]
        for key in yaml_file.data:
            if not isinstance(key, str) or not key.strip():
                self.problems.append(yaml_file.problem([key], f"ungültige ID {key!r}"))
                continue
            entry, problems = validate(yaml_file, model, [key], prefix=f"{key}: ")
            self.problems += problems
            if entry is None:
                continue
            if key in target:
                first = self.content.origin[(model.__name__, key)]
                self.problems.append(yaml_file.problem(
                    [key], f"„{key}“ ist schon in {first.path.name} definiert"))
                continue
            target[key] = entry
            self.content.origin[(model.__name__, key)] = yaml_file

    def add_document(self, yaml_file: YamlFile, document: BaseModel) -> None:
        if isinstance(document, WritingTasks):  # tasks of several files share one id space
            self.problems += collect(document, yaml_file, self.content.writing, self.content.origin)
            return
        if isinstance(document, QuizBank):
            key, target = document.kapitel, self.content.quizzes
        elif isinstance(document, Scenario):
            key, target = document.id, self.content.scenarios
        elif isinstance(document, TrainerNotes):
            key, target = document.kapitel, self.content.trainer_notes
        else:  # one of a kind: exam, self-check, company, salary model, workbook
            name = {Exam: "exam", SelfCheck: "selfcheck", Company: "company",
                    SalaryModel: "salary", Workbook: "workbook"}[type(document)]
            setattr(self.content, name, document)
            self.content.origin[(type(document).__name__, "")] = yaml_file
            return
        if key in target:
            first = self.content.origin[(type(document).__name__, key)]
            self.problems.append(yaml_file.problem([], f"„{key}“ gibt es schon in {first.path.name}"))
            return
        target[key] = document
        self.content.origin[(type(document).__name__, key)] = yaml_file


def load_content(
    paths: list[Path] | None = None,
    chapters_to_check: list[Path] | None = None,
    project: Path = PROJECT_DIR,
    extra: list[Path] | None = None,
) -> tuple[Content, list[Problem]]:
    """Load all content of ``project``; ``paths`` replace or add files and limit the report.

    ``extra`` files (a company file) are loaded too, and all their problems reported.
    """
    files = content_files(content_dir(project))
    files += [(path, *(kind_of(path, project) or (None, None))) for path in extra or []]
    if paths is not None:
        asked = {path.name for path in paths}
        files = [f for f in files if f[0].name not in asked]
        files += [(path, *(kind_of(path, project) or (None, None))) for path in paths]
    loader = Loader()
    for path, model, shape in files:
        if model is None:
            loader.problems.append(Problem(path, 1, "unbekannte Inhaltsdatei (erwartet: "
                                           + ", ".join(KINDS) + ")"))
        else:
            loader.read(path, model, shape)
    content, problems = loader.content, loader.problems
    course_chapters = {chapter.id: chapter for chapter in chapters(project / "_toc.yml")}
    problems += source_reference_problems(content)
    problems += quiz_problems(content, course_chapters)
    # A company edition may leave chapters out of its toc; scenarios and the self-check
    # may still name them (they are then shown without a link).
    known = set(course_chapters) | {path.stem for path in (project / "book").glob("*.md")}
    problems += scenario_problems(content, known)
    problems += trainer_problems(content, course_chapters)
    problems += selfcheck_problems(content, known)
    problems += chapter_problems(content.writing, content.origin, known)
    # In a company edition's staged copy, its left-out chapters are files without a toc entry.
    left_out = sorted(path.stem for path in (project / "book").glob("*.md")
                      if path.stem not in course_chapters and parse_chapter(path) is not None)
    problems += company_problems(content, [*course_chapters, *left_out])
    problems += salary_problems(content)
    if content.workbook is not None:
        yaml_file = content.origin[("Workbook", "")]
        problems += [yaml_file.problem(location, message) for location, message
                     in workbook_problems(content.workbook, content.scenarios, content.sources)]
    problems += chapter_reference_problems(content, chapters_to_check or [])
    if paths is not None:
        reported = {path.resolve() for path in [*paths, *(chapters_to_check or [])]}
        problems = [p for p in problems if p.path.resolve() in reported]
    return content, sorted(set(problems))


def source_reference_problems(content: Content) -> list[Problem]:
    """Figures and glossary entries must cite an existing source."""
    problems = []
    for kind, entries in (("Figure", content.figures), ("GlossaryEntry", content.glossary)):
        for key, entry in entries.items():
            if entry.quelle is not None and entry.quelle not in content.sources:
                problems.append(content.origin[(kind, key)].problem(
                    [key, "quelle"], f"{key}: unbekannte Quelle „{entry.quelle}“"))
    return problems


def quiz_problems(content: Content, course_chapters: dict[str, Chapter]) -> list[Problem]:
    """Chapter, sections, objectives and figures named by the question banks must exist."""
    problems = []
    seen_ids: dict[str, str] = {}
    for chapter_id, bank in content.quizzes.items():
        yaml_file = content.origin[("QuizBank", chapter_id)]
        chapter = course_chapters.get(chapter_id)
        if chapter is None:
            problems.append(yaml_file.problem(["kapitel"], f"unbekanntes Kapitel „{chapter_id}“; "
                                              "vorhanden: " + ", ".join(course_chapters)))
            continue
        if yaml_file.path.name != f"quiz-{chapter_id}.yml":
            problems.append(yaml_file.problem(["kapitel"], f"Datei muss quiz-{chapter_id}.yml heißen"))
        labels = section_labels(chapter.path)
        for index, question in enumerate(bank.fragen):
            where = ["fragen", index]
            if question.id in seen_ids:
                problems.append(yaml_file.problem(
                    [*where, "id"], f"doppelte Fragen-ID „{question.id}“ (auch in {seen_ids[question.id]})"))
            seen_ids[question.id] = yaml_file.path.name
            if question.abschnitt not in labels:
                problems.append(yaml_file.problem(
                    [*where, "abschnitt"], f"{question.id}: Abschnitt „{question.abschnitt}“ gibt es im "
                    f"Kapitel {chapter_id} nicht; vorhanden: " + ", ".join(labels)))
            if question.lernziel > len(chapter.objectives):
                problems.append(yaml_file.problem(
                    [*where, "lernziel"], f"{question.id}: Lernziel {question.lernziel} gibt es nicht; "
                    f"das Kapitel hat {len(chapter.objectives)}"))
            if isinstance(question, Numeric):
                problems += numeric_problems(content, yaml_file, where, question)
        tested = Counter(question.lernziel for question in bank.fragen)
        for objective in range(1, len(chapter.objectives) + 1):
            if tested[objective] < MIN_QUESTIONS_PER_OBJECTIVE:
                problems.append(yaml_file.problem(
                    ["kapitel"], f"Lernziel {objective} wird von {tested[objective]} Frage(n) geprüft, "
                    f"nötig sind mindestens {MIN_QUESTIONS_PER_OBJECTIVE}"))
        problems += [yaml_file.problem(["fragen"], message) for message in bank_problems(bank_figures(bank))]
    for chapter_id, index, other, other_id, value in near_duplicates(content.quizzes):
        question = content.quizzes[chapter_id].fragen[index]
        problems.append(content.origin[("QuizBank", chapter_id)].problem(
            ["fragen", index], f"{question.id}: fast gleich wie „{other_id}“ in quiz-{other}.yml "
            f"(Ähnlichkeit {value:.2f}); der Abschlusstest zieht aus allen Kapiteln"))
    return problems


def numeric_problems(content, yaml_file, where, question: Numeric) -> list[Problem]:
    if isinstance(question.loesung, str) and question.loesung not in content.figures:
        return [yaml_file.problem([*where, "loesung"],
                                  f"{question.id}: unbekannte Zahl „{question.loesung}“")]
    solution = content.solution(question)
    low, high = question.accepted(solution)
    if not low <= solution <= high:
        return [yaml_file.problem([*where, "bereich"],
                                  f"{question.id}: die Lösung liegt nicht im Bereich")]
    figures = {key: figure.wert for key, figure in content.figures.items()}
    message = numeric_problem(question, solution, figures)
    if message is None:
        return []
    return [yaml_file.problem([*where, "rechenweg" if question.rechenweg else "loesung"], message)]


def scenario_problems(content: Content, course_chapters) -> list[Problem]:
    problems = []
    for scenario_id, scenario in content.scenarios.items():
        yaml_file = content.origin[("Scenario", scenario_id)]
        if yaml_file.path.name != f"roleplay-{scenario_id}.yml":
            problems.append(yaml_file.problem(["id"], f"Datei muss roleplay-{scenario_id}.yml heißen"))
        if scenario.kapitel not in course_chapters:
            problems.append(yaml_file.problem(["kapitel"], f"unbekanntes Kapitel „{scenario.kapitel}“; "
                                              "vorhanden: " + ", ".join(course_chapters)))
        problems += [yaml_file.problem(location, message)
                     for location, message in graph_problems(scenario)]
    problems += [content.origin[("Scenario", scenario_id)].problem(location, message)
                 for scenario_id, location, message in buyer_name_problems(content.scenarios)]
    return problems


def trainer_problems(content: Content, course_chapters: dict[str, Chapter]) -> list[Problem]:
    problems = []
    for chapter_id, notes in content.trainer_notes.items():
        yaml_file = content.origin[("TrainerNotes", chapter_id)]
        if chapter_id not in course_chapters:
            problems.append(yaml_file.problem(["kapitel"], f"unbekanntes Kapitel „{chapter_id}“; "
                                              "vorhanden: " + ", ".join(course_chapters)))
        elif yaml_file.path.name != f"trainer-{chapter_id}.yml":
            problems.append(yaml_file.problem(["kapitel"], f"Datei muss trainer-{chapter_id}.yml heißen"))
        if notes.rollenspiel and notes.rollenspiel.szenario not in content.scenarios:
            problems.append(yaml_file.problem(
                ["rollenspiel", "szenario"], f"unbekanntes Rollenspiel „{notes.rollenspiel.szenario}“; "
                "vorhanden: " + ", ".join(content.scenarios)))
        problems += [yaml_file.problem(location, message) for location, message in plan_problems(notes)]
    return problems


def selfcheck_problems(content: Content, course_chapters) -> list[Problem]:
    if content.selfcheck is None:
        return []
    yaml_file = content.origin[("SelfCheck", "")]
    problems = []
    for key, competency in content.selfcheck.kompetenzen.items():
        for chapter_id in competency.kapitel:
            if chapter_id not in course_chapters:
                problems.append(yaml_file.problem(["kompetenzen", key, "kapitel"],
                                                  f"{key}: unbekanntes Kapitel „{chapter_id}“"))
        for scenario_id in competency.rollenspiele:
            if scenario_id not in content.scenarios:
                problems.append(yaml_file.problem(["kompetenzen", key, "rollenspiele"],
                                                  f"{key}: unbekanntes Rollenspiel „{scenario_id}“"))
    return problems


def company_problems(content: Content, chapter_ids: list[str]) -> list[Problem]:
    """Whatever in a company file would break its build (exercises/company_check.py)."""
    if content.company is None:
        return []
    return company_file_problems(content.company, content.origin[("Company", "")], chapter_ids)


def salary_problems(content: Content) -> list[Problem]:
    """Sources, years and figures of the salary model, and its plausibility."""
    if content.salary is None:
        return []
    yaml_file = content.origin[("SalaryModel", "")]
    return [yaml_file.problem(location, message)
            for location, message in parameter_problems(content.salary, content.figures, content.sources)]


def salary_references(content: Content) -> set[str] | None:
    """The {gehalt} targets; None while the model has problems of its own (reported there)."""
    if content.salary is None:
        return set()
    if parameter_problems(content.salary, content.figures, content.sources):
        return None
    return example_references(content.salary_tables())


def chapter_reference_problems(content: Content, chapter_paths: list[Path]) -> list[Problem]:
    """Every {zahl}, {quelle}, {term} and {gehalt} in the chapters must name an entry."""
    known = {"zahl": content.figures, "quelle": content.sources, "term": content.glossary,
             "gehalt": salary_references(content)}
    label = {"zahl": "Zahl", "quelle": "Quelle", "term": "Glossarbegriff", "gehalt": "Gehaltsangabe"}
    problems = []
    for path in chapter_paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for role, target in REFERENCE.findall(line):
                explicit = re.fullmatch(r".*<(.+)>", target)  # {term}`Text <Begriff>`
                target = explicit.group(1) if explicit else target
                if known[role] is None:
                    continue
                if target not in known[role]:
                    problems.append(Problem(path, number, f"unbekannte {label[role]} „{target}“"))
    return problems


def require_content(project: Path = PROJECT_DIR, company: Path | None = None) -> Content:
    """All content of ``project`` (and a company file), or ContentError listing every problem.

    Valid content is cached per fingerprint of its input files and the package:
    every page that runs a one-line call starts a kernel that needs the same
    content, and reading YAML with line numbers is the slow part.
    """
    chapter_paths = chapter_files(project / "_toc.yml")
    inputs = [path for path, *_ in content_files(content_dir(project))] + chapter_paths
    inputs += [project / "_toc.yml"] + ([company] if company else [])
    cache = project / "_build" / ".kurs-inhalte" / f"{fingerprint(inputs)}.pickle"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # no cache yet, or from an older package: read the files
    content, problems = load_content(
        chapters_to_check=chapter_paths, project=project, extra=[company] if company else None)
    if problems:
        raise ContentError(problems)
    content.origin = {}  # line lookups are only needed while checking
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(content))
        temporary.replace(cache)  # atomic: parallel kernels never read half a file
    except OSError:
        pass  # a read-only checkout still works, only slower
    return content


def fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256(package_fingerprint().encode())
    for path in paths:
        digest.update(str(path.resolve()).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]

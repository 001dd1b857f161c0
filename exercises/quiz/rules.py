"""Item-writing rules for the question banks, computed per bank.

A test-wise trainee must not find the key from the form of an item: the right
option is not usually the longest, statements are not usually false, and
absolute words ("nur", "immer", …) do not mark the wrong options. Items ask
for understanding, not for what "the chapter" says, and numeric items make
the trainee compute or estimate instead of recalling a year or a percentage.
The exam draws from all banks, so no item may repeat one of another bank.
"""

import ast
import math
import operator
import re
from dataclasses import dataclass, field
from itertools import combinations

from exercises.quiz.model import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    QuizBank,
    SingleChoice,
    TrueFalse,
)

RIGHT_LONGEST_MAX = 35  # percent of single-choice items
TRUE_SHARE = (40, 60)  # percent of true/false statements that are true
CHAPTER_STEMS_MAX = 5  # percent of items
SIMILARITY_MAX = 0.45  # Jaccard similarity of two items' content words

# Absolute words and their inflected forms ("alle", "allen", "keiner", "gesetzlich", …).
ABSOLUTE = re.compile(
    r"\b(immer|nie|niemals|nur|ausschließlich|stets|grundsätzlich|überhaupt|"
    r"alle[nrs]?|kein(?:e[mnrs]?)?|jede[mnrs]?|sämtlich\w*|vollständig\w*|"
    r"gesetzlich\w*|garantiert\w*)\b",
    re.IGNORECASE,
)
CHAPTER_STEM = re.compile(r"\b(?:das|dem|des|im|laut|vom)\s+Kapitel(?:s)?\b", re.IGNORECASE)
WORD = re.compile(r"[a-zäöüß0-9]+")
# Function words carry no content; without them two stems on the same topic
# compare by what they ask about, not by their grammar.
STOP_WORDS = frozenset({
    "aber", "alle", "als", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
    "des", "die", "dies", "diese", "diesem", "dieser", "dieses", "ein", "eine", "einem", "einen",
    "einer", "eines", "für", "hat", "haben", "ihr", "ihre", "ist", "kann", "können", "mit", "nach",
    "nicht", "noch", "oder", "sein", "seine", "sich", "sie", "sind", "soll", "sollte", "über",
    "und", "vom", "von", "vor", "was", "welche", "welchem", "welchen", "welcher", "welches", "wenn",
    "wer", "werden", "wie", "wird", "zum", "zur", "zwei", "drei",
})


def _percent(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def stem(question) -> str:
    return question.aussage if isinstance(question, TrueFalse) else question.frage


@dataclass
class BankFigures:
    """The figures the rules are about, with the ids behind each count."""

    questions: int = 0
    single_choice: int = 0
    right_longest: list[str] = field(default_factory=list)
    statements: int = 0
    true_statements: int = 0
    right_options: int = 0
    right_absolute: int = 0
    wrong_options: int = 0
    wrong_absolute: int = 0
    chapter_stems: list[str] = field(default_factory=list)

    @property
    def right_longest_percent(self) -> float:
        return _percent(len(self.right_longest), self.single_choice)

    @property
    def true_percent(self) -> float:
        return _percent(self.true_statements, self.statements)

    @property
    def right_absolute_percent(self) -> float:
        return _percent(self.right_absolute, self.right_options)

    @property
    def wrong_absolute_percent(self) -> float:
        return _percent(self.wrong_absolute, self.wrong_options)

    @property
    def chapter_stems_percent(self) -> float:
        return _percent(len(self.chapter_stems), self.questions)


def bank_figures(bank: QuizBank) -> BankFigures:
    figures = BankFigures(questions=len(bank.fragen))
    for question in bank.fragen:
        if CHAPTER_STEM.search(stem(question)):
            figures.chapter_stems.append(question.id)
        if isinstance(question, SingleChoice):
            figures.single_choice += 1
            right = next(option for option in question.optionen if option.richtig)
            if len(right.text) >= max(len(option.text) for option in question.optionen):
                figures.right_longest.append(question.id)
        # A true statement is a right option to accept, a false one a wrong option.
        if isinstance(question, TrueFalse):
            figures.statements += 1
            figures.true_statements += question.richtig == "wahr"
            answers = [(question.aussage, question.richtig == "wahr")]
        elif isinstance(question, SingleChoice | MultipleChoice):
            answers = [(option.text, option.richtig) for option in question.optionen]
        else:
            answers = []
        for text, right in answers:
            absolute = bool(ABSOLUTE.search(text))
            if right:
                figures.right_options += 1
                figures.right_absolute += absolute
            else:
                figures.wrong_options += 1
                figures.wrong_absolute += absolute
    return figures


def bank_problems(figures: BankFigures) -> list[str]:
    """Messages for every rule the bank's figures break."""
    problems = []
    if figures.right_longest_percent > RIGHT_LONGEST_MAX:
        problems.append(
            f"die richtige Option ist in {len(figures.right_longest)} von {figures.single_choice} "
            f"Einfachauswahlfragen die längste ({figures.right_longest_percent:.0f} %, erlaubt "
            f"höchstens {RIGHT_LONGEST_MAX} %): " + ", ".join(figures.right_longest))
    low, high = TRUE_SHARE
    if figures.statements and not low <= figures.true_percent <= high:
        problems.append(
            f"{figures.true_statements} von {figures.statements} Wahr-falsch-Aussagen sind wahr "
            f"({figures.true_percent:.0f} %, erlaubt {low} bis {high} %)")
    if figures.wrong_absolute_percent > figures.right_absolute_percent:
        problems.append(
            "absolute Wörter (nur, immer, nie, alle, kein …) stehen in "
            f"{figures.wrong_absolute_percent:.0f} % der falschen, aber nur in "
            f"{figures.right_absolute_percent:.0f} % der richtigen Antworten "
            f"({figures.wrong_absolute} von {figures.wrong_options} gegen {figures.right_absolute} von "
            f"{figures.right_options}); in falschen dürfen sie nicht häufiger sein")
    if figures.chapter_stems_percent > CHAPTER_STEMS_MAX:
        problems.append(
            f"{len(figures.chapter_stems)} von {figures.questions} Fragen fragen, was „das Kapitel“ sagt "
            f"({figures.chapter_stems_percent:.0f} %, erlaubt höchstens {CHAPTER_STEMS_MAX} %): "
            + ", ".join(figures.chapter_stems))
    return problems


OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(node: ast.expr, figures: dict[str, float]) -> float:
    """The value of a calculation of numbers and figure ids with + - * / and brackets."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in figures:
            raise ValueError(f"unbekannte Zahl „{node.id}“")
        return figures[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -evaluate(node.operand, figures)
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        left, right = evaluate(node.left, figures), evaluate(node.right, figures)
        if isinstance(node.op, ast.Div) and right == 0:
            raise ValueError("Division durch null")
        return OPERATORS[type(node.op)](left, right)
    raise ValueError("erlaubt sind Zahlen, Zahlen-IDs, + - * / und Klammern")


def numeric_problem(question: Numeric, solution: float, figures: dict[str, float]) -> str | None:
    """A numeric item must be worked out, not remembered: its ``rechenweg`` computes the solution.

    A year or a share from a study has no calculation behind it; a calculation
    of at least one step (a discount on a margin, a salary over 13 months) does.
    """
    if not question.rechenweg:
        return (f"{question.id}: eine Zahlenfrage braucht einen „rechenweg“, die Rechnung zur Lösung "
                "(zum Beispiel „0.03 * 2000000“); eine Jahreszahl oder einen Anteil abzufragen, "
                "prüft nur das Gedächtnis")
    try:
        tree = ast.parse(question.rechenweg, mode="eval").body
        value = evaluate(tree, figures)
    except SyntaxError:
        return f"{question.id}: der rechenweg „{question.rechenweg}“ ist keine Rechnung"
    except ValueError as error:
        return f"{question.id}: rechenweg „{question.rechenweg}“: {error}"
    if not isinstance(tree, ast.BinOp):
        return (f"{question.id}: der rechenweg „{question.rechenweg}“ rechnet nicht; nötig ist "
                "mindestens ein Rechenschritt (+, -, *, /)")
    if not math.isclose(value, solution, rel_tol=1e-9, abs_tol=1e-9):
        return f"{question.id}: der rechenweg ergibt {value:g}, die Lösung ist aber {solution:g}"
    return None


def content_words(question) -> set[str]:
    """The words that say what an item is about: its stem, right answers, terms or steps."""
    parts = [stem(question)]
    if isinstance(question, SingleChoice | MultipleChoice):
        parts += [option.text for option in question.optionen if option.richtig]
    elif isinstance(question, Matching):
        parts += [pair.begriff for pair in question.paare]
    elif isinstance(question, Ordering):
        parts += [step.text for step in question.schritte]
    words = WORD.findall(" ".join(parts).lower())
    return {word for word in words if len(word) > 2 and word not in STOP_WORDS}


def similarity(first: set[str], second: set[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


def near_duplicates(banks: dict[str, QuizBank]) -> list[tuple[str, int, str, str, float]]:
    """(chapter, index, other chapter, other id, similarity) for items too like one of another bank.

    Each pair is reported once, at the item of the later bank.
    """
    items = [(chapter, index, question.id, content_words(question))
             for chapter, bank in banks.items() for index, question in enumerate(bank.fragen)]
    found = []
    for (chapter_a, _, id_a, words_a), (chapter_b, index_b, _, words_b) in combinations(items, 2):
        if chapter_a != chapter_b:
            value = similarity(words_a, words_b)
            if value > SIMILARITY_MAX:
                found.append((chapter_b, index_b, chapter_a, id_a, value))
    return found


def figures_table(banks: dict[str, QuizBank]) -> list[str]:
    """One line per bank with the figures of the rules (``check --quiz-stats``)."""
    lines = [f"{'Kapitel':<16}{'Fragen':>7}{'längste richtig':>17}{'wahr':>7}"
             f"{'absolut richtig':>17}{'absolut falsch':>16}{'„das Kapitel“':>15}"]
    for chapter_id, bank in banks.items():
        figures = bank_figures(bank)
        lines.append(f"{chapter_id:<16}{figures.questions:>7}{figures.right_longest_percent:>16.0f}%"
                     f"{figures.true_percent:>6.0f}%{figures.right_absolute_percent:>16.0f}%"
                     f"{figures.wrong_absolute_percent:>15.0f}%{figures.chapter_stems_percent:>14.0f}%")
    lines.append(f"Grenzen: längste richtig ≤ {RIGHT_LONGEST_MAX} %, wahr {TRUE_SHARE[0]}–{TRUE_SHARE[1]} %, "
                 f"absolut falsch ≤ absolut richtig, „das Kapitel“ ≤ {CHAPTER_STEMS_MAX} %")
    return lines

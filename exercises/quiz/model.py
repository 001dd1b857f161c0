"""Quiz questions: models, validation rules and scoring.

The same scoring rules are implemented in ``assets/kurs-quiz.js`` for the
static site; ``tests/test_quiz_parity.py`` checks that both agree.
"""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from exercises.models import Model, Text

QuestionId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]

PARTIAL_CREDIT_RULE = (
    "Bei Fragen mit mehreren richtigen Antworten zählt jede richtige Auswahl anteilig; "
    "jede falsche Auswahl zieht einen Anteil ab, nie unter null."
)


class Option(Model):
    text: Text
    richtig: bool = False
    feedback: Text


class Step(Model):
    text: Text
    feedback: Text


class Pair(Model):
    begriff: Text
    definition: Text
    feedback: Text


class Question(Model):
    id: QuestionId
    lernziel: int = Field(ge=1)
    abschnitt: Text
    erklaerung: Text


class SingleChoice(Question):
    typ: Literal["einfachauswahl"]
    frage: Text
    optionen: list[Option] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def one_correct(self):
        correct = sum(option.richtig for option in self.optionen)
        if correct != 1:
            raise ValueError(f"genau eine Option muss richtig sein, gefunden: {correct}")
        return self

    def score(self, chosen: int) -> float:
        return 1.0 if self.optionen[chosen].richtig else 0.0


class MultipleChoice(Question):
    typ: Literal["mehrfachauswahl"]
    frage: Text
    optionen: list[Option] = Field(min_length=3, max_length=8)

    @model_validator(mode="after")
    def correct_and_wrong(self):
        correct = sum(option.richtig for option in self.optionen)
        if correct == 0:
            raise ValueError("mindestens eine Option muss richtig sein")
        if correct == len(self.optionen):
            raise ValueError("mindestens eine Option muss falsch sein")
        return self

    def score(self, chosen: set[int]) -> float:
        """Partial credit: hits minus wrong picks, over the number of correct options."""
        correct = {i for i, option in enumerate(self.optionen) if option.richtig}
        hits, misses = len(chosen & correct), len(chosen - correct)
        return max(0.0, (hits - misses) / len(correct))


class TrueFalse(Question):
    typ: Literal["wahr-falsch"]
    aussage: Text
    richtig: Literal["wahr", "falsch"]
    feedback_wahr: Text
    feedback_falsch: Text

    def score(self, chosen: str) -> float:
        return 1.0 if chosen == self.richtig else 0.0


class Range(Model):
    von: float
    bis: float

    @model_validator(mode="after")
    def ordered(self):
        if self.von > self.bis:
            raise ValueError(f"umgekehrter Bereich: von ({self.von:g}) ist größer als bis ({self.bis:g})")
        return self


class Numeric(Question):
    typ: Literal["zahl"]
    frage: Text
    # a number, or the id of a figure in zahlen*.yml (resolved by ``resolve``)
    loesung: int | float | str
    # The calculation behind the solution, e.g. "0.03 * 2000000" or
    # "anf_hoechstpreis_feldmann - anf_einigung"; ``rules`` evaluates it.
    rechenweg: str | None = None
    toleranz: float = Field(default=0, ge=0)
    bereich: Range | None = None  # an asymmetric range instead of ± toleranz
    einheit: Literal["€", "%", "Tage", "Jahre", ""] = ""
    feedback_richtig: Text
    feedback_falsch: Text

    def accepted(self, solution: float) -> tuple[float, float]:
        if self.bereich is not None:
            return self.bereich.von, self.bereich.bis
        return solution - self.toleranz, solution + self.toleranz

    def score(self, answer: float, solution: float) -> float:
        low, high = self.accepted(solution)
        return 1.0 if low <= answer <= high else 0.0


class Ordering(Question):
    typ: Literal["reihenfolge"]
    frage: Text
    schritte: list[Step] = Field(min_length=3, max_length=7)

    def score(self, order: list[int]) -> float:
        """Share of steps in their right place; ``order`` lists step indices as placed."""
        return sum(placed == index for index, placed in enumerate(order)) / len(self.schritte)


class Matching(Question):
    typ: Literal["zuordnung"]
    frage: Text
    paare: list[Pair] = Field(min_length=3, max_length=7)

    @model_validator(mode="after")
    def unambiguous(self):
        for field in ("begriff", "definition"):
            values = [getattr(pair, field) for pair in self.paare]
            if len(set(values)) != len(values):
                raise ValueError(f"jede {field.capitalize()} darf nur einmal vorkommen")
        return self

    def score(self, chosen: list[int | None]) -> float:
        """Share of terms matched to their own definition (``chosen[i]``: pair index)."""
        return sum(pick == index for index, pick in enumerate(chosen)) / len(self.paare)


AnyQuestion = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Numeric | Ordering | Matching,
    Field(discriminator="typ"),
]
QUESTION_TYPES = ("einfachauswahl", "mehrfachauswahl", "wahr-falsch", "zahl", "reihenfolge", "zuordnung")


class QuizBank(Model):
    kapitel: Text
    fragen: list[AnyQuestion] = Field(min_length=1)


class Exam(Model):
    """The final exam: drawn per attempt from the questions of all chapters."""

    titel: Text
    fragen_pro_versuch: int = Field(ge=1)
    bestehensgrenze: int = Field(ge=1, le=100)
    kapitel_bestehensgrenze: int = Field(ge=1, le=100)


def percent(scores: list[float]) -> int:
    """A quiz result in whole percent, rounded half up (as in the JS runtime)."""
    if not scores:
        return 0
    return int(sum(scores) / len(scores) * 100 + 0.5)


def solution_text(question, solution: float | None = None, unit_format=None) -> str:
    """The right answer in words, for answer keys (``solution``: resolved numeric answer)."""
    if isinstance(question, SingleChoice | MultipleChoice):
        return "; ".join(option.text for option in question.optionen if option.richtig)
    if isinstance(question, TrueFalse):
        return "wahr" if question.richtig == "wahr" else "falsch"
    if isinstance(question, Numeric):
        low, high = question.accepted(solution)
        shown = unit_format(solution, question.einheit) if unit_format else f"{solution:g}"
        if low == high:
            return shown
        low_text = unit_format(low, question.einheit) if unit_format else f"{low:g}"
        high_text = unit_format(high, question.einheit) if unit_format else f"{high:g}"
        return f"{shown} (akzeptiert: {low_text} bis {high_text})"
    if isinstance(question, Ordering):
        return " → ".join(step.text for step in question.schritte)
    return "; ".join(f"{pair.begriff}: {pair.definition}" for pair in question.paare)

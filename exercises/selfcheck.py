"""The readiness self-check for internal candidates: model and scoring.

Answers are 1..5 agreement; a reversed statement counts 6 - answer. A
competency's score is the mean mapped to 0..100 %. The same rule runs in
``assets/kurs-selbstcheck.js``.
"""


from pydantic import Field, model_validator

from exercises.models import Model, Text

COMPETENCIES = ("kommunikation", "verhandlung", "branchenwissen", "kaufmaennisches-wissen", "englisch",
                "unternehmerisches-denken", "belastbarkeit-flexibilitaet", "reisebereitschaft")
STRENGTH_FROM = 75  # percent: at or above counts as a strength
GAP_BELOW = 50      # percent: below counts as a gap


class Competency(Model):
    name: Text
    kapitel: list[Text] = []
    rollenspiele: list[Text] = []
    staerke: Text
    luecke: Text


class Statement(Model):
    kompetenz: Text
    text: Text
    umgekehrt: bool = False


class SelfCheck(Model):
    titel: Text
    skala: list[Text] = Field(min_length=5, max_length=5)
    kompetenzen: dict[str, Competency]
    aussagen: list[Statement] = Field(min_length=8)

    @model_validator(mode="after")
    def complete(self):
        missing = [c for c in COMPETENCIES if c not in self.kompetenzen]
        if missing:
            raise ValueError("es fehlen Kompetenzen: " + ", ".join(missing))
        unknown = sorted({s.kompetenz for s in self.aussagen} - set(self.kompetenzen))
        if unknown:
            raise ValueError("Aussagen nennen unbekannte Kompetenzen: " + ", ".join(unknown))
        thin = [c for c in self.kompetenzen if sum(s.kompetenz == c for s in self.aussagen) < 2]
        if thin:
            raise ValueError("jede Kompetenz braucht mindestens zwei Aussagen: " + ", ".join(thin))
        return self

    def profile(self, answers: list[int]) -> dict[str, int]:
        """Percent per competency for ``answers`` (one 1..5 value per statement, in order)."""
        points: dict[str, list[int]] = {c: [] for c in self.kompetenzen}
        for statement, answer in zip(self.aussagen, answers, strict=True):
            if not 1 <= answer <= 5:
                raise ValueError(f"Antwort {answer} liegt nicht zwischen 1 und 5")
            points[statement.kompetenz].append(6 - answer if statement.umgekehrt else answer)
        return {c: int((sum(v) / len(v) - 1) / 4 * 100 + 0.5) for c, v in points.items()}


def classify(percent: int) -> str:
    if percent >= STRENGTH_FROM:
        return "staerke"
    if percent < GAP_BELOW:
        return "luecke"
    return "mittel"

"""Trainer notes per chapter: shown only in the trainer edition of the course."""


from pydantic import Field

from exercises.models import Model, Text


class Phase(Model):
    phase: Text
    minuten: int = Field(ge=1, le=120)
    beschreibung: Text


class ClassroomRoleplay(Model):
    szenario: Text
    anleitung: Text


class Misconception(Model):
    irrtum: Text
    richtigstellung: Text


class TrainerNotes(Model):
    kapitel: Text
    ablauf: list[Phase] = Field(min_length=2)
    diskussionsfragen: list[Text] = Field(min_length=2)
    rollenspiel: ClassroomRoleplay | None = None
    missverstaendnisse: list[Misconception] = Field(min_length=1)

    def total_minutes(self) -> int:
        return sum(phase.minuten for phase in self.ablauf)

"""Trainer notes per chapter: shown only in the trainer edition of the course.

A seminar plan states its length (``dauer``); the phases must fill it exactly,
and the classroom role-play keeps its timing as numbers, so the check can prove
that preparation, rounds and the debrief it describes fit into its phase.
"""


from pydantic import Field

from exercises.models import Model, Text


class Phase(Model):
    phase: Text
    minuten: int = Field(ge=1, le=120)
    beschreibung: Text


class ClassroomRoleplay(Model):
    szenario: Text
    phase: Text  # the phase of ``ablauf`` that holds the role-play
    vorbereitung: int = Field(ge=1)
    runden: int = Field(ge=1)
    gespraech: int = Field(ge=1)  # minutes of talk per round
    rueckmeldung: int = Field(ge=1)  # minutes of observer feedback per round
    nachbesprechung: int = Field(ge=5)  # the debrief after the last round
    anleitung: Text

    def minutes(self) -> int:
        return self.vorbereitung + self.runden * (self.gespraech + self.rueckmeldung) + self.nachbesprechung

    def timing(self) -> str:
        """The timing in one sentence, so the numbers are written only once (in the YAML fields)."""
        return (f"Zeitplan: {self.vorbereitung} Minuten Vorbereitung, dann {self.runden} Runden mit je "
                f"{self.gespraech} Minuten Gespräch und {self.rueckmeldung} Minuten Rückmeldung, "
                f"zum Schluss {self.nachbesprechung} Minuten Nachbesprechung; "
                f"zusammen {self.minutes()} Minuten.")


class Misconception(Model):
    irrtum: Text
    richtigstellung: Text


class TrainerNotes(Model):
    kapitel: Text
    dauer: int = Field(ge=1)  # the stated length of the seminar plan in minutes
    ablauf: list[Phase] = Field(min_length=2)
    diskussionsfragen: list[Text] = Field(min_length=2)
    rollenspiel: ClassroomRoleplay | None = None
    missverstaendnisse: list[Misconception] = Field(min_length=1)

    def total_minutes(self) -> int:
        return sum(phase.minuten for phase in self.ablauf)


def plan_problems(notes: TrainerNotes) -> list[tuple[list, str]]:
    """Timing problems as (YAML location, message): phases that do not fill the stated length."""
    problems = []
    if notes.total_minutes() != notes.dauer:
        problems.append((["dauer"], f"die Phasen dauern zusammen {notes.total_minutes()} Minuten, "
                                    f"angegeben sind {notes.dauer}"))
    roleplay = notes.rollenspiel
    if roleplay:
        phases = {phase.phase: phase.minuten for phase in notes.ablauf}
        if roleplay.phase not in phases:
            problems.append((["rollenspiel", "phase"], f"unbekannte Phase „{roleplay.phase}“; vorhanden: "
                                                       + ", ".join(phases)))
        elif roleplay.minutes() != phases[roleplay.phase]:
            problems.append((["rollenspiel", "phase"],
                             "Vorbereitung, Runden und Nachbesprechung ergeben "
                             f"{roleplay.minutes()} Minuten, die Phase „{roleplay.phase}“ "
                             f"hat {phases[roleplay.phase]}"))
    return problems

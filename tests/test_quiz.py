"""Quiz models and scoring (Python side); expected values worked out by hand."""

import pytest

from exercises.quiz.model import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    SingleChoice,
    TrueFalse,
    percent,
)
from exercises.static_html import container

BASE = {"id": "test", "lernziel": 1, "abschnitt": "x", "erklaerung": "Weil."}


def options(*flags):
    return [{"text": f"Option {i}", "richtig": flag, "feedback": "f"} for i, flag in enumerate(flags)]


def test_single_choice():
    question = SingleChoice.model_validate({**BASE, "typ": "einfachauswahl", "frage": "?",
                                            "optionen": options(False, True, False)})
    assert question.score(1) == 1.0
    assert question.score(0) == 0.0


@pytest.mark.parametrize(("chosen", "expected"), [
    ({0, 1}, 1.0),        # both correct ones
    ({0}, 0.5),           # one of two correct
    ({0, 1, 2}, 0.5),     # both correct, one wrong: (2 - 1) / 2
    ({0, 2}, 0.0),        # one right, one wrong: (1 - 1) / 2
    ({2, 3}, 0.0),        # only wrong ones: never below zero
])
def test_multiple_choice_partial_credit(chosen, expected):
    question = MultipleChoice.model_validate({**BASE, "typ": "mehrfachauswahl", "frage": "?",
                                              "optionen": options(True, True, False, False)})
    assert question.score(chosen) == expected


def test_true_false():
    question = TrueFalse.model_validate({**BASE, "typ": "wahr-falsch", "aussage": "A", "richtig": "falsch",
                                         "feedback_wahr": "n", "feedback_falsch": "j"})
    assert question.score("falsch") == 1.0
    assert question.score("wahr") == 0.0


def test_numeric_tolerance_and_range():
    question = Numeric.model_validate({**BASE, "typ": "zahl", "frage": "?", "loesung": 50000,
                                       "toleranz": 1000, "feedback_richtig": "j", "feedback_falsch": "n"})
    assert question.score(49000, 50000) == 1.0
    assert question.score(51000, 50000) == 1.0
    assert question.score(51001, 50000) == 0.0
    ranged = Numeric.model_validate({**BASE, "typ": "zahl", "frage": "?", "loesung": 4,
                                     "bereich": {"von": 3.5, "bis": 4.6},
                                     "feedback_richtig": "j", "feedback_falsch": "n"})
    assert ranged.score(4.6, 4) == 1.0
    assert ranged.score(3.4, 4) == 0.0


def test_inverted_range_is_refused():
    with pytest.raises(ValueError, match="umgekehrter Bereich"):
        Numeric.model_validate({**BASE, "typ": "zahl", "frage": "?", "loesung": 4,
                                "bereich": {"von": 5, "bis": 3},
                                "feedback_richtig": "j", "feedback_falsch": "n"})


def test_ordering_counts_steps_in_place():
    steps = [{"text": t, "feedback": "f"} for t in "ABCD"]
    question = Ordering.model_validate({**BASE, "typ": "reihenfolge", "frage": "?", "schritte": steps})
    assert question.score([0, 1, 2, 3]) == 1.0
    assert question.score([1, 0, 2, 3]) == 0.5
    assert question.score([3, 2, 1, 0]) == 0.0


def test_matching_counts_right_pairs():
    pairs = [{"begriff": t, "definition": t.lower(), "feedback": "f"} for t in "ABC"]
    question = Matching.model_validate({**BASE, "typ": "zuordnung", "frage": "?", "paare": pairs})
    assert question.score([0, 1, 2]) == 1.0
    assert question.score([1, 0, 2]) == pytest.approx(1 / 3)


def test_percent_rounds_half_up():
    assert percent([1, 1, 0.5, 0]) == 63  # 62.5 -> 63
    assert percent([]) == 0


def test_embedded_json_cannot_close_its_script():
    html = container("quiz", "kapitel", {"frage": "</script><img src=x onerror=alert(1)>"}, "x", "k")
    assert "<img" not in html
    assert html.count("</script>") == 1

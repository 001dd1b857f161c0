"""Quiz models and scoring (Python side); expected values worked out by hand."""

import subprocess
import sys

import pytest
from pages import PROJECT

from exercises.quiz.model import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    QuizBank,
    SingleChoice,
    TrueFalse,
    percent,
)
from exercises.quiz.rules import bank_figures, bank_problems, near_duplicates, numeric_problem
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


# Item-writing rules (exercises.quiz.rules), on small banks written for each rule.

def single(question_id, right, *wrong, stem="Welche Antwort passt?"):
    return {**BASE, "id": question_id, "typ": "einfachauswahl", "frage": stem,
            "optionen": [{"text": right, "richtig": True, "feedback": "j"}]
            + [{"text": text, "feedback": "n"} for text in wrong]}


def statement(question_id, truth, text="Eine Aussage."):
    return {**BASE, "id": question_id, "typ": "wahr-falsch", "aussage": text, "richtig": truth,
            "feedback_wahr": "w", "feedback_falsch": "f"}


def bank(*questions, chapter="kapitel"):
    return QuizBank.model_validate({"kapitel": chapter, "fragen": list(questions)})


def test_right_option_longest_in_more_than_35_percent_fails():
    # right option longest in 2 of 5 items = 40 %
    items = [single("a", "lang und richtig", "kurz"), single("b", "lang und richtig", "kurz"),
             single("c", "kurz", "lang und falsch"), single("d", "kurz", "lang und falsch"),
             single("e", "kurz", "lang und falsch")]
    figures = bank_figures(bank(*items))
    assert figures.right_longest == ["a", "b"]
    assert any("2 von 5 Einfachauswahlfragen die längste (40 %" in m for m in bank_problems(figures))
    # 1 of 3 = 33 % passes; a tie counts as longest
    figures = bank_figures(bank(single("a", "gleich", "gleich"), single("c", "x", "yy"),
                                single("d", "x", "yy")))
    assert figures.right_longest == ["a"]
    assert bank_problems(figures) == []


@pytest.mark.parametrize(("truths", "fails"), [
    (["wahr", "falsch", "falsch", "falsch"], True),   # 25 %
    (["wahr", "wahr", "falsch", "falsch"], False),    # 50 %
    (["wahr", "wahr", "wahr", "falsch"], True),       # 75 %
    (["wahr", "wahr", "falsch", "falsch", "falsch"], False),  # 40 %, the lower bound
])
def test_share_of_true_statements_must_lie_between_40_and_60_percent(truths, fails):
    figures = bank_figures(bank(*[statement(f"s{i}", truth) for i, truth in enumerate(truths)]))
    assert bool([m for m in bank_problems(figures) if "Wahr-falsch-Aussagen" in m]) is fails


def test_absolute_words_may_not_mark_the_wrong_options():
    # wrong: "nur" in 1 of 2 options (50 %); right: 0 of 1
    marked = bank(single("a", "Meist über den Onlineshop", "Nur im Außendienst", "Per Fax"))
    figures = bank_figures(marked)
    assert (figures.wrong_absolute, figures.wrong_options) == (1, 2)
    assert (figures.right_absolute, figures.right_options) == (0, 1)
    assert any("absolute Wörter" in m for m in bank_problems(figures))
    # a false statement with "immer" counts as a wrong answer, a true one with "kein" as a right one
    balanced = bank(single("a", "Kein Fax, sondern der Onlineshop", "Immer im Außendienst"),
                    statement("s1", "falsch", "Das gilt immer."), statement("s2", "wahr", "Das gilt nie."))
    figures = bank_figures(balanced)
    assert (figures.right_absolute, figures.right_options, figures.wrong_absolute) == (2, 2, 2)
    assert not any("absolute Wörter" in m for m in bank_problems(figures))


def test_vor_allem_is_no_absolute_word():
    figures = bank_figures(bank(single("a", "Richtig", "Vor allem der Preis")))
    assert figures.wrong_absolute == 0


def test_stems_asking_what_the_chapter_says():
    chapter = single("k", "x", "yy", stem="Was nennt das Kapitel als Grund?")
    plain = [single(f"q{i}", "x", "yy", stem="Was ist der Grund?") for i in range(19)]
    assert bank_figures(bank(chapter, *plain)).chapter_stems == ["k"]
    assert bank_problems(bank_figures(bank(chapter, *plain))) == []          # 1 of 20 = 5 %
    problems = bank_problems(bank_figures(bank(chapter, *plain[:9])))        # 1 of 10 = 10 %
    assert problems == ["1 von 10 Fragen fragen, was „das Kapitel“ sagt (10 %, erlaubt höchstens 5 %): k"]


def numeric(rechenweg=None, solution=1500):
    data = {**BASE, "typ": "zahl", "frage": "Was kosten 3 % Nachlass auf 50.000 €?", "loesung": solution,
            "feedback_richtig": "j", "feedback_falsch": "n"}
    return Numeric.model_validate(data | ({"rechenweg": rechenweg} if rechenweg else {}))


@pytest.mark.parametrize(("rechenweg", "solution", "expected"), [
    (None, 1964, "braucht einen „rechenweg“"),
    ("1964", 1964, "rechnet nicht"),
    ("umsatz", 50000, "rechnet nicht"),
    ("0.03 * 50000", 15, "ergibt 1500, die Lösung ist aber 15"),
    ("0.03 * gibt_es_nicht", 1500, "unbekannte Zahl „gibt_es_nicht“"),
    ("__import__('os').getcwd()", 1500, "erlaubt sind Zahlen"),
    ("0.03 * 50000 / 0", 1500, "Division durch null"),
    ("0.03 * ", 1500, "keine Rechnung"),
])
def test_numeric_item_needs_a_working_that_gives_its_solution(rechenweg, solution, expected):
    message = numeric_problem(numeric(rechenweg, solution), solution, {"umsatz": 50000})
    assert expected in message


@pytest.mark.parametrize("rechenweg", ["0.03 * 50000", "0.03 * umsatz", "(umsatz - 48500) * 1", "-1500 * -1"])
def test_a_correct_working_passes(rechenweg):
    assert numeric_problem(numeric(rechenweg), 1500, {"umsatz": 50000}) is None


def test_near_duplicate_items_across_banks_are_found_once():
    stem = "Welche Stufe beschreibt eine Beziehung, die nach einem Vertrauensbruch zerbricht?"
    banks = {
        "eins": bank(single("eins-a", "Uncoupling-KAM", "Pre-KAM", stem=stem), chapter="eins"),
        "zwei": bank(single("zwei-a", "Uncoupling-KAM", "Early-KAM", stem=stem),
                     single("zwei-b", "Der Kunde", "Der Lieferant", stem="Wer legt die Stufe fest?"),
                     chapter="zwei"),
    }
    found = near_duplicates(banks)
    assert [(chapter, index, other, other_id) for chapter, index, other, other_id, _ in found] == [
        ("zwei", 0, "eins", "eins-a")]
    # within one bank two items on the same topic are allowed
    assert near_duplicates({"eins": bank(single("a", "Uncoupling-KAM", "x", stem=stem),
                                         single("b", "Uncoupling-KAM", "y", stem=stem))}) == []


def test_check_reports_the_rule_figures_per_bank():
    result = subprocess.run([sys.executable, "-m", "exercises", "check", "--quiz-stats"],
                            capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stdout
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:-1]}
    assert set(rows) == {path.stem.removeprefix("quiz-")
                         for path in (PROJECT / "exercises" / "inhalte").glob("quiz-*.yml")}
    for chapter, (_, longest, true, right_absolute, wrong_absolute, chapter_stems) in rows.items():
        assert int(longest.rstrip("%")) <= 35, chapter
        assert 40 <= int(true.rstrip("%")) <= 60, chapter
        assert int(wrong_absolute.rstrip("%")) <= int(right_absolute.rstrip("%")), chapter
        assert int(chapter_stems.rstrip("%")) <= 5, chapter

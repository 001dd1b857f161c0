"""Role-play scenarios: every path of every scenario, walked in full."""

from collections import Counter
from pathlib import Path

import pytest
from pages import scenario_ids

from exercises.content import load_content
from exercises.roleplay import MAX_EFFECT, Scenario

CONTENT, PROBLEMS = load_content()
VALID_FIXTURE = Path(__file__).parent / "fixtures" / "gueltiges-rollenspiel" / "roleplay-test.yml"


def test_course_content_is_valid():
    assert [str(p) for p in PROBLEMS] == []


def test_at_least_four_scenarios_one_in_english():
    scenarios = CONTENT.scenarios.values()
    assert len(scenarios) >= 4
    assert any(s.sprache == "en" for s in scenarios)


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_every_path_ends_with_a_bounded_score(scenario_id):
    scenario: Scenario = CONTENT.scenarios[scenario_id]
    endings_reached = set()
    count = 0
    for path in scenario.paths():
        count += 1
        last, index = path[-1]
        assert index == -1 and scenario.knoten[last].ende
        endings_reached.add(last)
        decisions = len(path) - 1
        for value in scenario.score(path).values():
            assert -MAX_EFFECT * decisions <= value <= MAX_EFFECT * decisions
    assert count > 0
    assert endings_reached == set(scenario.endings())
    assert len(endings_reached) >= 3


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_best_path_is_long_and_branches_merge(scenario_id):
    scenario = CONTENT.scenarios[scenario_id]
    assert len(scenario.best_path()) - 1 >= 5
    incoming = Counter(choice.weiter for node in scenario.knoten.values() for choice in node.optionen or [])
    merging = [name for name, n in incoming.items() if n >= 2 and not scenario.knoten[name].ende]
    assert merging, "keine Verzweigung läuft wieder zusammen"
    ratings = {choice.bewertung for node in scenario.knoten.values() for choice in node.optionen or []}
    assert ratings == {"beste", "akzeptabel", "schwach"}


def test_best_path_scores_highest_in_the_valid_fixture():
    _, problems = load_content([VALID_FIXTURE])
    assert problems == []
    content, _ = load_content([VALID_FIXTURE])
    scenario = content.scenarios["test"]
    best = scenario.score(scenario.best_path())
    # worked out by hand: five "beste" choices of +1, +1, +1, +1, +2 on both skills
    assert best == {"Beziehung": 6, "Wertsicherung": 6}
    # paths from k5: 2; k4: 2 + 1; k3: 3 + 1; k2: both options lead to k3, 2 * 4; k1: 8 + 1
    assert sum(1 for _ in scenario.paths()) == 9

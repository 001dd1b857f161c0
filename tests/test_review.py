"""Spaced review: the rule that schedules a checked question again (issue 14, part 5).

Expected cards follow the issue's words: a question answered wrongly comes back the
next day; answered right it comes back after 1, 3, 7 and 21 days, one step further
each time; a wrong answer starts again. The step after a wrong answer (1 day) is the
first of the four, so the first right answer brings a question back after 3 days.
"""

import pytest

from exercises.content import require_content
from exercises.quiz.review import card_key, next_card

DAY = 20_500  # some day, counted from 1970-01-01


@pytest.mark.parametrize(("card", "correct", "expected"), [
    (None, False, (0, DAY + 1)),             # never seen, wrong: tomorrow
    (None, True, (1, DAY + 3)),              # never seen, right: in 3 days
    ((0, DAY), True, (1, DAY + 3)),          # due after a wrong answer, now right
    ((1, DAY), True, (2, DAY + 7)),
    ((2, DAY), True, (3, DAY + 21)),
    ((3, DAY), True, (3, DAY + 21)),         # the last step repeats
    ((3, DAY - 40), True, (3, DAY + 21)),    # long overdue: counted from today
    ((3, DAY), False, (0, DAY + 1)),         # wrong resets, from any box
    ((2, DAY + 5), False, (0, DAY + 1)),     # also before it is due
    ((2, DAY + 5), True, (2, DAY + 5)),      # right before it is due: unchanged
])
def test_next_card(card, correct, expected):
    assert next_card(card, correct, DAY) == expected


def test_right_every_time_it_is_due_spaces_1_3_7_21_21_days():
    card, day, gaps = next_card(None, False, DAY), DAY, []
    for _ in range(5):
        gaps.append(card[1] - day)
        day = card[1]
        card = next_card(card, True, day)
    assert gaps == [1, 3, 7, 21, 21]


def test_a_wrong_answer_after_weeks_starts_the_steps_again():
    card = (3, DAY)
    card = next_card(card, False, DAY)
    card = next_card(card, True, card[1])
    assert card == (1, DAY + 1 + 3)


def test_card_keys_are_short_and_tell_every_question_apart():
    content = require_content()
    ids = [q.id for bank in content.quizzes.values() for q in bank.fragen]
    keys = {card_key(question_id) for question_id in ids}
    assert len(keys) == len(ids)
    assert max(len(key) for key in keys) <= 5
    assert all(key.isalnum() and key == key.lower() for key in keys)

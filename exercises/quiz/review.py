"""Spaced review: when a checked question comes back.

The browser keeps one card per answered question in Kurs.progress ("review"):
``{card key: [box, due day]}``, the day counted in whole days since 1970-01-01.
The rule lives twice, here and in ``assets/kurs-wiederholen.js``; tests check
that both give the same cards and keys.
"""

from exercises.jshash import base36, fnv1a

# Days until a card is due again, by box: a wrong answer puts it in box 0,
# each right answer one box up, at most to the last.
INTERVALS = (1, 3, 7, 21)

Card = tuple[int, int]


def card_key(question_id: str) -> str:
    """A question's card key: FNV-1a of the id (as Kurs.dom.hash), folded to 24 bits, in base 36.

    At most five characters instead of ids of about 27: with every question of the
    course answered, the cards still fit SCORM 1.2 suspend_data beside the rest of the
    state. tests/test_review.py checks that no two questions share a key.
    """
    full = fnv1a(question_id)
    return base36(((full >> 24) ^ full) & 0xFFFFFF)


def next_card(card: Card | None, correct: bool, today: int) -> Card:
    """The card after a checked answer; ``card`` is None for a question never checked.

    Only full points count as right. A right answer before the card is due leaves
    it alone: that is usually the retry right after the feedback showed the answer.
    """
    if not correct:
        return (0, today + INTERVALS[0])
    box, due = card if card is not None else (0, today)
    if due > today:
        return card
    box = min(box + 1, len(INTERVALS) - 1)
    return (box, today + INTERVALS[box])

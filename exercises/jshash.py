"""The course runtime's hash (``hash`` in assets/kurs-dom.js) in Python.

The browser derives short keys from question ids with it (a quiz attempt's
fingerprint, a review card's key); the Python side must find the same keys.
"""

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def fnv1a(text: str) -> int:
    """FNV-1a (32 bit) over the text's character codes, as Kurs.dom.hash."""
    value = 0x811C9DC5
    for char in text:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def base36(value: int) -> str:
    """As JavaScript's ``value.toString(36)`` for a whole number from 0."""
    text = ""
    while True:
        value, digit = divmod(value, 36)
        text = DIGITS[digit] + text
        if not value:
            return text

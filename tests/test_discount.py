"""The discount calculator: the formulas against values worked out by hand,
their properties, checked input, the notebook app (answered through its
widgets, without a kernel) and ``python -m exercises discount``."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import PROJECT

from exercises.content import require_content
from exercises.discount.model import SOURCE, parse_inputs, parse_percent, table, volume_increase, volume_loss
from exercises.discount.widget import DiscountApp

QUICK = settings(max_examples=300, deadline=None, database=None)
# Percentages with two decimals at most, as a person may type them.
percentages = st.integers(0, 10_000).map(lambda hundredths: hundredths / 100)


# ---------- the formulas, by hand ----------

@pytest.mark.parametrize(("margin", "discount", "needed"), [
    (25, 3, 13.6),    # 3 / 22 = 0.13636…
    (20, 5, 33.3),    # 5 / 15
    (30, 10, 50.0),   # 10 / 20
    (25, 5, 25.0),    # 5 / 20
    (40, 1, 2.6),     # 1 / 39 = 0.02564…
    (10, 9, 900.0),   # 9 / 1
    (25, 0, 0.0),
])
def test_volume_increase_after_a_discount(margin, discount, needed):
    assert volume_increase(margin, discount) == needed


@pytest.mark.parametrize(("margin", "increase", "loss"), [
    (25, 3, 10.7),    # 3 / 28 = 0.10714…
    (25, 5, 16.7),    # 5 / 30
    (40, 10, 20.0),   # 10 / 50
    (20, 20, 50.0),   # 20 / 40
    (15, 2, 11.8),    # 2 / 17 = 0.11764…
    (30, 0, 0.0),
])
def test_volume_loss_a_price_increase_may_cost(margin, increase, loss):
    assert volume_loss(margin, increase) == loss


def test_the_table_for_a_small_margin_says_which_discounts_cannot_be_made_up():
    rows = table(4)
    assert [row.step for row in rows] == [1, 2, 3, 4, 5]
    assert [row.increase_needed for row in rows] == [33.3, 100.0, 300.0, None, None]  # 1/3, 2/2, 3/1
    assert [row.loss_allowed for row in rows] == [20.0, 33.3, 42.9, 50.0, 55.6]  # 1/5, 2/6, 3/7, 4/8, 5/9


# ---------- properties ----------

@QUICK
@given(percentages, percentages, percentages)
def test_a_bigger_discount_needs_more_volume_and_a_bigger_margin_less(margin, first, second):
    low, high = sorted((first, second))
    if high >= margin:
        return
    assert volume_increase(margin, low) <= volume_increase(margin, high)
    assert volume_increase(min(margin + 5, 100), high) <= volume_increase(margin, high)


@QUICK
@given(percentages, percentages)
def test_the_extra_volume_keeps_the_contribution(margin, discount):
    if not discount < margin:
        return
    needed = volume_increase(margin, discount)
    # Contribution per unit falls from m to m − r; times (1 + needed) it is m again, up to the rounding.
    assert abs((margin - discount) * (100 + needed) - 100 * margin) <= (margin - discount) * 0.05 + 1e-9


@QUICK
@given(percentages, percentages)
def test_a_discount_at_or_above_the_margin_is_refused(margin, discount):
    if discount < margin:
        return
    with pytest.raises(ValueError):
        volume_increase(margin, discount)
    values, errors = parse_inputs({"margin": str(margin), "discount": str(discount)})
    assert "discount" in errors or "margin" in errors


@QUICK
@given(percentages.filter(lambda m: m > 0), percentages, percentages)
def test_a_bigger_increase_may_lose_more_but_never_more_than_all(margin, first, second):
    low, high = sorted((first, second))
    assert 0 <= volume_loss(margin, low) <= volume_loss(margin, high) <= 100


# ---------- checked input ----------

@pytest.mark.parametrize(("text", "value"), [("3", 3.0), ("2,5", 2.5), ("2.5", 2.5), (" 12,75 ", 12.75),
                                             ("+4", 4.0), ("100", 100.0), ("0", 0.0)])
def test_percentages_as_people_type_them(text, value):
    assert parse_percent(text, "den Rabatt") == (value, None)


@pytest.mark.parametrize(("text", "words"), [
    ("", "fehlt"), ("drei", "keine Zahl"), ("1e2", "keine Zahl"), ("2,125", "keine Zahl"),
    ("\u0663", "keine Zahl"), ("100,01", "außerhalb"), ("-1", "außerhalb"), ("2,5 %", "keine Zahl"),
])
def test_wrong_percentages_get_a_german_message(text, words):
    value, message = parse_percent(text, "den Rabatt")
    assert value is None and words in message


def test_a_margin_of_zero_is_refused_and_empty_optional_inputs_are_skipped():
    assert parse_inputs({"margin": "0", "increase": "3"})[1]["margin"].startswith("muss größer als 0")
    assert parse_inputs({"margin": "25", "discount": "", "increase": None}) == ({"margin": 25.0}, {})


# ---------- the notebook app, through its widgets ----------

def test_notebook_app_answers_through_its_widgets():
    app = DiscountApp("Quelle X")
    app.inputs["margin"].value = "20"
    app.inputs["discount"].value = "5"
    app.inputs["increase"].value = "20"
    shown = app.output.value
    assert "33,3\u00a0% mehr Menge" in shown  # 5 / 15
    assert "bis zu 50,0\u00a0% der Menge" in shown  # 20 / 40
    assert "<th scope='row'>1\u00a0%</th><td>+5,3\u00a0%</td><td>−4,8\u00a0%</td>" in shown  # 1/19, 1/21
    assert "Quelle X" in shown and "nan" not in shown.lower()
    app.inputs["discount"].value = "20"
    assert "nicht kleiner als die Marge" in app.output.value and "mehr Menge" not in app.output.value
    app.inputs["discount"].value = "<b>"
    assert "„&lt;b&gt;“ ist keine Zahl" in app.output.value


def test_display_call_gives_page_html_and_widget():
    from exercises.display import discount_calculator

    bundle = discount_calculator()._repr_mimebundle_()
    assert 'data-kurs-rabatt="rechner"' in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_formula_source_is_on_the_sources_page_with_its_year():
    source = require_content().sources[SOURCE]
    assert source.jahr == 2011 and "Nagle" in source.angabe


# ---------- command line ----------

def run(*args):
    return subprocess.run([sys.executable, "-m", "exercises", "discount", *map(str, args)],
                          capture_output=True, text=True, cwd=PROJECT)


def test_json_gives_the_volume_increase_and_the_inputs():
    result = run("--margin", 25, "--discount", 3, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["volume_increase_percent"] == 13.6
    assert data["inputs"] == {"margin_percent": 25, "discount_percent": 3}
    assert "volume_loss_percent" not in data
    assert data["source"] == {"id": "nagle-hogan-zale-2011", "title": "Nagle, Hogan & Zale 2011",
                              "year": 2011}


def test_json_for_the_reverse_case_and_german_text():
    data = json.loads(run("--margin", "40", "--increase", "10", "--json").stdout)
    assert data["volume_loss_percent"] == 20.0
    assert data["inputs"] == {"margin_percent": 40, "increase_percent": 10}
    text = run("--margin", "25", "--discount", "2,5", "--increase", 5)
    assert text.returncode == 0
    assert "11,1\u00a0% mehr Menge" in text.stdout  # 2.5 / 22.5
    assert "bis zu 16,7\u00a0% der Menge" in text.stdout  # 5 / 30


@pytest.mark.parametrize(("args", "option", "words"), [
    (["--margin", 25, "--discount", 25], "--discount", "nicht kleiner als die Marge"),
    (["--margin", 25, "--discount", 30], "--discount", "nicht kleiner als die Marge"),
    (["--margin", 101, "--discount", 3], "--margin", "erlaubt: 0 bis 100"),
    (["--margin", 25, "--discount", -3], "--discount", "erlaubt: 0 bis 100"),
    (["--margin", 25, "--increase", 120], "--increase", "erlaubt: 0 bis 100"),
    (["--margin", "viel", "--discount", 3], "--margin", "keine Zahl"),
    (["--margin", 0, "--increase", 3], "--margin", "größer als 0"),
    (["--discount", 3], "--margin", "fehlt"),
    (["--margin", 25], "--discount", "--increase"),
    (["--margin", 25, "--discount"], "--discount", "Wert fehlt"),
])
def test_wrong_input_exits_2_with_a_german_message_naming_the_option(args, option, words):
    result = run(*args, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "expected" not in result.stderr
    line = next(text for text in result.stderr.splitlines() if text.startswith(f"Fehler bei {option}:"))
    assert words in line

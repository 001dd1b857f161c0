"""The discount calculator in the built Anforderungen chapter (Chromium): the
same numbers and refusals as the Python model for many inputs, a real form
fill, inline messages instead of numbers for wrong input, keyboard use and
axe in dark mode on a 390 px phone."""

import random

import pytest
from conftest import LOOKS
from exercise_driver import grave_violations

from exercises.discount.model import parse_inputs, result_json, table

pytestmark = pytest.mark.browser
PAGE = "book/anforderungen.html"
ROOT = "[data-kurs-rabatt]"


def typed(rng: random.Random, low: int, high: int) -> str:
    """A percentage as a person types it: whole, or with one or two decimals and a comma or point."""
    whole = rng.randint(low, high)
    if rng.random() < 0.4:
        return str(whole)
    return f"{whole}{rng.choice(',.')}{rng.randint(0, 99):0{rng.choice([1, 2])}d}"


def input_table(count: int = 200) -> list[dict[str, str]]:
    """Random inputs (fixed seed) with discounts near and above the margin, plus edges and wrong input."""
    rng = random.Random(14)
    table_ = []
    for _ in range(count):
        margin = typed(rng, 0, 100)
        table_.append({"margin": margin, "discount": typed(rng, 0, 60), "increase": typed(rng, 0, 100)})
    table_ += [
        {"margin": "25", "discount": "3", "increase": ""},
        {"margin": "100", "discount": "99,99", "increase": "100"},
        {"margin": "0,01", "discount": "0", "increase": "0"},
        {"margin": "25", "discount": "25", "increase": ""},
        {"margin": "0", "discount": "", "increase": "3"},
        {"margin": "", "discount": "3", "increase": ""},
        {"margin": "101", "discount": "3", "increase": "-1"},
        {"margin": "drei", "discount": "1e2", "increase": "2,125"},
        {"margin": " 30 ", "discount": "+5", "increase": "7.5"},
    ]
    return table_


def expected(raw: dict[str, str]) -> dict:
    values, errors = parse_inputs(raw)
    if errors:
        return {"errors": sorted(errors)}
    data = result_json(values, {})
    keys = ("inputs", "volume_increase_percent", "volume_loss_percent")
    return {key: data[key] for key in keys if key in data}


@pytest.fixture
def calculator(visit, site_url):
    """Opens the chapter (desktop, light) and checks for script errors at the end."""
    opened = []

    def open_(look=None):
        opened.append(visit(init_script=None, look=look or LOOKS["desktop-hell"]))
        page = opened[-1].open(f"{site_url}/{PAGE}")
        page.wait_for_selector(f"{ROOT}[data-bereit]")
        return page

    yield open_
    for v in opened:
        assert v.errors == []


def test_page_and_python_agree_on_many_inputs(calculator):
    page = calculator()
    inputs = input_table()
    shown = page.evaluate("rows => rows.map(row => { const r = Kurs.discount.compute(row);"
                          " return r.errors ? {errors: Object.keys(r.errors).sort()} : r; })", inputs)
    computed = [raw for raw, result in zip(inputs, shown, strict=True) if "errors" not in result]
    assert len(computed) >= 100  # at least 100 pairs with a number, not only refusals
    assert [expected(raw) for raw in inputs] == shown


def fill(page, margin: str, discount: str, increase: str) -> None:
    for name, value in (("margin", margin), ("discount", discount), ("increase", increase)):
        page.locator(f"{ROOT} input[name='{name}']").fill(value)


def test_a_real_form_fill_shows_the_model_numbers_in_german(calculator):
    page = calculator()
    fill(page, "40", "7,5", "")
    needed = page.locator(f"{ROOT} [data-wert='mehrmenge']")
    assert float(needed.get_attribute("data-prozent")) == 23.1  # 7.5 / 32.5 = 0.2307…
    assert needed.text_content() == "23,1\u00a0%"
    assert page.locator(f"{ROOT} [data-wert='verlust']").count() == 0
    rows = page.locator(f"{ROOT} tbody tr")
    assert rows.count() == 5
    for index, row in enumerate(table(40)):
        cells = rows.nth(index).locator("td")
        assert cells.nth(0).text_content() == f"+{row.increase_needed:.1f}\u00a0%".replace(".", ",")
    assert page.locator(f"{ROOT} svg title").text_content().startswith("Grafik: nötige Mehrmenge")
    assert page.locator(f"{ROOT} svg rect").count() == 5
    assert page.locator(f"{ROOT} .kurs-rabatt-quelle a").get_attribute("href").endswith(
        "quellen.html#quelle-nagle-hogan-zale-2011")


def test_wrong_input_gets_a_message_at_its_field_and_no_number(calculator):
    page = calculator()
    fill(page, "4", "5", "")
    discount = page.locator(f"{ROOT} input[name='discount']")
    assert discount.get_attribute("aria-invalid") == "true"
    message = page.locator(f"{ROOT} #{discount.get_attribute('id')}-fehler")
    assert "nicht kleiner als die Marge" in message.text_content() and message.is_visible()
    assert message.get_attribute("id") in discount.get_attribute("aria-describedby")
    assert page.locator(f"{ROOT} .kurs-rabatt-ergebnis").is_hidden()
    fill(page, "viel", "", "x")
    text = page.locator(ROOT).text_content()
    assert "„viel“ ist keine Zahl" in text and "„x“ ist keine Zahl" in text
    assert "NaN" not in text and "Infinity" not in text
    fill(page, "4", "3", "")  # 3 / 1
    assert page.locator(f"{ROOT} [data-wert='mehrmenge']").text_content() == "300,0\u00a0%"
    assert discount.get_attribute("aria-invalid") is None
    table_text = page.locator(f"{ROOT} tbody").text_content()
    assert "nicht möglich" in table_text and "NaN" not in table_text


def test_keyboard_alone_changes_the_inputs_and_the_result_is_announced(calculator):
    page = calculator()
    margin = page.locator(f"{ROOT} input[name='margin']")
    margin.focus()
    outline = page.evaluate("element => getComputedStyle(element).outlineStyle", margin.element_handle())
    assert outline != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "discount"
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    region = page.locator(f"{ROOT} [aria-live='polite']")
    # the announcement follows the input after a short pause: wait for the one about 5 %
    page.wait_for_function("element => element.textContent.startsWith('5\u00a0% Rabatt')",
                           arg=region.element_handle())
    assert "33,3\u00a0% mehr Menge" in region.text_content()  # 5 / 15


def test_axe_in_dark_mode_on_a_phone(calculator):
    page = calculator(LOOKS["handy-dunkel"])
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.viewport_size["width"] == 390
    for values in (("25", "3", "3"), ("4", "5", "")):  # a result, then a refusal with its message
        fill(page, *values)
        assert grave_violations(page, ROOT) == []
    width = page.evaluate(f"document.querySelector('{ROOT}').scrollWidth")
    assert width <= page.evaluate(f"document.querySelector('{ROOT}').clientWidth")

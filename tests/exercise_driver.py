"""Answer quiz questions in the browser the way a trainee does: by keyboard or mouse.

Which answer is right comes from the question data in the page (the content
files), never from the code under test.
"""

import json


def page_data(page, selector: str) -> dict:
    return json.loads(page.locator(f"{selector} script[type='application/json']").first.text_content())


def german(value: float) -> str:
    whole = f"{value:,.10f}".rstrip("0").rstrip(".")
    return whole.replace(",", "_").replace(".", ",").replace("_", ".")


def press_or_click(locator, keyboard: bool):
    if keyboard:
        locator.focus()
        locator.page.keyboard.press("Enter" if locator.evaluate("e => e.tagName") == "BUTTON" else "Space")
    else:
        locator.click()


def answer(fieldset, question: dict, right: bool = True, keyboard: bool = True):
    """Fill in ``fieldset`` for ``question``; ``right=False`` gives a wrong answer."""
    kind = question["typ"]
    page = fieldset.page
    if kind in ("einfachauswahl", "mehrfachauswahl"):
        options = question["optionen"]
        if right:
            picks = [o for o in options if o["richtig"]]
        else:
            picks = [next(o for o in options if not o["richtig"])]
        for option in picks:
            press_or_click(fieldset.get_by_label(option["text"], exact=True), keyboard)
    elif kind == "wahr-falsch":
        wanted = question["richtig"] if right else ("falsch" if question["richtig"] == "wahr" else "wahr")
        press_or_click(fieldset.get_by_label("Wahr" if wanted == "wahr" else "Falsch", exact=True), keyboard)
    elif kind == "zahl":
        value = question["loesung"] if right else question["bis"] + abs(question["bis"]) + 1
        field = fieldset.locator("input.kurs-zahlfeld")
        field.focus()
        page.keyboard.type(german(value))
    elif kind == "reihenfolge":
        steps = len(question["schritte"])
        for target in range(steps):
            while True:
                order = [int(x) for x in fieldset.locator("li.kurs-schritt").evaluate_all(
                    "items => items.map(i => i.dataset.schritt)")]
                place = order.index(target)
                if place == target:
                    break
                item = fieldset.locator(f"li.kurs-schritt[data-schritt='{target}']")
                press_or_click(item.get_by_role("button", name="nach oben"), keyboard)
        if not right:  # swap the first two steps
            press_or_click(fieldset.locator("li.kurs-schritt").nth(1).get_by_role("button", name="nach oben"),
                           keyboard)
    elif kind == "zuordnung":
        selects = fieldset.locator("select")
        count = selects.count()
        for index in range(count):
            wanted = index if right else (index + 1) % count
            select = selects.nth(index)
            if keyboard:
                choose_by_keyboard(select, str(wanted), count)
            else:
                select.select_option(str(wanted))
            assert select.input_value() == str(wanted)


def choose_by_keyboard(select, wanted: str, count: int):
    """Pick an option as a keyboard user does. A classic select changes with the arrow keys;
    Chromium's customizable select on phones (appearance: base-select, assets/kurs.css)
    opens a list with Enter, moves with the arrows and takes the option with Enter."""
    page = select.page
    select.focus()
    if select.evaluate("s => getComputedStyle(s).appearance") != "base-select":
        for _ in range(count + 1):
            if select.input_value() == wanted:
                return
            page.keyboard.press("ArrowDown")
        return
    page.keyboard.press("Enter")
    highlighted = "document.activeElement.tagName === 'OPTION' && document.activeElement.value"
    for _ in range(count + 2):
        if page.evaluate(highlighted) == wanted:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def check(fieldset, keyboard: bool = True):
    press_or_click(fieldset.get_by_role("button", name="Prüfen", exact=True), keyboard)


def question_for(page, fieldset, data: dict) -> dict:
    question_id = fieldset.get_attribute("data-frage")
    return next(q for q in data["fragen"] if q["id"] == question_id)


# What a trainee sees of a question: the order of its choices, what is entered
# or picked, and the feedback. Two equal states look the same on screen.
STATE_JS = """fs => ({
    question: fs.dataset.frage,
    choices: [...fs.querySelectorAll('label, option, li.kurs-schritt')].map(e => e.textContent),
    picked: [...fs.querySelectorAll('input:checked')].map(i => i.value),
    typed: [...fs.querySelectorAll('input[type=text]')].map(i => i.value),
    selected: [...fs.querySelectorAll('select')].map(s => s.value),
    locked: [...fs.querySelectorAll('input, select')].map(i => i.disabled),
    feedback: fs.querySelector('.kurs-rueckmeldung').innerText,
})"""


def question_states(page) -> list[dict]:
    return page.locator("fieldset.kurs-frage").evaluate_all(f"all => all.map({STATE_JS})")


def percent(points: list[float]) -> int:
    """A score in whole percent, halves rounded up (as the course states it)."""
    return int(sum(points) / len(points) * 100 + 0.5) if points else 0


GRAVE = {"serious", "critical"}
EVERY_IMPACT = {"minor", "moderate", *GRAVE}


def grave_violations(page, within: str | None = None, impacts: set[str] = GRAVE) -> list[str]:
    """Serious or critical axe-core findings (or those of ``impacts``) on the page as it is
    now (or in ``within``).
    Only violations are collected: listing every passing node as well took axe twice as long.
    No preload: axe would fetch the style sheets itself, resolve the theme's import of
    basic.css against the site root and log a 404; only an experimental rule, which axe leaves
    out by default, reads them."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, within, {"resultTypes": ["violations"], "preload": False}).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:8]}"
            for v in found if v["impact"] in impacts]

"""Phones and dark mode: every page fits 320 and 390 px without cut-off text,
figures stay readable at 390 px, and with all feedback on screen no page has a
serious axe-core violation on a phone, in light mode or in dark mode, whether set
by the system or the toggle. Each page is opened once per look: the checks of one
look share the visit (answering every quiz is the slow part): 390 px in dark mode
by the system setting, and 320 px in light mode, then dark by the toggle.
"""

from urllib.parse import urlparse

import pytest
from conftest import LOOKS, foreign, record_traffic
from exercise_driver import EVERY_IMPACT, answer, check, grave_violations, page_data, question_for
from pages import html_pages

pytestmark = pytest.mark.browser
PAGES = html_pages()
MIN_FIGURE_TEXT = 11  # CSS px at 390 px width

# Elements whose text sticks out of the window or is cut off by their own box.
# Scroll boxes (tables, figures) may be wider than the window: their content scrolls inside.
CUT_OFF = """() => {
  const scrollBox = (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (el.closest(".kurs-nur-vorlesen, .visually-hidden, .sr-only") || scrollBox(el)) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()}.${el.className} „${el.textContent.trim().slice(0, 40)}“`;
    if (rect.width && (rect.right > innerWidth + 1 || rect.left < -1)) found.push(`außerhalb: ${name}`);
    const hides = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
    if (hides && el.clientWidth && el.scrollWidth > el.clientWidth + 1) found.push(`abgeschnitten: ${name}`);
  }
  return found;
}"""

# The smallest text of every figure and shown chart in CSS px. An SVG is scaled as a whole,
# so its text is font-size × rendered width / viewBox width; an <img>'s file is parsed for that.
FIGURE_TEXT = """async () => {
  const smallest = [];
  const measure = (svg, label, scale) => {
    const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize));
    smallest.push([label, Math.min(...sizes) * scale, sizes.length]);
  };
  for (const svg of document.querySelectorAll("article svg[viewBox]")) {
    if (!svg.querySelector("text") || !svg.checkVisibility()) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    measure(svg, `inline (${svg.getAttribute("class")})`, scale);
  }
  for (const img of document.querySelectorAll("article img[src$='.svg']")) {
    const source = await (await fetch(img.src)).text();
    const svg = new DOMParser().parseFromString(source, "image/svg+xml").documentElement;
    const holder = document.createElement("div");
    holder.style.cssText = "position:absolute;visibility:hidden;width:0;height:0;overflow:hidden";
    holder.appendChild(document.importNode(svg, true));
    document.body.appendChild(holder);
    const scale = img.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    measure(holder.firstChild, img.getAttribute("src"), scale);
    holder.remove();
  }
  return smallest;
}"""


def open_page(visit, site_url, path, look):
    v = visit(look=look)
    return v, v.open(f"{site_url}/{path}")


def reveal_quiz(page, root):
    """One question answered wrong with its solution shown, one right, one partly right."""
    data = page_data(page, "[data-kurs-quiz]")
    fieldsets = root.locator("fieldset.kurs-frage").all()
    wrong, right = fieldsets[0], fieldsets[1]
    answer(wrong, question_for(page, wrong, data), right=False, keyboard=False)
    check(wrong, keyboard=False)
    wrong.get_by_role("button", name="Lösung anzeigen").click()
    answer(right, question_for(page, right, data), right=True, keyboard=False)
    check(right, keyboard=False)
    for fieldset in fieldsets[2:]:
        question = question_for(page, fieldset, data)
        correct = [o for o in question.get("optionen", []) if o["richtig"]]
        if question["typ"] == "mehrfachauswahl" and len(correct) > 1:
            fieldset.get_by_label(correct[0]["text"], exact=True).check()
            check(fieldset, keyboard=False)
            break
    assert root.locator(".kurs-falsch, .kurs-teilweise").count() >= 1
    assert root.locator(".kurs-richtig").count() >= 1


def reveal_exam(page, root):
    """Every question answered, the first one wrong; then the result table."""
    data = page_data(page, "[data-kurs-quiz]")
    for index, fieldset in enumerate(root.locator("fieldset.kurs-frage").all()):
        answer(fieldset, question_for(page, fieldset, data), right=index > 0, keyboard=False)
    root.get_by_role("button", name="Test abgeben").click()
    assert root.locator(".kurs-ergebnis table").count() == 1


def reveal_roleplays(page):
    for box in page.locator("[data-kurs-rollenspiel]").all():
        box.locator(".kurs-wahl button").first.click()
        assert box.locator(".kurs-folge").count() >= 1


def reveal_selfcheck(page):
    data = page_data(page, "[data-kurs-selbstcheck]")
    for index in range(len(data["aussagen"])):
        page.locator(f"#aussage-{index}-{index % 5 + 1}").check()
    page.get_by_role("button", name="Auswerten").click()
    assert page.locator(".kurs-selbstcheck-ergebnis svg").count() == 1


def reveal_salary(page):
    """The calculator shows results from the start; a wrong number shows an error too."""
    assert page.locator(".kurs-gehalt-grafik").count() >= 1
    page.locator(".kurs-gehalt-zahl").last.fill("viele")
    assert page.locator(".kurs-gehalt-fehler:not([hidden])").count() >= 1


def reveal(page):
    """Put every kind of feedback a page can show on screen."""
    for root in page.locator("[data-kurs-quiz]").all():
        (reveal_exam if root.get_attribute("data-kurs-quiz") == "pruefung" else reveal_quiz)(page, root)
    if page.locator("[data-kurs-rollenspiel]").count():
        reveal_roleplays(page)
    if page.locator("[data-kurs-selbstcheck]").count():
        reveal_selfcheck(page)
    if page.locator("[data-kurs-gehalt]").count():
        reveal_salary(page)


def open_with_feedback(v, site_url, path):
    """The page with its feedback shown; the progress pages after some work elsewhere."""
    if path in ("book/fortschritt.html", "book/teilnahmebestaetigung.html"):
        for done in ("book/definition.html", "book/selbstcheck.html"):
            reveal(v.open(f"{site_url}/{done}"))
    page = v.open(f"{site_url}/{path}")
    reveal(page)
    return page


def assert_fits(page, width: int) -> None:
    assert page.evaluate("innerWidth") == width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(CUT_OFF) == []


FIGURE_PAGES = [p for p in PAGES if p.startswith("book/")]


def test_figures_exist_and_open_in_full_size_with_their_description(visit, site_url):
    """Each figure links to its own file; the link is named by the figure's alternative text."""
    _, page = open_page(visit, site_url, "book/definition.html", LOOKS["handy-dunkel"])
    figures = page.locator("figure img[src$='.svg']")
    assert figures.count() >= 2
    for img in figures.all():
        link = img.locator("xpath=ancestor::a[1]")
        assert link.get_attribute("href") == img.get_attribute("src")
        assert img.get_attribute("alt")
        assert link.evaluate("a => a.closest('figure') !== null")
    full = page.context.new_page()
    response = full.goto(figures.first.evaluate("img => img.src"))
    assert response.ok and "svg" in response.headers["content-type"]
    full.close()


def settled(page) -> None:
    """Buttons fade to new colours (0.15 s); axe judges the colours a reader then sees."""
    page.wait_for_function("document.getAnimations().every((a) => !(a instanceof CSSTransition))")


# Each element's colours as drawn, with what it is ("a.reference „Quellen“"), in page order.
COLOURS = """() => [...document.body.querySelectorAll("*")].map((el) => {
  const style = getComputedStyle(el);
  const colours = [style.color, style.backgroundColor, style.borderTopColor, style.outlineColor, style.fill];
  const name = `${el.tagName.toLowerCase()}.${el.classList[0] || ""} „${el.textContent.trim().slice(0, 30)}“`;
  return `${name}: ${colours.join(" / ")}`;
})"""


@pytest.mark.parametrize("path", PAGES)
def test_dark_mode_by_system_setting_fits_390_px_and_passes_axe_with_feedback_shown(visit, site_url, path):
    """On the phone in dark mode also what test_browser.py checks on the desktop (nothing
    from another host, nothing missing), and the figures' smallest text."""
    v = visit(look=LOOKS["handy-dunkel"], worker=True)
    traffic = record_traffic(v.page)
    page = open_with_feedback(v, site_url, path)
    if not path.startswith("rollenkarten/"):  # role cards are plain pages for print, always light
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert_fits(page, 390)
    assert foreign(traffic["requests"], "http", urlparse(site_url).netloc) == []
    assert traffic["failed"] == []
    assert v.errors == []
    assert grave_violations(page) == []
    if path in FIGURE_PAGES:
        for label, size, count in page.evaluate(FIGURE_TEXT):
            assert count > 0
            assert size >= MIN_FIGURE_TEXT, f"{label}: kleinste Schrift {size:.1f} px"


@pytest.mark.parametrize("path", PAGES)
def test_narrowest_phone_in_light_mode_then_dark_by_theme_toggle_with_feedback_shown(visit, site, path):
    """Opened from the file system, as a trainee may open the course unpacked: what
    test_browser.py checks on the desktop (nothing from elsewhere, nothing missing), and
    at 320 px in light mode nothing cut off. Feedback boxes are tinted in light mode too:
    their links need the same care. Then the same page switched to dark with the theme's
    own button: it must look exactly as on a phone set to dark, which the test above runs
    axe on (role cards, search and index have no toggle; test_browser.py runs axe on them)."""
    v = visit(look=LOOKS["handy-320"])
    traffic = record_traffic(v.page)
    page = open_with_feedback(v, site.as_uri(), path)
    assert_fits(page, 320)
    assert foreign(traffic["requests"], "file") == []
    assert traffic["failed"] == []
    assert v.errors == []
    if not path.startswith("book/"):
        return
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert grave_violations(page) == []
    for _ in range(2):
        if page.evaluate("document.documentElement.dataset.theme") != "dark":
            page.evaluate("document.querySelector('.theme-switch-button').click()")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    settled(page)
    assert_fits(page, 320)
    toggled = page.evaluate(COLOURS)
    page.emulate_media(color_scheme="dark")
    settled(page)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    system = page.evaluate(COLOURS)
    assert [f"{old} → {new}" for old, new in zip(toggled, system, strict=True) if old != new] == []


# The chosen answer of a <select>: how many lines its text needs at the select's width,
# and how many the select shows.
SELECT_LINES = """(select) => {
  const style = getComputedStyle(select);
  const pen = document.createElement("canvas").getContext("2d");
  pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const needed = Math.ceil(pen.measureText(select.selectedOptions[0].textContent).width / inner);
  return [needed, Math.floor(select.clientHeight / parseFloat(style.fontSize))];
}"""


@pytest.mark.parametrize("path, selects", [("book/definition.html", ".kurs-zuordnung select"),
                                           ("book/gehalt.html", ".kurs-gehalt-feld select")])
def test_long_choices_show_their_whole_text_at_320_px(visit, site_url, path, selects):
    _, page = open_page(visit, site_url, path, LOOKS["handy-320"])
    wrapped = 0
    for select in page.locator(selects).all():
        longest = max(select.locator("option").all(), key=lambda o: len(o.inner_text()))
        select.select_option(longest.get_attribute("value"))
        needed, shown = select.evaluate(SELECT_LINES)
        assert shown >= needed, f"{longest.inner_text()!r}: {needed} Zeilen nötig, {shown} sichtbar"
        wrapped += needed > 1
    assert wrapped > 0  # the page does have choices longer than one line


def test_legends_sit_inside_their_box_and_the_scale_fits_at_320_px(visit, site_url):
    _, page = open_page(visit, site_url, "book/definition.html", LOOKS["handy-320"])
    for button in page.get_by_role("button", name="Musterantwort zeigen").all():
        button.click()  # shows the writing task's checklist, a fieldset too
    assert page.locator(".kurs-schreiben-checkliste").first.is_visible()
    crossed = page.locator("fieldset").evaluate_all("""sets => sets.filter((set) => {
        const legend = set.querySelector(':scope > legend');
        return legend && set.getClientRects().length && legend.getBoundingClientRect().top
            < set.getBoundingClientRect().top + parseFloat(getComputedStyle(set).borderTopWidth);
    }).map((set) => set.querySelector('legend').textContent)""")
    assert page.locator("fieldset > legend").count() > 3
    assert crossed == []
    _, page = open_page(visit, site_url, "book/selbstcheck.html", LOOKS["handy-320"])
    for scale in page.locator(".kurs-skala").all():
        right = min(scale.bounding_box()["x"] + scale.bounding_box()["width"], 320)
        for label in scale.locator("label").all():
            edge = label.bounding_box()
            assert edge["x"] >= 0 and edge["x"] + edge["width"] <= right + 1, label.inner_text()


def wcag_contrast(first: str, second: str) -> float:
    def luminance(colour):
        values = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("accent", ["#7a1f3d", "#0b4f6c", "#000000", "#1d5e20"])
def test_company_accent_gets_a_readable_dark_mode_shade(accent):
    from exercises.build import dark_mode_accent
    shade = dark_mode_accent(accent)
    # readable on the theme's dark page and on its lighter boxes
    assert wcag_contrast(shade, "#121212") >= 4.5
    assert wcag_contrast(shade, "#29313d") >= 4.5
    assert shade != "#ffffff"  # still the company's hue, not plain white


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_button_is_readable_also_under_the_mouse(visit, site_url, scheme):
    """The theme shows it on phones when the reader scrolls back up; its own colours were
    white on orange (2.4 : 1), and under the mouse its hover colours win."""
    look = {**LOOKS["handy-dunkel"], "color_scheme": scheme}
    _, page = open_page(visit, site_url, "book/gehalt.html", look)
    button = page.locator("#pst-back-to-top")
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -300)
    button.wait_for(state="visible")
    assert grave_violations(page, "#pst-back-to-top", EVERY_IMPACT) == []
    button.hover()
    settled(page)
    assert grave_violations(page, "#pst-back-to-top", EVERY_IMPACT) == []

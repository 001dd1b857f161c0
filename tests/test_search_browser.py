"""The course search in Chromium, over http and from the file system (no special
browser flags): results with excerpts, chapters before the glossary, the glossary
once, one search field, keyboard use, dark mode at 390 px."""

import re

import pytest
from conftest import LOOKS
from exercise_driver import grave_violations
from pages import PROJECT
from ruamel.yaml import YAML

pytestmark = pytest.mark.browser
QUERY = "Gehalt"
SEARCH_CONTROLS = "input[type=search], input[name=q], .search-button, .search-button-field"


def glossary() -> dict[str, str]:
    """Every glossary term with its definition, read from the chapters' YAML files."""
    terms = {}
    for path in sorted((PROJECT / "exercises" / "inhalte").glob("glossar-*.yml")):
        for term, entry in (YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}).items():
            terms[term] = " ".join(entry["definition"].split())
    return terms


def search_url(protocol: str, site, site_url: str, query: str = QUERY) -> str:
    if protocol == "file":
        return (site / "search.html").as_uri() + f"?q={query}"
    return f"{site_url}/search.html?q={query}"


def run_search(visit, url: str, look: dict):
    """The finished result list: Sphinx writes the summary line last."""
    visitor = visit(look=look)
    page = visitor.open(url)
    page.wait_for_function(
        "() => document.querySelector('#search-results p.search-summary')?.textContent.trim()")
    hits = page.eval_on_selector_all("#search-results ul.search > li", """items => items.map(item => ({
        href: item.querySelector('a').getAttribute('href'),
        excerpt: item.querySelector('p.context')?.textContent || '',
        marked: [...item.querySelectorAll('p.context strong')].map(s => s.textContent)}))""")
    return visitor, page, hits


def visible_controls(page) -> list[str]:
    return page.eval_on_selector_all(SEARCH_CONTROLS, """nodes => nodes.filter(node => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
    }).map(node => node.outerHTML.slice(0, 120))""")


@pytest.mark.parametrize("look_name", ["desktop-hell", "handy-dunkel"])
@pytest.mark.parametrize("protocol", ["http", "file"])
def test_search_results(visit, site, site_url, protocol, look_name):
    visitor, page, hits = run_search(visit, search_url(protocol, site, site_url), LOOKS[look_name])
    assert visitor.errors == []
    assert len(hits) >= 3
    # The chapter named after the word comes first, the glossary follows it once.
    assert hits[0]["href"].split("#")[0] == "book/gehalt.html"
    pages = [hit["href"].split("#")[0] for hit in hits]
    assert len(pages) == len(set(pages))
    assert pages.count("book/glossar.html") == 1
    for hit in hits:
        assert hit["excerpt"].strip(), hit["href"]
        assert any(QUERY.casefold() in word.casefold() for word in hit["marked"]), hit


def test_glossary_excerpt_keeps_term_and_definition_apart(visit, site):
    _, _, hits = run_search(visit, search_url("file", site, ""), LOOKS["desktop-hell"])
    excerpt = " ".join(next(h["excerpt"] for h in hits if "glossar.html" in h["href"]).split())
    shown = {term: definition for term, definition in glossary().items()
             if term in excerpt and " ".join(definition.split()[:3]) in excerpt}
    assert shown, excerpt
    for term, definition in shown.items():
        start = " ".join(definition.split()[:3])
        assert term + start not in excerpt
        assert re.search(re.escape(term) + r"[\s:–-]+" + re.escape(start), excerpt), excerpt


@pytest.mark.parametrize("look_name", ["desktop-hell", "handy-dunkel"])
def test_search_results_accessible(visit, site_url, site, look_name):
    _, page, hits = run_search(visit, search_url("http", site, site_url), LOOKS[look_name])
    assert hits
    assert grave_violations(page) == []


@pytest.mark.parametrize("path", ["book/gehalt.html", "search.html"])
@pytest.mark.parametrize("look_name", ["desktop-hell", "handy-dunkel"])
def test_one_search_field(visit, site, path, look_name):
    visitor = visit(look=LOOKS[look_name])
    page = visitor.open((site / path).as_uri())
    assert len(visible_controls(page)) == 1, visible_controls(page)


def test_keyboard_search_from_file_system(visit, site):
    """Ctrl+K opens the search field; Enter shows the results page with hits."""
    visitor = visit(look=LOOKS["desktop-hell"])
    page = visitor.open((site / "book" / "aufgaben.html").as_uri())
    page.keyboard.press("Control+k")
    field = page.locator("dialog input[name=q]")
    field.wait_for(state="visible")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=" + QUERY))
    page.wait_for_function(
        "() => document.querySelector('#search-results p.search-summary')?.textContent.trim()")
    first = page.locator("#search-results ul.search > li a").first.get_attribute("href")
    assert first.startswith("book/gehalt.html")
    assert visitor.errors == []

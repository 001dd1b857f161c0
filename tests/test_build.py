"""The whole book builds with warnings as errors and nitpicky references."""

import re


def test_book_builds_without_warnings(book_build):
    result, html = book_build
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert not re.search(r"\bWARNING:", log), log[-4000:]
    assert (html / "book" / "intro.html").is_file()


def test_site_names_no_third_party_resource(site):
    """No script, stylesheet, image or font from another host in any page."""
    remote = re.compile(r"""(?:src|href)=["'](?:https?:)?//[^"']+\.(?:js|css|woff2?|ttf|png|svg|jpg)""")
    offenders = {}
    for page in site.rglob("*.html"):
        found = remote.findall(page.read_text(encoding="utf-8"))
        if found:
            offenders[str(page.relative_to(site))] = found
    assert offenders == {}


def test_german_search_index(site):
    """Search runs in the browser with the German stemmer, from the site's own files."""
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    assert "verhandl" in index  # stemmed form of Verhandlung/verhandeln
    html = (site / "search.html").read_text(encoding="utf-8")
    assert 'lang="de"' in html

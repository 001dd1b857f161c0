"""Search that also works when the course is opened from the file system.

Sphinx's search page fetches every hit's HTML page to show an excerpt. Browsers
refuse such requests on ``file://`` pages, so each hit threw an error and showed
no excerpt. Instead the build writes the plain text of every page into a small
script (``kurs-suchtexte.js``) that the search page loads with a script tag, and
``kurs-suche.js`` builds the excerpts from it, over http and file:// alike.
"""

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

TEXTS_SCRIPT = "kurs-suchtexte.js"
STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


class TextCollector(nodes.NodeVisitor):
    """The words a reader sees, in the same selection Sphinx puts into its index.

    Every block (paragraph, title, glossary term, list item) starts with a
    space, so a glossary term and its definition never run together.
    """

    def __init__(self, document: nodes.document, skip: nodes.Node | None = None) -> None:
        super().__init__(document)
        self.parts: list[str] = []
        self.skip = skip

    def dispatch_visit(self, node: nodes.Node) -> None:
        if node is self.skip or isinstance(node, nodes.comment):
            raise nodes.SkipNode
        if isinstance(node, nodes.raw):
            if "html" in node.get("format", "").split():
                visible = TAG.sub(" ", STYLE_OR_SCRIPT.sub(" ", node.astext()))
                self.parts.append(" " + html.unescape(visible))
            raise nodes.SkipNode
        if isinstance(node, nodes.Text):
            self.parts.append(node.astext())
        elif isinstance(node, nodes.Element) and not isinstance(node, nodes.Inline):
            self.parts.append(" ")

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def plain_text(node: nodes.Node, document: nodes.document, skip: nodes.Node | None = None) -> str:
    collector = TextCollector(document, skip)
    node.walkabout(collector)
    return collector.text()


def page_entry(doctree: nodes.document) -> dict:
    """The page's text, and for each glossary term the term with its definition."""
    terms = {}
    for term in doctree.findall(nodes.term):
        if term["ids"] and isinstance(term.parent, nodes.definition_list_item):
            definition = term.parent.next_node(nodes.definition)
            if definition is not None:
                terms[term["ids"][0]] = (f"{plain_text(term, doctree)}: "
                                         f"{plain_text(definition, doctree)}")
    # The hit's link already shows the page title.
    page_title = doctree.next_node(nodes.title)
    return {"text": plain_text(doctree, doctree, page_title), "anchors": terms}


def write_texts(app: Sphinx) -> list:
    """Write the texts of all pages once the pages are written (``html-collect-pages``)."""
    if app.builder.format != "html":
        return []
    env = app.builder.env
    # Resolved, so a link to a chapter reads as its title, not its file name.
    texts = {docname: page_entry(env.get_and_resolve_doctree(docname, app.builder))
             for docname in sorted(env.found_docs)}
    data = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / TEXTS_SCRIPT).write_text(f"window.courseSearchTexts = {data};\n", encoding="utf-8")
    return []


def search_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict,
                       doctree) -> None:
    if pagename != "search":
        return
    app.add_js_file(TEXTS_SCRIPT, defer="defer")
    app.add_js_file("kurs-suche.js", defer="defer")
    app.add_css_file("kurs-suche.css")


def use_own_excerpts(app: Sphinx, config) -> None:
    # Sphinx's excerpts need fetch(), which file:// pages may not use.
    config.html_show_search_summary = False


def setup(app: Sphinx) -> None:
    app.connect("config-inited", use_own_excerpts)
    app.connect("html-collect-pages", write_texts)
    app.connect("html-page-context", search_page_assets)

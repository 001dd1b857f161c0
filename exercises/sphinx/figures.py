"""Figures open in full size: each SVG figure becomes a link to its own file.

On a phone a figure drawn 800 units wide shrinks its labels below reading size.
The link lets a reader open it whole (the browser shows the file at its own
size and can zoom it); the image keeps its alternative text, which names the link.
"""

import posixpath

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri


def link_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    images = relative_uri(app.builder.get_target_uri(docname), "_images")
    for figure in doctree.findall(nodes.figure):
        for image in list(figure.findall(nodes.image)):
            uri = image["uri"]
            if not uri.endswith(".svg") or isinstance(image.parent, nodes.reference):
                continue
            link = nodes.reference("", "", refuri=posixpath.join(images, app.env.images[uri][1]),
                                   classes=["kurs-bild-gross"])
            image.replace_self(link)
            link += image
            # shown on phones only (kurs.css), where the figure is wider than the screen
            link.parent.insert(link.parent.index(link) + 1, nodes.paragraph(
                "", "Zum Lesen seitlich wischen oder antippen: Das Bild öffnet sich in voller Größe.",
                classes=["kurs-bild-hinweis"]))


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", link_figures)

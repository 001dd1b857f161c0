"""Keep the built site privacy-clean: nothing may load from another host.

Configuration switches the known sources off (myst-nb's CDN widget scripts,
MathJax); this guard turns any remote script, stylesheet or image that still
reaches a page into a build warning, which ``-W`` makes an error.
"""

import re

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)
REMOTE_IN_BODY = re.compile(
    r"""<(?:img|script|link|iframe|source|audio|video)\b[^>]*\b(?:src|href)=["']((?:https?:)?//[^"']+)""",
    re.IGNORECASE,
)


def refuse_remote_resources(app: Sphinx, pagename: str, templatename: str, context: dict,
                            doctree) -> None:
    urls = [str(getattr(f, "filename", f)) for f in context.get("script_files", [])]
    urls += [str(getattr(f, "filename", f)) for f in context.get("css_files", [])]
    urls = [url for url in urls if REMOTE.match(url)]
    urls += REMOTE_IN_BODY.findall(context.get("body", ""))
    for url in urls:
        logger.warning("Seite %s lädt %s von einem fremden Server; der Kurs darf nur "
                       "eigene Dateien laden.", pagename, url, type="kurs", subtype="privacy")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", refuse_remote_resources)

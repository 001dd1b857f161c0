"""Inline SVG icons instead of the theme's icon-font script.

The theme loads ``fontawesome.js`` (about 530 KB gzip) on every page to turn a
dozen ``<i class="fa-solid fa-…">`` tags into SVG, plus a 156 KB icon font.
After the build, each written page gets the course's own drawings for the
icons it shows, inline, and the script tag goes. The element keeps its classes
and attributes, so the theme's CSS (light/dark/auto switch, sizes) still
applies. ``weight.py`` runs this over every written page. An icon without a
drawing is a build warning, an error under ``-W``.
"""

import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

# Drawn on a 16 x 16 grid with round strokes in the text colour.
DRAWINGS = {
    "bars": '<path d="M2 4h12M2 8h12M2 12h12"/>',
    "list": '<path d="M5.5 4H14M5.5 8H14M5.5 12H14"/>'
            '<path d="M2.2 4h.1M2.2 8h.1M2.2 12h.1" stroke-width="2.4"/>',
    "outdent": '<path d="M2 3h12M7.5 6.5H14M7.5 9.5H14M2 13h12M5 5.5 2.5 8 5 10.5"/>',
    "magnifying-glass": '<circle cx="7" cy="7" r="4.5"/><path d="m10.5 10.5 3.5 3.5"/>',
    "sun": '<circle cx="8" cy="8" r="3"/><path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1'
           'M3 13l1-1M12 4l1-1"/>',
    "moon": '<path d="M13.5 10A6 6 0 0 1 6 2.5a6 6 0 1 0 7.5 7.5z"/>',
    "circle-half-stroke": '<circle cx="8" cy="8" r="6"/><path d="M8 2a6 6 0 0 0 0 12z" fill="currentColor"/>',
    "angle-left": '<path d="M10 3 5 8l5 5"/>',
    "angle-right": '<path d="m6 3 5 5-5 5"/>',
    "arrow-up": '<path d="M8 14V2.5M3.5 7 8 2.5 12.5 7"/>',
}
ICON_TAG = re.compile(r'<(i|span) class="([^"]*\bfa-solid\b[^"]*)"([^>]*)></\1>')
ICON_NAME = re.compile(r"\bfa-(?!solid\b|lg\b)([a-z-]+)")
FONT_SCRIPT = re.compile(r'\s*<script defer src="[^"]*/fontawesome\.js[^"]*"></script>')
# stroke and fill come from kurs-icons.css, which keeps each icon short
SVG_ATTRS = 'viewBox="0 0 16 16" aria-hidden="true"'


def inline_icons(html: str, page: str) -> str:
    def draw(match: re.Match) -> str:
        classes, attrs = " ".join(match[2].split()), match[3]
        name = ICON_NAME.search(classes)
        if not name or name[1] not in DRAWINGS:
            logger.warning("Seite %s zeigt das Symbol %r, für das es keine Zeichnung gibt (in "
                           "exercises/sphinx/icons.py ergänzen).", page, classes,
                           type="kurs", subtype="icons")
            return match[0]
        return f'<svg class="{classes} kurs-icon"{attrs} {SVG_ATTRS}>{DRAWINGS[name[1]]}</svg>'

    return ICON_TAG.sub(draw, FONT_SCRIPT.sub("", html))


# In the theme's stylesheet: one rule per icon of the whole font (about 20 KB gzip)
# and the font files, which the offline copy would otherwise store (about 1 MB).
FONT_RULES = re.compile(r'(?:\.fa-[\w-]+:before,?)+\{content:"[^"]*"\}'
                        r"|@font-face\{[^}]*/fontawesome/[^}]*\}")


def trim_theme_css(outdir: Path) -> None:
    """Drop the icon font from the theme's stylesheet: no page shows a glyph of it any more."""
    path = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    if path.exists():
        css = path.read_text(encoding="utf-8")
        trimmed = FONT_RULES.sub("", css)
        if trimmed != css:  # a file left as it is keeps the offline copy's check short
            path.write_text(trimmed, encoding="utf-8")

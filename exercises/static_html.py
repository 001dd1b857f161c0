"""HTML for the static site: a container, embedded JSON data and a fallback.

The course's JS runtime (``assets/kurs-*.js``) finds the container by its
``data-kurs-*`` attribute and builds the exercise from the JSON. JSON inside
a script element is escaped so that no content can close the element.
"""

import json
from html import escape


def embedded_json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def container(kind: str, value: str, data, fallback: str, css_class: str, element_id: str = "") -> str:
    anchor = f' id="{escape(element_id)}"' if element_id else ""
    return (
        f'<div class="{css_class}"{anchor} data-kurs-{kind}="{escape(value)}">'
        f'<script type="application/json">{embedded_json(data)}</script>'
        f'<div class="kurs-quiz-ziel kurs-ziel"><p class="kurs-ohne-js">{escape(fallback)}</p></div>'
        "</div>"
    )

"""The data of the static workbook page (``assets/kurs-arbeitsmappe.js``): the
content of ``arbeitsmappe.yml`` in the page's shape, with links. The introduction
is the page's own prose (book/arbeitsmappe.md); the notebook app shows ``einleitung``."""

from exercises.workbook.model import PARTS, PLANS, Workbook


def page_data(workbook: Workbook, source: dict, roleplay_href: str) -> dict:
    return {
        "title": workbook.titel,
        "plans": PLANS,
        "matrixPart": PARTS[2],
        "stakeholderPart": PARTS[3],
        "case": {**workbook.fall.model_dump(), "roleplayHref": roleplay_href},
        "ownIntro": workbook.eigen_einleitung,
        "parts": [part.model_dump() for part in workbook.bausteine],
        "stakeholder": workbook.stakeholder.model_dump(),
        "whitespace": workbook.whitespace.model_dump(),
        "source": source,
    }

"""Role-play data for the JS runtime and the classroom role cards.

Every screen label of a role-play comes from UI_TEXT in the scenario's language
(``sprache``): the page runtime gets its strings in the page JSON, and the role
cards and the ipywidgets app read the same table, so no label is written twice.
Placeholders such as ``{n}`` are filled by str.format here and by the same
``{name}`` syntax in assets/kurs-rollenspiel.js.
"""

from html import escape

from exercises.roleplay.model import Scenario

UI_TEXT = {
    "de": {
        "ratings": {"beste": "beste Wahl", "akzeptabel": "akzeptabel", "schwach": "schwach"},
        "noscript": "Das Rollenspiel braucht JavaScript im Browser.",
        "situation": "Ihre Ausgangslage: ",
        "skills": "Bewertet werden: {skills}. Sie können jederzeit einen Schritt zurückgehen "
                  "oder neu beginnen.",
        "cards_link": "Rollenkarten für das Rollenspiel im Seminar (druckbar)",
        "dialogue": "Gesprächsverlauf",
        "back": "Einen Schritt zurück",
        "restart": "Neu beginnen",
        "you": "Sie",
        "feedback": "Bewertung: {rating} · Konzept: {concept} · Wirkung: {effect}",
        "answer_group": "Ihre Antwort (Entscheidung {n})",
        "question": "Entscheidung {n}: Wie antworten Sie?",
        "ending": "Ende: {title}",
        "score_label": "{skill}: {value} Punkte, möglich von {low} bis {high}",
        "score_text": "{value} (möglich: {low} bis {high})",
        "scores": "Ihre Punkte je Fähigkeit",
        "recap": "Ihr Weg durch das Gespräch",
        "debrief": "Nachbesprechung",
        "cards_title": "Rollenkarten: {title}",
        "print_hint": "Drucken Sie diese Seite (Strg+P): Jede Karte kommt auf ein eigenes A4-Blatt.",
        "buyer_hint": "Die Einkaufskarte enthält vertrauliche Grenzen – geben Sie sie nur der Person, "
                      "die einkauft.",
        "buyer_withheld": "Die Karte für den Einkauf mit ihren vertraulichen Grenzen steht nur in der "
                          "Ausgabe für Trainer:innen; Ihre Trainerin oder Ihr Trainer gibt sie aus.",
        "seller_card": "Karte {n} von {total} · Verkauf",
        "buyer_card": "Karte {n} von {total} · Einkauf · vertraulich",
        "observer_card": "Karte {n} von {total} · Beobachtung",
        "situation_title": "Lage",
        "brief": "Auftrag",
        "goals": "Ziele",
        "room": "Spielraum",
        "limits": "Vertrauliche Grenzen",
        "tactics": "Taktiken, die Sie ausprobieren",
        "observer_title": "Beobachtungsbogen",
        "observer_hint": "Haken Sie ab, was Sie beobachten, und notieren Sie ein Beispiel für die "
                         "Nachbesprechung.",
        "skills_title": "Bewertete Fähigkeiten",
        "criterion": "Beobachtet",
        "skill": "Fähigkeit",
        "example": "Beispiel für die Nachbesprechung",
    },
    "en": {
        "ratings": {"beste": "best", "akzeptabel": "acceptable", "schwach": "poor"},
        "noscript": "The role-play needs JavaScript in the browser.",
        "situation": "Your situation: ",
        "skills": "Skills scored: {skills}. You can go back a step or start again at any time.",
        "cards_link": "Printable role cards for the classroom role-play",
        "dialogue": "The conversation so far",
        "back": "Go back a step",
        "restart": "Start again",
        "you": "You",
        "feedback": "Rating: {rating} · Concept: {concept} · Effect: {effect}",
        "answer_group": "Your answer (decision {n})",
        "question": "Decision {n}: How do you respond?",
        "ending": "Ending: {title}",
        "score_label": "{skill}: {value} points, possible range {low} to {high}",
        "score_text": "{value} (possible: {low} to {high})",
        "scores": "Your score per skill",
        "recap": "Your path through the conversation",
        "debrief": "Debrief",
        "cards_title": "Role cards: {title}",
        "print_hint": "Print this page (Ctrl+P): each card goes on a separate A4 sheet.",
        "buyer_hint": "The buyer's card holds confidential limits, so give it only to the person playing "
                      "the buyer.",
        "buyer_withheld": "The buyer's card with its confidential limits is only in the trainer edition; "
                          "your trainer hands it out.",
        "seller_card": "Card {n} of {total} · Seller",
        "buyer_card": "Card {n} of {total} · Buyer · confidential",
        "observer_card": "Card {n} of {total} · Observer",
        "situation_title": "Situation",
        "brief": "Your brief",
        "goals": "Goals",
        "room": "Room to manoeuvre",
        "limits": "Confidential limits",
        "tactics": "Tactics to try",
        "observer_title": "Observation sheet",
        "observer_hint": "Tick what you observe and note one example of each for the debrief.",
        "skills_title": "Skills scored",
        "criterion": "Observed",
        "skill": "Skill",
        "example": "Example for the debrief",
    },
}


def score_ranges(scenario: Scenario) -> dict[str, tuple[int, int]]:
    """Lowest and highest total each skill can reach over all paths."""
    low = dict.fromkeys(scenario.dimensionen, 0)
    high = dict.fromkeys(scenario.dimensionen, 0)
    first = True
    for path in scenario.paths():
        totals = scenario.score(path)
        for dimension, value in totals.items():
            low[dimension] = value if first else min(low[dimension], value)
            high[dimension] = value if first else max(high[dimension], value)
        first = False
    return {d: (low[d], high[d]) for d in scenario.dimensionen}


def roleplay_data(scenario: Scenario, cards_href: str) -> dict:
    """The page JSON: the scenario without role cards or the negotiation frame (they hold
    the buyer's confidential limit), score ranges and the screen labels in its language."""
    data = scenario.model_dump(exclude={"rollen", "verhandlung"})
    data["bereiche"] = {d: list(r) for d, r in score_ranges(scenario).items()}
    data["texte"] = UI_TEXT[scenario.sprache]
    data["rollenkarten"] = cards_href
    return data


CARD_CSS = """
@page { size: A4; margin: 12mm 14mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       line-height: 1.45; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; }
.karte { border: 2px solid #0b4f6c; border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.karte h2 { margin-top: 0; }
.vertraulich { border-style: dashed; }
.kennung { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.05em; }
.druckhinweis { background: #e6f1f6; padding: 0.5rem 0.75rem; }
/* boxes to write in are borders, because browsers leave backgrounds out of print */
/* fixed layout: the table never grows wider than a phone screen */
.bogen { width: 100%; border-collapse: collapse; margin: 0.3rem 0 0.6rem; table-layout: fixed; }
.bogen th, .bogen td { border: 1px solid #6b6b6b; padding: 0.25rem 0.4rem; text-align: left;
                       vertical-align: top; overflow-wrap: anywhere; hyphens: auto; }
.bogen tr > :first-child { width: 58%; }
.bogen tbody tr { height: 3.2rem; }
.kaestchen td:first-child::before { content: "☐ "; font-size: 1.2em; }
@media print {
  .druckhinweis, h1 { display: none; }
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  /* a break before every card but the first, so no blank sheet follows the last one */
  .karte { margin: 0; border-width: 1px; padding: 0.6rem 0.9rem; break-inside: avoid; }
  .karte + .karte { break-before: page; }
  .karte h3 { margin: 0.5rem 0 0.2rem; font-size: 1.05em; }
  .karte p, .karte ul { margin: 0.2rem 0; }
  .bogen tbody tr { height: 13mm; }
}
"""


def _list(items: list[str], css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<ul{attr}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _sheet(items: list[str], first: str, text: dict, css_class: str = "") -> str:
    """A table with an empty cell beside each item, to tick and to write in."""
    rows = "".join(f"<tr><td>{escape(item)}</td><td></td></tr>" for item in items)
    return (f'<table class="bogen {css_class}"><thead><tr><th scope="col">{escape(first)}</th>'
            f'<th scope="col">{escape(text["example"])}</th></tr></thead><tbody>{rows}</tbody></table>')


def _card(key: str, css_class: str, label: str, heading: str, body: str) -> str:
    return (f'<section class="{css_class}" aria-labelledby="karte-{key}">\n'
            f'<p class="kennung">{escape(label)}</p>\n<h2 id="karte-{key}">{escape(heading)}</h2>\n'
            f"{body}\n</section>")


def role_cards_html(scenario: Scenario, confidential: bool = True) -> str:
    """Print-ready role cards, one A4 page each: seller, buyer and observer.

    Without ``confidential`` (the trainee edition) the buyer's card is left out
    and the page says who hands it out instead.
    """
    roles = scenario.rollen
    text = UI_TEXT[scenario.sprache]
    title = escape(text["cards_title"].format(title=scenario.titel))
    seller, buyer = roles.verkauf, roles.einkauf
    cards = [("verkauf", "karte", "seller_card", seller.titel,
              f'<h3>{escape(text["situation_title"])}</h3><p>{escape(scenario.situation)}</p>\n'
              f'<h3>{escape(text["brief"])}</h3><p>{escape(seller.auftrag)}</p>\n'
              f'<h3>{escape(text["goals"])}</h3>{_list(seller.ziele)}\n'
              f'<h3>{escape(text["room"])}</h3>{_list(seller.spielraum)}')]
    if confidential:
        cards.append(("einkauf", "karte vertraulich", "buyer_card", buyer.titel,
                      f'<h3>{escape(text["brief"])}</h3><p>{escape(buyer.auftrag)}</p>\n'
                      f'<h3>{escape(text["goals"])}</h3>{_list(buyer.ziele)}\n'
                      f'<h3>{escape(text["limits"])}</h3>{_list(buyer.vertrauliche_grenzen)}\n'
                      f'<h3>{escape(text["tactics"])}</h3>{_list(buyer.taktiken)}'))
    cards.append(("beobachtung", "karte", "observer_card", text["observer_title"],
                  f'<p>{escape(text["observer_hint"])}</p>\n'
                  f'{_sheet(roles.beobachtung, text["criterion"], text, "kaestchen")}\n'
                  f'<h3>{escape(text["skills_title"])}</h3>\n'
                  f'{_sheet(scenario.dimensionen, text["skill"], text)}'))
    hint = text["buyer_hint"] if confidential else text["buyer_withheld"]
    sections = "\n".join(_card(key, css, text[label].format(n=n, total=len(cards)), heading, body)
                          for n, (key, css, label, heading, body) in enumerate(cards, 1))
    return f"""<!DOCTYPE html>
<html lang="{scenario.sprache}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="../_static/favicon.svg" type="image/svg+xml">
<style>{CARD_CSS}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="druckhinweis">{escape(text["print_hint"])} {escape(hint)}</p>
{sections}
</main>
</body>
</html>
"""

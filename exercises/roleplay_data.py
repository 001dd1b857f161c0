"""Role-play data for the JS runtime and the classroom role cards."""

from html import escape

from exercises.roleplay import Scenario

RATING_LABELS = {"beste": "beste Wahl", "akzeptabel": "akzeptabel", "schwach": "schwach"}


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
    data = scenario.model_dump(exclude={"rollen"})
    data["bereiche"] = {d: list(r) for d, r in score_ranges(scenario).items()}
    data["bewertungen"] = RATING_LABELS
    data["rollenkarten"] = cards_href
    return data


CARD_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       line-height: 1.45; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; }
.karte { border: 2px solid #0b4f6c; border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.karte h2 { margin-top: 0; }
.vertraulich { border-style: dashed; }
.kennung { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.05em; }
.druckhinweis { background: #e6f1f6; padding: 0.5rem 0.75rem; }
.kaestchen { list-style: none; padding-left: 0; }
.kaestchen li::before { content: "☐ "; font-size: 1.2em; }
@media print {
  .druckhinweis { display: none; }
  body { margin: 0; max-width: none; }
  .karte { page-break-after: always; break-after: page; border-width: 1px; }
}
"""


def _list(items: list[str], css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<ul{attr}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def role_cards_html(scenario: Scenario) -> str:
    """Print-ready role cards (one A4 page each): seller, buyer, observer."""
    roles = scenario.rollen
    title = escape(scenario.titel)
    lang = scenario.sprache
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rollenkarten: {title}</title>
<link rel="icon" href="../_static/favicon.svg" type="image/svg+xml">
<style>{CARD_CSS}</style>
</head>
<body>
<main>
<h1>Rollenkarten: {title}</h1>
<p class="druckhinweis" lang="de">Drucken Sie diese Seite (Strg+P): jede Karte kommt auf ein eigenes
A4-Blatt. Die Einkaufskarte enthält vertrauliche Grenzen – nur der Person geben, die einkauft.</p>
<section class="karte" aria-labelledby="karte-verkauf">
<p class="kennung" lang="de">Karte 1 von 3 · Verkauf</p>
<h2 id="karte-verkauf">{escape(roles.verkauf.titel)}</h2>
<h3 lang="de">Lage</h3><p>{escape(scenario.situation)}</p>
<h3 lang="de">Auftrag</h3><p>{escape(roles.verkauf.auftrag)}</p>
<h3 lang="de">Ziele</h3>{_list(roles.verkauf.ziele)}
<h3 lang="de">Spielraum</h3>{_list(roles.verkauf.spielraum)}
</section>
<section class="karte vertraulich" aria-labelledby="karte-einkauf">
<p class="kennung" lang="de">Karte 2 von 3 · Einkauf · vertraulich</p>
<h2 id="karte-einkauf">{escape(roles.einkauf.titel)}</h2>
<h3 lang="de">Auftrag</h3><p>{escape(roles.einkauf.auftrag)}</p>
<h3 lang="de">Ziele</h3>{_list(roles.einkauf.ziele)}
<h3 lang="de">Vertrauliche Grenzen</h3>{_list(roles.einkauf.vertrauliche_grenzen)}
<h3 lang="de">Taktiken, die Sie ausprobieren</h3>{_list(roles.einkauf.taktiken)}
</section>
<section class="karte" aria-labelledby="karte-beobachtung">
<p class="kennung" lang="de">Karte 3 von 3 · Beobachtung</p>
<h2 id="karte-beobachtung" lang="de">Beobachtungsbogen</h2>
<p lang="de">Haken Sie ab, was Sie beobachten, und notieren Sie ein Beispiel für die Nachbesprechung.</p>
{_list(roles.beobachtung, "kaestchen")}
<h3 lang="de">Bewertete Fähigkeiten</h3>{_list(scenario.dimensionen)}
</section>
</main>
</body>
</html>
"""

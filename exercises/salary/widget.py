"""The salary calculator as an ipywidgets app, for live notebooks (Jupyter, Binder).

Two profiles side by side, each computed by ``exercises.salary.model``: the same
model, rounding and explanation as the static page and the command line;
only the surface differs. Every input is a list, slider or box, so no input
can be invalid. Text from the data goes into HTML widgets escaped.
"""

from html import escape

import ipywidgets as widgets

from exercises.salary.model import (
    ASSUMPTION,
    TARGET_PAY,
    VARIABLE_SHARE,
    YEARS,
    Estimate,
    Profile,
    Tables,
    company_lines,
    estimate,
    euros,
    explain,
    level_text,
    signed_euros,
)

NO_ANSWER = ("keine Angabe", None)
STYLE = {"description_width": "12rem"}
LAYOUT = {"width": "100%"}


class ProfilePanel:
    """The inputs and the result of one profile."""

    def __init__(self, tables: Tables, name: str, start: Profile, on_change):
        self.tables, self.name = tables, name
        self.result: Estimate

        def dropdown(description, options, value):
            return widgets.Dropdown(description=description, options=options, value=value, style=STYLE,
                                    layout=LAYOUT)

        def slider(description, limits, value):
            return widgets.IntSlider(description=description, min=limits[0], max=limits[1], value=value,
                                     style=STYLE, layout=LAYOUT)

        self.industry = dropdown("Branche", [(c.name, key) for key, c in tables.industries.items()],
                                 start.industry)
        self.size = dropdown("Unternehmensgröße", [(f"{c.name} ({c.detail})", key)
                                                   for key, c in tables.sizes.items()], start.company_size)
        self.years = slider("Berufserfahrung (Jahre)", YEARS, start.years)
        self.share = slider("Variabler Anteil (%)", VARIABLE_SHARE, start.variable_share)
        regions = [(c.name, key) for key, c in tables.regions.items()]
        self.region = dropdown("Bundesland", [NO_ANSWER, *regions], start.region)
        self.account_size = dropdown("Größe der Key Accounts",
                                     [NO_ANSWER, *[(c.name, key) for key, c in tables.account_sizes.items()]],
                                     start.account_size)
        self.team_lead = widgets.Checkbox(description="mit Teamleitung", value=start.team_lead, indent=False)
        self.output = widgets.HTML()
        controls = [self.industry, self.size, self.years, self.share, self.region, self.account_size,
                    self.team_lead]
        for control in controls:
            control.observe(lambda _: on_change(), names="value")
        title = widgets.HTML(f"<h3>Profil „{escape(name)}“</h3>")
        self.box = widgets.VBox([title, *controls, self.output],
                                layout={"width": "50%", "padding": "0 1rem 0 0"})

    def profile(self) -> Profile:
        return Profile(industry=self.industry.value, company_size=self.size.value, years=self.years.value,
                       variable_share=self.share.value, region=self.region.value,
                       account_size=self.account_size.value, team_lead=self.team_lead.value)

    def update(self) -> None:
        profile = self.profile()
        self.result = result = estimate(self.tables, profile)
        reasons = "".join(f"<li>{escape(line)}</li>" for line in explain(self.tables, profile))
        sources = "; ".join(escape(self.tables.source_labels[key][0]) for key in result.sources)
        if ASSUMPTION in result.sources:
            made = self.tables.source_labels[ASSUMPTION][1]
            sources += f" („Annahme des Kurses“: eigene Annahmen, getroffen {made}, keine Daten)"
        self.output.value = (
            f"<p><b>Typisch: {euros(result.typical)} im Jahr</b> "
            f"(brutto, {escape(self.tables.level)})</p><ul>"
            f"<li>Spanne: {euros(result.low)} bis {euros(result.high)}</li>"
            f"<li>Im Monat (typisch, Jahreswert durch 12): {euros(result.monthly_typical)}</li>"
            f"<li>Fixum: {euros(result.fixed_typical)}, variabel {TARGET_PAY}: "
            f"{euros(result.variable_typical)}</li></ul>"
            f"<details><summary><b>Warum diese Zahl?</b></summary><ul>{reasons}</ul>"
            f"<p>Quellen: {sources}</p></details>"
        )


def company_widget(tables: Tables) -> widgets.Widget:
    """A company edition: the company's figures as entered, the same lines as on the page."""
    lines = "".join(f"<li>{escape(line)}</li>" for line in company_lines(tables))
    return widgets.HTML(f"<h3>{escape(tables.level)}</h3><ul>{lines}</ul><p>{escape(level_text(tables))} "
                        f"Die Zahlen gelten so, wie {escape(tables.company.name)} sie angibt; "
                        "es gibt nichts einzustellen.</p>")


def salary_widget(tables: Tables) -> widgets.Widget:
    """The first two example profiles of the data, side by side, and their difference."""
    if tables.company:
        return company_widget(tables)
    comparison = widgets.HTML()
    panels: list[ProfilePanel] = []

    def update():
        for panel in panels:
            panel.update()
        first, second = panels
        year = second.result.typical - first.result.typical
        month = second.result.monthly_typical - first.result.monthly_typical
        comparison.value = (f"<p><b>„{escape(second.name)}“ gegenüber „{escape(first.name)}“: "
                            f"{signed_euros(year)} im Jahr, {signed_euros(month)} im Monat</b> "
                            "(typische Werte)</p>")

    for name, profile in list(tables.examples.values())[:2]:
        panels.append(ProfilePanel(tables, name, profile, update))
    update()
    intro = widgets.HTML("<p>Stellen Sie zwei Profile ein, etwa Ihre heutige Stelle und ein Angebot. "
                         f"{escape(level_text(tables))} Die Schätzung legt Quellen und Annahmen offen; echte "
                         "Angebote können deutlich abweichen.</p>")
    return widgets.VBox([intro, widgets.HBox([panel.box for panel in panels]), comparison])

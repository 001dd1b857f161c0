"""The account-plan workbook as an ipywidgets app, for live notebooks.

Fed by the same ``arbeitsmappe.yml`` as the page. The entries are kept in
``entries`` in the page's shape (see ``model.py``), so the Markdown export is
the same text as on the page (``markdown.py``). Text boxes are cut to the
field's maximum length, as the page's maxlength does.
"""

import base64
from html import escape

import ipywidgets as widgets

from exercises.workbook.markdown import workbook_markdown
from exercises.workbook.model import PARTS, PLANS, TextField, Workbook, matrix_keys, own_slots

WIDE = widgets.Layout(width="100%")
STYLE = {"description_width": "initial"}
FILE_NAME = "account-plan-arbeitsmappe.md"
EMPTY_CHOICE = "– bitte wählen –"


def choices(options: dict[str, str], empty: str = EMPTY_CHOICE) -> list[tuple[str, str]]:
    return [(empty, ""), *((text, code) for code, text in options.items())]


class Person:
    """One row of the stakeholder map: a name and one dropdown per attribute."""

    def __init__(self, workbook: Workbook, changed):
        config = workbook.stakeholder
        self.name = widgets.Text(description="Name oder Funktion", style=STYLE, layout=WIDE)
        self.selects = {key: widgets.Dropdown(description=spec.label, options=choices(spec.optionen),
                                              value="", style=STYLE)
                        for key, spec in config.merkmale.items()}
        self.remove = widgets.Button(description="Person entfernen")
        self.name.observe(lambda _: self.cut(config.name_laenge, changed), names="value")
        for select in self.selects.values():
            select.observe(lambda _: changed(), names="value")
        card = widgets.Layout(border="1px solid #c8c8c8", padding="0.4rem", margin="0.3rem 0")
        self.box = widgets.VBox([self.name, *self.selects.values(), self.remove], layout=card)

    def cut(self, length: int, changed) -> None:
        if len(self.name.value) > length:
            self.name.value = self.name.value[:length]  # observing again saves the cut text
            return
        changed()

    def row(self) -> list[str]:
        return [self.name.value, *(select.value for select in self.selects.values())]


class WorkbookApp:
    """Both plans in tabs, the export below; ``fields``, ``people``, ``cells``, ``names`` and
    ``entries`` are what the tests use."""

    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.entries: dict = {}
        self.fields: dict[tuple[str, str], widgets.Textarea] = {}
        self.people: dict[str, list[Person]] = {plan: [] for plan in PLANS}
        self.person_boxes = {plan: widgets.VBox() for plan in PLANS}
        self.add_buttons: dict[str, widgets.Button] = {}
        self.cells: dict[tuple[str, str], widgets.Dropdown] = {}
        self.names: dict[str, list[widgets.Text]] = {}
        self.export_text = widgets.Textarea(description="Markdown",
                                            layout=widgets.Layout(width="100%", height="14rem"))
        self.download = widgets.HTML()
        export = widgets.Button(description="Als Markdown exportieren", layout=widgets.Layout(width="auto"))
        export.on_click(lambda _: self.export())
        tabs = widgets.Tab(children=[self.plan_box(plan) for plan in PLANS])
        for index, title in enumerate(PLANS.values()):
            tabs.set_title(index, title)
        intro = widgets.HTML(f"<p>{escape(workbook.einleitung)}</p>")
        self.box = widgets.VBox([intro, tabs, export, self.download, self.export_text])

    # ---------- building ----------

    def plan_box(self, plan: str) -> widgets.Widget:
        case = self.workbook.fall
        if plan == "fall":
            head = f"<h3>{escape(PLANS[plan])}: {escape(case.kunde)}</h3>" + "".join(
                f"<p>{escape(text)}</p>" for text in case.beschreibung)
        else:
            head = f"<h3>{escape(PLANS[plan])}</h3><p>{escape(self.workbook.eigen_einleitung)}</p>"
        children: list[widgets.Widget] = [widgets.HTML(head)]
        for number, part in enumerate(self.workbook.bausteine, 1):
            heading = f"<h4>{number}. {escape(part.titel)}</h4><p>{escape(part.frage)}</p>"
            children.append(widgets.HTML(heading))
            if part.id == PARTS[2]:
                children.append(self.matrix(plan))
            if part.id == PARTS[3]:
                children.append(self.stakeholder_map(plan))
            children += [self.text_field(plan, field) for field in part.felder]
        return widgets.VBox(children)

    def text_field(self, plan: str, field: TextField) -> widgets.Widget:
        area = widgets.Textarea(description=field.label, placeholder=field.anleitung, rows=field.zeilen,
                                style=STYLE, layout=WIDE)
        key = f"{plan}:{field.id}"

        def changed(_):
            if len(area.value) > field.laenge:
                area.value = area.value[:field.laenge]
                return
            self.store(key, area.value)

        area.observe(changed, names="value")
        self.fields[(plan, field.id)] = area
        example = widgets.Accordion(children=[widgets.HTML(f"<p>{escape(field.beispiel)}</p>")])
        example.set_title(0, "Beispielantwort" if plan == "fall" else "Beispiel aus dem Fall")
        example.selected_index = None
        return widgets.VBox([widgets.HTML(f"<p><i>{escape(field.anleitung)}</i></p>"), area, example])

    def matrix(self, plan: str) -> widgets.Widget:
        config = self.workbook.whitespace
        parts: list[widgets.Widget] = [widgets.HTML(f"<p>{escape(config.anleitung)}</p>")]
        if plan == "fall":
            rows = [(u.id, u.name) for u in self.workbook.fall.einheiten]
            columns = [(p.id, p.name) for p in self.workbook.fall.produkte]
        else:
            row_keys, column_keys = own_slots(self.workbook)
            slots = (("einheiten", "Bereich", row_keys), ("produkte", "Produkt", column_keys))
            for what, word, keys in slots:
                boxes = [widgets.Text(description=f"{word} {key}", style=STYLE) for key in keys]
                for box in boxes:
                    box.observe(lambda _, what=what: self.store_names(what), names="value")
                self.names[what] = boxes
                parts.append(widgets.HBox(boxes, layout=widgets.Layout(flex_flow="row wrap")))
            rows = [(key, f"Bereich {key}") for key in row_keys]
            columns = [(key, f"Produkt {key}") for key in column_keys]
        grid = []
        for row, row_name in rows:
            for column, column_name in columns:
                select = widgets.Dropdown(description=f"{row_name} – {column_name}", value="", style=STYLE,
                                          options=choices(config.optionen, "– offen –"))
                select.observe(lambda _, plan=plan: self.store_matrix(plan), names="value")
                self.cells[(plan, f"{row}.{column}")] = select
                grid.append(select)
        parts.append(widgets.VBox(grid))
        return widgets.VBox(parts)

    def stakeholder_map(self, plan: str) -> widgets.Widget:
        add = widgets.Button(description="Person hinzufügen")
        add.on_click(lambda _: self.add_person(plan))
        self.add_buttons[plan] = add
        guide = widgets.HTML(f"<p>{escape(self.workbook.stakeholder.anleitung)}</p>")
        return widgets.VBox([guide, self.person_boxes[plan], add])

    # ---------- changing ----------

    def add_person(self, plan: str) -> Person | None:
        if len(self.people[plan]) >= self.workbook.stakeholder.personen_max:
            return None
        person = Person(self.workbook, lambda: self.store_people(plan))
        person.remove.on_click(lambda _: self.remove_person(plan, person))
        self.people[plan].append(person)
        self.show_people(plan)
        return person

    def remove_person(self, plan: str, person: Person) -> None:
        self.people[plan].remove(person)
        self.show_people(plan)

    def show_people(self, plan: str) -> None:
        self.person_boxes[plan].children = [person.box for person in self.people[plan]]
        self.add_buttons[plan].disabled = len(self.people[plan]) >= self.workbook.stakeholder.personen_max
        self.store_people(plan)

    def store(self, key: str, value) -> None:
        """As the page saves: an empty value removes the entry."""
        if value in ("", [], {}):
            self.entries.pop(key, None)
        else:
            self.entries[key] = value

    def store_people(self, plan: str) -> None:
        self.store(f"{plan}:stakeholder", [person.row() for person in self.people[plan]])

    def store_matrix(self, plan: str) -> None:
        cells = {key: self.cells[(plan, key)].value for key in matrix_keys(self.workbook, plan)}
        self.store(f"{plan}:whitespace", {key: code for key, code in cells.items() if code})

    def store_names(self, what: str) -> None:
        length = self.workbook.whitespace.name_laenge
        for box in self.names[what]:
            if len(box.value) > length:
                box.value = box.value[:length]
        values = [box.value for box in self.names[what]]
        self.store(f"eigen:{what}", values if any(v.strip() for v in values) else [])

    def export(self) -> str:
        text = workbook_markdown(self.workbook, self.entries)
        self.export_text.value = text
        payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
        href = f"data:text/markdown;charset=utf-8;base64,{payload}"
        self.download.value = f'<a download="{FILE_NAME}" href="{href}">{FILE_NAME} herunterladen</a>'
        return text


def workbook_widget(workbook: Workbook) -> widgets.Widget:
    return WorkbookApp(workbook).box

/* KAM-Kurs: the account-plan workbook ("Account-Plan-Arbeitsmappe"), without kernel or network.
 *
 * The content comes as JSON from exercises/workbook/page.py (arbeitsmappe.yml):
 * the five parts of an account plan, each with fields, guidance and an example
 * answer, a stakeholder map and a whitespace matrix, first for the case company,
 * then for the learner's own customer. Entries go through Kurs.progress
 * (savePractice("workbook", key, value)), one entry per key as described in
 * exercises/workbook/model.py; typing is saved once it pauses. Every text has a
 * maxlength, so the whole workbook stays within a known size (model.STATE_LIMIT).
 * The Markdown export is the same text as exercises/workbook/markdown.py writes;
 * the tests compare both. All text is set with textContent, never parsed as HTML.
 */
(() => {
  "use strict";
  const { el } = Kurs.dom;
  const KIND = "workbook";
  const SAVE_DELAY = 400; // ms after the last keystroke
  const FILE_NAME = "account-plan-arbeitsmappe.md";
  // Control characters would cost six characters each in JSON and mean nothing here.
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

  const has = (object, key) => Boolean(object) && Object.prototype.hasOwnProperty.call(object, key);
  const textAt = (values, index) => (Array.isArray(values) && index < values.length && typeof values[index] === "string" ? values[index] : "");
  const entries = () => Kurs.progress.practice(KIND);

  /* ---------- Markdown (as exercises/workbook/markdown.py) ---------- */

  const EMPTY = "–";
  const escapeInline = (text) => text.replace(/([\\`*_[\]<>|~&])/g, "\\$1");
  const escapeLine = (line) => escapeInline(line.trim())
    .replace(/^([#>+=-])|^([0-9]+)([.)])/, (match, mark, digits, dot) => (mark ? `\\${mark}` : `${digits}\\${dot}`));
  const escapeBlock = (text) => text.trim().split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").filter((line) => line.trim()).map(escapeLine))
    .filter((lines) => lines.length)
    .map((lines) => lines.join("\\\n"))
    .join("\n\n") || EMPTY;
  const cell = (text) => escapeInline(text.split(/\s+/).filter(Boolean).join(" ")) || EMPTY;
  const markdownTable = (header, rows) => [
    `| ${header.map(cell).join(" | ")} |`, `|${"---|".repeat(header.length)}`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)
  ];

  /* Rows and columns of a plan's matrix: [{key, name}], with the learner's names for "eigen". */
  const matrixAxes = (data, plan, saved) => {
    if (plan === "fall") {
      return [data.case.einheiten.map((u) => ({ key: u.id, name: u.name })), data.case.produkte.map((p) => ({ key: p.id, name: p.name }))];
    }
    const slots = (count, stored, word) => Array.from({ length: count }, (_, i) => ({ key: String(i + 1), name: textAt(stored, i) || `${word} ${i + 1}` }));
    return [slots(data.whitespace.eigene_einheiten, saved["eigen:einheiten"], "Bereich"),
      slots(data.whitespace.eigene_produkte, saved["eigen:produkte"], "Produkt")];
  };

  /* A plan's matrix and stakeholder map as {header, rows} of plain texts, for Markdown and print. */
  const matrixTable = (data, plan, saved) => {
    const [rows, columns] = matrixAxes(data, plan, saved);
    const stored = saved[`${plan}:whitespace`];
    const cells = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
    const options = data.whitespace.optionen;
    const label = (code) => (has(options, code) ? options[code] : "");
    return { header: ["Bereich des Kunden", ...columns.map((c) => c.name)],
      rows: rows.map((row) => [row.name, ...columns.map((column) => label(cells[`${row.key}.${column.key}`]))]) };
  };

  const stakeholderTable = (data, plan, saved) => {
    const attributes = Object.values(data.stakeholder.merkmale);
    const people = Array.isArray(saved[`${plan}:stakeholder`]) ? saved[`${plan}:stakeholder`] : [];
    return { header: ["Person", ...attributes.map((a) => a.label)], rows: people.map((person) => [
      textAt(person, 0) || "(ohne Namen)",
      ...attributes.map((a, i) => { const code = textAt(person, i + 1); return has(a.optionen, code) ? a.optionen[code] : ""; })
    ]) };
  };
  const NO_PEOPLE = "Noch keine Personen eingetragen.";

  const markdown = (data, saved) => {
    const lines = [`# ${escapeInline(data.title)}`, ""];
    Object.entries(data.plans).forEach(([plan, planTitle]) => {
      const heading = plan === "fall" ? `${planTitle}: ${data.case.kunde}` : planTitle;
      lines.push(`## ${escapeInline(heading)}`, "");
      data.parts.forEach((part, index) => {
        lines.push(`### ${index + 1}. ${escapeInline(part.titel)}`, "");
        if (part.id === data.matrixPart) {
          const { header, rows } = matrixTable(data, plan, saved);
          lines.push("**Whitespace-Matrix**", "", ...markdownTable(header, rows), "");
        }
        if (part.id === data.stakeholderPart) {
          const { header, rows } = stakeholderTable(data, plan, saved);
          lines.push("**Personen**", "", ...(rows.length ? markdownTable(header, rows) : [NO_PEOPLE]), "");
        }
        part.felder.forEach((field) => {
          const value = saved[`${plan}:${field.id}`];
          lines.push(`**${escapeInline(field.label)}**`, "", escapeBlock(typeof value === "string" ? value : ""), "");
        });
      });
    });
    return lines.join("\n");
  };

  /* ---------- saving ---------- */

  const pending = new Map(); // key -> {timer, value: () => value}
  const store = (key, value) => {
    const empty = value === "" || (Array.isArray(value) && !value.length) ||
      (value && typeof value === "object" && !Array.isArray(value) && !Object.keys(value).length);
    try { Kurs.progress.savePractice(KIND, key, empty ? null : value); } catch (e) { /* storage trouble must not break typing */ }
  };
  const flush = (key) => {
    const job = pending.get(key);
    if (!job) return;
    window.clearTimeout(job.timer);
    pending.delete(key);
    store(key, job.value());
  };
  const flushAll = () => Array.from(pending.keys()).forEach(flush);
  const later = (key, value) => {
    const old = pending.get(key);
    if (old) window.clearTimeout(old.timer);
    pending.set(key, { value, timer: window.setTimeout(() => flush(key), SAVE_DELAY) });
  };
  const clean = (text) => text.replace(CONTROL, "");

  /* ---------- building blocks ---------- */

  let counter = 0;
  const newId = (prefix) => `${prefix}-${++counter}`;

  const example = (summary, content) => el("details", { className: "kurs-mappe-beispiel" }, [el("summary", { text: summary }), content]);

  const select = (id, options, value, emptyText) => {
    const node = el("select", { id }, [el("option", { value: "", text: emptyText }),
      ...Object.entries(options).map(([code, text]) => el("option", { value: code, text }))]);
    node.value = has(options, value) ? value : "";
    return node;
  };

  const textField = (plan, field, saved, exampleLabel) => {
    const id = newId(`kurs-mappe-${plan}-${field.id}`);
    const key = `${plan}:${field.id}`;
    const area = el("textarea", { id, name: key, maxlength: String(field.laenge), rows: String(field.zeilen),
      "aria-describedby": `${id}-hinweis ${id}-zaehler`, "data-schluessel": key });
    area.value = typeof saved[key] === "string" ? saved[key] : "";
    const count = el("p", { className: "kurs-mappe-zaehler", id: `${id}-zaehler` });
    const showCount = () => { count.textContent = `${area.value.length} von ${field.laenge} Zeichen`; };
    showCount();
    // maxlength keeps typing within the limit; the cut also covers text set by scripts (autofill, tests)
    area.addEventListener("input", () => { showCount(); later(key, () => clean(area.value).slice(0, field.laenge)); });
    area.addEventListener("change", () => flush(key));
    return el("div", { className: "kurs-mappe-feld" }, [
      el("label", { for: id, text: field.label }),
      el("p", { className: "kurs-anleitung", id: `${id}-hinweis`, text: field.anleitung }),
      area, count,
      example(exampleLabel, el("p", { className: "kurs-mappe-beispieltext", text: field.beispiel }))
    ]);
  };

  /* The stakeholder map: one fieldset per person, added and removed with buttons. */
  const stakeholderMap = (data, plan, saved, status) => {
    const config = data.stakeholder;
    const attributes = Object.entries(config.merkmale);
    const key = `${plan}:stakeholder`;
    let people = (Array.isArray(saved[key]) ? saved[key] : []).slice(0, config.personen_max)
      .map((person) => [textAt(person, 0), ...attributes.map((_, i) => textAt(person, i + 1))]);
    const list = el("div", { className: "kurs-mappe-personen" });
    const add = el("button", { type: "button", className: "kurs-knopf", text: "Person hinzufügen" });
    const full = el("p", { className: "kurs-anleitung", hidden: true, text: `Die Landkarte fasst höchstens ${config.personen_max} Personen.` });
    const save = () => store(key, people.map((person) => person.slice()));

    const render = (focus) => {
      list.textContent = "";
      people.forEach((person, index) => {
        const base = newId(`kurs-mappe-${plan}-person`);
        const name = el("input", { type: "text", id: `${base}-name`, maxlength: String(config.name_laenge), autocomplete: "off" });
        name.value = person[0];
        name.addEventListener("input", () => {
          person[0] = clean(name.value).slice(0, config.name_laenge);
          later(key, () => people.map((p) => p.slice()));
        });
        name.addEventListener("change", () => flush(key));
        const selects = attributes.map(([attribute, spec], i) => {
          const control = select(`${base}-${attribute}`, spec.optionen, person[i + 1], "– bitte wählen –");
          control.addEventListener("change", () => { person[i + 1] = control.value; flush(key); save(); });
          return el("div", { className: "kurs-mappe-merkmal" }, [el("label", { for: control.id, text: spec.label }), control]);
        });
        const remove = el("button", { type: "button", className: "kurs-knopf", text: `Person ${index + 1} entfernen` });
        remove.addEventListener("click", () => {
          flush(key);
          const gone = people[index][0] || `Person ${index + 1}`;
          people.splice(index, 1);
          save();
          render(index < people.length ? index : -1);
          status(`„${gone}“ entfernt. Die Landkarte hat jetzt ${people.length} ${people.length === 1 ? "Person" : "Personen"}.`);
        });
        list.appendChild(el("fieldset", { className: "kurs-mappe-person" }, [
          el("legend", { text: `Person ${index + 1}` }),
          el("div", { className: "kurs-mappe-merkmal kurs-mappe-name" }, [el("label", { for: name.id, text: "Name oder Funktion" }), name]),
          ...selects, remove
        ]));
        if (focus === index) name.focus();
      });
      add.disabled = people.length >= config.personen_max;
      full.hidden = !add.disabled;
      if (focus === -1) add.focus();
    };

    add.addEventListener("click", () => {
      if (people.length >= config.personen_max) return;
      flush(key);
      people.push(["", ...attributes.map(() => "")]);
      save();
      render(people.length - 1);
      status(`Person ${people.length} hinzugefügt. Geben Sie Name oder Funktion ein.`);
    });
    render(null);

    const parts = [el("p", { className: "kurs-anleitung", text: config.anleitung }), list, add, full];
    if (plan === "fall") {
      parts.push(example("Beispiel-Landkarte zeigen", el("table", { className: "kurs-mappe-tabelle" }, [
        el("thead", {}, [el("tr", {}, ["Person", ...attributes.map(([, spec]) => spec.label)].map((t) => el("th", { scope: "col", text: t })))]),
        el("tbody", {}, config.beispiel.map((row) => el("tr", {}, [el("th", { scope: "row", text: row.name }),
          ...attributes.map(([attribute, spec]) => el("td", { text: spec.optionen[row[attribute]] }))])))
      ])));
    }
    return el("div", { className: "kurs-mappe-landkarte" }, parts);
  };

  /* The whitespace matrix: one select per unit × product; the learner names own units and products. */
  const whitespaceMatrix = (data, plan, saved) => {
    const config = data.whitespace;
    const key = `${plan}:whitespace`;
    const stored = saved[key];
    const cells = stored && typeof stored === "object" && !Array.isArray(stored) ? Object.assign({}, stored) : {};
    const wrapper = el("div", { className: "kurs-mappe-whitespace" }, [el("p", { className: "kurs-anleitung", text: config.anleitung })]);
    const table = el("table", { className: "kurs-mappe-matrix" });
    const names = {};

    const drawTable = () => {
      const [rows, columns] = matrixAxes(data, plan, names);
      const focused = document.activeElement && table.contains(document.activeElement) ? document.activeElement.id : null;
      table.textContent = "";
      table.appendChild(el("caption", { text: plan === "fall" ? `Whitespace-Matrix: ${data.case.kunde}` : "Whitespace-Matrix: Ihr Kunde" }));
      table.appendChild(el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Bereich des Kunden" }),
        ...columns.map((column) => el("th", { scope: "col", text: column.name }))])]));
      table.appendChild(el("tbody", {}, rows.map((row) => el("tr", {}, [
        el("th", { scope: "row", text: row.name }),
        ...columns.map((column) => {
          const cellKey = `${row.key}.${column.key}`;
          const id = `kurs-mappe-${plan}-zelle-${cellKey.replace(/\./g, "-")}`;
          const control = select(id, config.optionen, cells[cellKey], "– offen –");
          control.setAttribute("data-zelle", cellKey);
          control.addEventListener("change", () => {
            if (control.value) cells[cellKey] = control.value; else delete cells[cellKey];
            store(key, Object.assign({}, cells));
          });
          return el("td", {}, [el("label", { for: id, className: "kurs-nur-vorlesen", text: `${row.name} – ${column.name}` }), control]);
        })
      ]))));
      if (focused) { const again = document.getElementById(focused); if (again) again.focus(); }
    };

    if (plan === "eigen") {
      // The learner's own units and products: text fields that name the rows and columns.
      [["einheiten", "Bereiche Ihres Kunden (Zeilen)", "Bereich", config.eigene_einheiten],
        ["produkte", "Ihre Produkte oder Leistungen (Spalten)", "Produkt", config.eigene_produkte]].forEach(([what, legend, word, count]) => {
        const nameKey = `eigen:${what}`;
        const values = Array.from({ length: count }, (_, i) => textAt(saved[nameKey], i));
        names[nameKey] = values;
        const inputs = values.map((value, i) => {
          const input = el("input", { type: "text", id: newId(`kurs-mappe-${what}`), maxlength: String(config.name_laenge), autocomplete: "off" });
          input.value = value;
          input.addEventListener("input", () => {
            values[i] = clean(input.value).slice(0, config.name_laenge);
            later(nameKey, () => (values.some((v) => v.trim()) ? values.slice() : []));
            drawTable();
          });
          input.addEventListener("change", () => flush(nameKey));
          return el("div", { className: "kurs-mappe-merkmal" }, [el("label", { for: input.id, text: `${word} ${i + 1}` }), input]);
        });
        wrapper.appendChild(el("fieldset", { className: "kurs-mappe-namen" }, [el("legend", { text: legend }), ...inputs]));
      });
    }
    drawTable();
    wrapper.appendChild(table);
    if (plan === "fall") {
      const [rows, columns] = matrixAxes(data, plan, {});
      wrapper.appendChild(example("Beispiel-Matrix zeigen", el("table", { className: "kurs-mappe-tabelle" }, [
        el("thead", {}, [el("tr", {}, ["Bereich des Kunden", ...columns.map((c) => c.name)].map((t) => el("th", { scope: "col", text: t })))]),
        el("tbody", {}, rows.map((row) => el("tr", {}, [el("th", { scope: "row", text: row.name }),
          ...columns.map((column) => el("td", { text: config.optionen[data.case.whitespace_beispiel[`${row.key}.${column.key}`]] || EMPTY }))])))
      ])));
    }
    return wrapper;
  };

  /* ---------- the printed workbook: every field as text ---------- */

  const printCopy = (data, target) => {
    const saved = entries();
    target.textContent = "";
    target.appendChild(el("h2", { text: data.title }));
    const table = ({ header, rows }) => el("table", { className: "kurs-mappe-tabelle" }, [
      el("thead", {}, [el("tr", {}, header.map((text) => el("th", { scope: "col", text })))]),
      el("tbody", {}, rows.map((row) => el("tr", {}, row.map((text) => el("td", { text: text || EMPTY })))))
    ]);
    Object.entries(data.plans).forEach(([plan, planTitle]) => {
      target.appendChild(el("h3", { text: plan === "fall" ? `${planTitle}: ${data.case.kunde}` : planTitle }));
      data.parts.forEach((part, index) => {
        target.appendChild(el("h4", { text: `${index + 1}. ${part.titel}` }));
        if (part.id === data.matrixPart) target.appendChild(table(matrixTable(data, plan, saved)));
        if (part.id === data.stakeholderPart) {
          const people = stakeholderTable(data, plan, saved);
          target.appendChild(people.rows.length ? table(people) : el("p", { text: NO_PEOPLE }));
        }
        part.felder.forEach((field) => {
          const value = saved[`${plan}:${field.id}`];
          target.appendChild(el("p", { className: "kurs-mappe-drucklabel", text: field.label }));
          target.appendChild(el("p", { className: "kurs-mappe-druckwert", text: typeof value === "string" && value.trim() ? value : EMPTY }));
        });
      });
    });
  };

  /* ---------- the workbook ---------- */

  const lmsLeftOut = () => {
    try { return Boolean(window.parent.kursLms && window.parent.kursLms.textsLeftOut); } catch (otherOrigin) { return false; }
  };

  const workbook = (target, data) => {
    const saved = entries();
    const statusLine = el("p", { role: "status", className: "kurs-aktionsstatus kurs-mappe-status" });
    const status = (text) => { statusLine.textContent = text; };
    const lmsNotice = el("p", { className: "kurs-lmshinweis kurs-mappe-lms", hidden: true,
      text: "Hinweis: Ihre Lernplattform hat keinen Platz für die Texte dieser Arbeitsmappe. Sie bleiben in diesem Browser gespeichert; auf einem anderen Gerät fehlen sie. Sichern Sie sie mit „Als Markdown exportieren“." });
    const showLmsNotice = () => { lmsNotice.hidden = !lmsLeftOut(); };
    const exportButton = el("button", { type: "button", className: "kurs-knopf", text: "Als Markdown exportieren" });
    const printButton = el("button", { type: "button", className: "kurs-knopf", text: "Drucken" });
    const printTarget = el("div", { className: "kurs-mappe-druck" });

    target.textContent = "";
    target.appendChild(el("p", { className: "kurs-anleitung" }, [
      document.createTextNode("Ihre Eingaben werden nur in diesem Browser gespeichert und gehören zum Export auf der Seite „Mein Fortschritt“. Gliederung nach "),
      el("a", { href: data.source.href, text: data.source.title }), document.createTextNode(".")
    ]));
    const storageNotice = Kurs.progress.notice();
    if (storageNotice) target.appendChild(storageNotice);
    target.appendChild(lmsNotice);

    const form = el("div", { className: "kurs-mappe-formular" });
    Object.entries(data.plans).forEach(([plan, planTitle]) => {
      const section = el("section", { className: "kurs-mappe-plan", "data-plan": plan }, [
        el("h2", { text: plan === "fall" ? `${planTitle}: ${data.case.kunde}` : planTitle })]);
      if (plan === "fall") {
        data.case.beschreibung.forEach((text) => section.appendChild(el("p", { text })));
        section.appendChild(el("p", {}, [document.createTextNode("Das Gespräch selbst üben Sie im "),
          el("a", { href: data.case.roleplayHref, text: "Rollenspiel „Jahresgespräch“" }), document.createTextNode(".")]));
      } else {
        section.appendChild(el("p", { text: data.ownIntro }));
      }
      const exampleLabel = plan === "fall" ? "Beispielantwort zeigen" : "Beispiel aus dem Fall zeigen";
      data.parts.forEach((part, index) => {
        const block = el("div", { className: "kurs-mappe-baustein", "data-baustein": part.id }, [
          el("h3", { text: `${index + 1}. ${part.titel}` }), el("p", { className: "kurs-mappe-frage", text: part.frage })]);
        if (part.id === data.matrixPart) block.appendChild(whitespaceMatrix(data, plan, saved));
        if (part.id === data.stakeholderPart) block.appendChild(stakeholderMap(data, plan, saved, status));
        part.felder.forEach((field) => block.appendChild(textField(plan, field, saved, exampleLabel)));
        section.appendChild(block);
      });
      form.appendChild(section);
    });
    target.appendChild(form);
    target.appendChild(el("div", { className: "kurs-knoepfe" }, [exportButton, printButton]));
    target.appendChild(statusLine);
    target.appendChild(printTarget);

    exportButton.addEventListener("click", () => {
      flushAll();
      const blob = new Blob([markdown(data, entries())], { type: "text/markdown;charset=utf-8" });
      const link = el("a", { href: URL.createObjectURL(blob), download: FILE_NAME });
      document.body.appendChild(link);
      link.click();
      link.remove();
      status(`Die Datei „${FILE_NAME}“ wurde erstellt.`);
    });
    printButton.addEventListener("click", () => {
      flushAll();
      printCopy(data, printTarget);
      window.print();
    });
    window.addEventListener("beforeprint", () => { flushAll(); printCopy(data, printTarget); });
    window.addEventListener("pagehide", flushAll);
    Kurs.progress.subscribe(() => { showLmsNotice(); printCopy(data, printTarget); });
    showLmsNotice();
    printCopy(data, printTarget);
  };

  /* ---------- the progress page: how much of the workbook is filled in ---------- */

  const STRUCTURED = ["stakeholder", "whitespace", "einheiten", "produkte"];
  const progressPart = (state) => {
    const saved = state.workbook && typeof state.workbook === "object" ? state.workbook : {};
    const count = (plan) => {
      const texts = Object.keys(saved).filter((key) => key.startsWith(`${plan}:`) && !STRUCTURED.includes(key.slice(plan.length + 1)) &&
        typeof saved[key] === "string" && saved[key].trim()).length;
      const people = Array.isArray(saved[`${plan}:stakeholder`]) ? saved[`${plan}:stakeholder`].length : 0;
      const cells = saved[`${plan}:whitespace`] && typeof saved[`${plan}:whitespace`] === "object" ? Object.keys(saved[`${plan}:whitespace`]).length : 0;
      return `${texts} ${texts === 1 ? "Textfeld" : "Textfelder"} ausgefüllt, ${people} ${people === 1 ? "Person" : "Personen"} in der Stakeholder-Landkarte, ${cells} ${cells === 1 ? "Zelle" : "Zellen"} der Whitespace-Matrix bewertet`;
    };
    const link = el("a", { href: "arbeitsmappe.html", text: "Zur Arbeitsmappe" });
    if (!Object.keys(saved).length) return el("p", { className: "kurs-mappe-stand" }, [document.createTextNode("○ Noch nichts eingetragen. "), link]);
    return el("div", { className: "kurs-mappe-stand" }, [
      el("ul", {}, [el("li", { text: `Fallbeispiel: ${count("fall")}` }), el("li", { text: `Eigener Kunde: ${count("eigen")}` })]),
      el("p", {}, [link])
    ]);
  };
  if (Kurs.progressPage) Kurs.progressPage.addPart("Account-Plan-Arbeitsmappe", progressPart);

  /* ---------- start ---------- */

  const start = () => {
    document.querySelectorAll("[data-kurs-arbeitsmappe]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (error) { return; }
      workbook(root.querySelector(".kurs-ziel"), data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.workbook = { start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

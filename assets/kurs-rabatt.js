/* KAM-Kurs: the discount calculator "Was kostet ein Rabatt?", without kernel or network.
 *
 * The model is exercises/discount/model.py. The page gets limits, the starting
 * example, the steps of the table and the source as JSON (discount/page.py)
 * and repeats only the two formulas with the same floating-point steps and
 * the same rounding (one decimal, halves up); the tests compare both for many
 * inputs. Wrong input gets a message at its field, never a number that is not
 * one. All text is set with textContent, never parsed as HTML.
 */
(() => {
  "use strict";
  const { el, svg } = Kurs.dom;

  const NAMES = ["margin", "discount", "increase"];
  const WHAT = { margin: "die Marge", discount: "den Rabatt", increase: "die Preiserhöhung" };
  // ASCII digits, a comma or a point, two decimals at most (model.NUMBER).
  const NUMBER = /^\s*([+-]?[0-9]+)(?:[.,]([0-9]{1,2}))?\s*$/;

  let counter = 0;
  const newId = (prefix) => `${prefix}-${++counter}`;

  /* ---------- German numbers (as exercises/formatting.py) ---------- */

  const germanNumber = (value, decimals) => {
    const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (value < 0 ? "-" : "") + grouped + (fraction ? `,${fraction}` : "");
  };
  /* An input as typed: 3 -> "3 %", 2.25 -> "2,25 %" (model.percent). */
  const percent = (value) => `${germanNumber(value, 2).replace(/0+$/, "").replace(/,$/, "")}\u00a0%`;
  /* A result, always with one decimal: "13,6 %" (model.result_percent). */
  const resultPercent = (value) => `${germanNumber(value, 1)}\u00a0%`;

  /* ---------- the model, as exercises/discount/model.py ---------- */

  const roundPercent = (x) => Math.floor(x * 10 + 0.5) / 10;
  const volumeIncrease = (margin, discount) => roundPercent(100 * discount / (margin - discount));
  const volumeLoss = (margin, increase) => roundPercent(100 * increase / (margin + increase));

  /* A percentage typed by a person (model.parse_percent): {value} or {error}. */
  const parsePercent = (text, what, limits) => {
    const allowed = `Zahlen von ${limits[0]} bis ${limits[1]}, höchstens zwei Nachkommastellen`;
    const raw = text === null || text === undefined ? "" : String(text);
    if (!raw.trim()) return { error: `fehlt; bitte ${what} in Prozent angeben (${allowed})` };
    const match = NUMBER.exec(raw);
    if (!match) return { error: `„${raw}“ ist keine Zahl; erlaubt: ${allowed}` };
    const value = parseFloat(`${match[1]}.${match[2] || "0"}`);
    if (value < limits[0] || value > limits[1]) {
      return { error: `${percent(value)} liegt außerhalb des erlaubten Bereichs; erlaubt: ${limits[0]} bis ${limits[1]}` };
    }
    return { value };
  };

  /* {values, errors} per input name (model.parse_inputs); discount and increase may be empty. */
  const parseInputs = (raw, limits) => {
    const values = {}, errors = {};
    NAMES.forEach((name) => {
      const text = raw[name];
      if (name !== "margin" && (text === null || text === undefined || !String(text).trim())) return;
      const parsed = parsePercent(text, WHAT[name], limits);
      if (parsed.error) errors[name] = parsed.error;
      else values[name] = parsed.value;
    });
    const margin = values.margin;
    if (margin !== undefined && margin <= limits[0]) {
      errors.margin = "muss größer als 0 sein; ohne Marge gibt es keinen Deckungsbeitrag zu halten";
    } else if (margin !== undefined && values.discount !== undefined && values.discount >= margin) {
      errors.discount = `${percent(values.discount)} ist nicht kleiner als die Marge von ${percent(margin)}; ` +
        "dann bleibt je Stück nichts übrig, und keine Mehrmenge gleicht den Rabatt aus";
    }
    return { values, errors };
  };

  /* The result in the shape of `python -m exercises discount --json` (without the source). */
  const compute = (raw, limits) => {
    const { values, errors } = parseInputs(raw, limits);
    if (Object.keys(errors).length) return { errors };
    const result = { inputs: {} };
    Object.keys(values).forEach((name) => { result.inputs[`${name}_percent`] = values[name]; });
    if (values.discount !== undefined) result.volume_increase_percent = volumeIncrease(values.margin, values.discount);
    if (values.increase !== undefined) result.volume_loss_percent = volumeLoss(values.margin, values.increase);
    return result;
  };

  /* The rows of the table and the chart (model.table): null where no volume makes up the cut. */
  const tableRows = (margin, steps) => steps.map((step) => ({
    step, needed: step < margin ? volumeIncrease(margin, step) : null, loss: volumeLoss(margin, step)
  }));

  /* ---------- the calculator ---------- */

  const calculator = (target, data) => {
    const base = newId("kurs-rabatt");
    const inputs = {}, messages = {};

    const field = (name, label, hint) => {
      const id = `${base}-${name}`;
      inputs[name] = el("input", { type: "text", inputmode: "decimal", id, name, autocomplete: "off",
        className: "kurs-rabatt-zahl", "aria-describedby": `${id}-hinweis` });
      messages[name] = el("p", { className: "kurs-rabatt-fehler", id: `${id}-fehler`, hidden: true });
      inputs[name].addEventListener("input", () => update(true));
      return el("div", { className: "kurs-rabatt-feld" }, [
        el("label", { for: id, text: label }), inputs[name],
        el("p", { className: "kurs-anleitung", id: `${id}-hinweis`, text: hint }), messages[name]
      ]);
    };

    const [low, high] = data.limits;
    const form = el("div", { className: "kurs-rabatt-formular" }, [
      field("margin", "Marge in Prozent des Preises", `Deckungsbeitrag je Stück in % des Preises, über ${low} bis ${high}, Komma oder Punkt.`),
      field("discount", "Rabatt in Prozent (freiwillig)", "Kleiner als die Marge. Leer lassen, wenn Sie nur eine Preiserhöhung prüfen."),
      field("increase", "Preiserhöhung in Prozent (freiwillig)", `${low} bis ${high}. Leer lassen, wenn Sie nur einen Rabatt prüfen.`)
    ]);
    const invalid = el("p", { className: "kurs-hinweis kurs-rabatt-ungueltig", hidden: true,
      text: "Bitte korrigieren Sie die markierten Eingaben; dann erscheint hier das Ergebnis." });
    const answers = el("div", { className: "kurs-rabatt-antworten" });
    const announce = el("p", { className: "kurs-nur-vorlesen", "aria-live": "polite" });
    const chartTitle = `${base}-grafik-titel`, chartDesc = `${base}-grafik-beschreibung`;
    const chart = svg("svg", { class: "kurs-rabatt-grafik", viewBox: "0 0 320 190", role: "img",
      "aria-labelledby": chartTitle, "aria-describedby": chartDesc });
    const table = el("table", { className: "kurs-rabatt-tabelle" });
    const source = el("p", { className: "kurs-rabatt-quelle" }, [
      document.createTextNode("Formel: Break-even-Absatzänderung nach "),
      el("a", { href: data.source.href, text: `${data.source.title}` }),
      document.createTextNode(". Sie gilt, solange die Kosten je Stück gleich bleiben.")
    ]);
    const overview = el("div", { className: "kurs-rabatt-uebersicht" }, [chart, table]);
    const results = el("div", { className: "kurs-rabatt-ergebnis" }, [answers, overview, source]);

    target.appendChild(el("p", { className: "kurs-anleitung", text: "Geben Sie die Marge ein und dazu einen Rabatt, eine Preiserhöhung oder beides. Jede Änderung rechnet sofort neu." }));
    target.appendChild(form);
    target.appendChild(invalid);
    target.appendChild(results);
    target.appendChild(announce);

    const showErrors = (errors) => NAMES.forEach((name) => {
      const text = errors[name], input = inputs[name];
      messages[name].textContent = text ? `Fehler: ${text}` : "";
      messages[name].hidden = !text;
      if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      const described = [`${input.id}-hinweis`, text ? messages[name].id : ""].filter(Boolean).join(" ");
      input.setAttribute("aria-describedby", described);
    });

    const answer = (key, value, before, after) => el("p", { className: "kurs-rabatt-antwort" }, [
      document.createTextNode(before),
      el("strong", { "data-wert": key, "data-prozent": String(value), text: resultPercent(value) }),
      document.createTextNode(after)
    ]);

    const draw = (margin, rows) => {
      chart.textContent = "";
      const possible = rows.filter((row) => row.needed !== null);
      const top = Math.max(10, ...possible.map((row) => row.needed));
      const left = 44, right = 312, bottom = 150, height = 120;
      const slot = (right - left) / rows.length;
      const description = rows.map((row) => `${percent(row.step)} Rabatt: ${row.needed === null ? "nicht auszugleichen" : `+${resultPercent(row.needed)}`}`).join("; ");
      chart.appendChild(svg("title", { id: chartTitle }, `Grafik: nötige Mehrmenge bei Rabatten von ${percent(rows[0].step)} bis ${percent(rows[rows.length - 1].step)} und ${percent(margin)} Marge`));
      chart.appendChild(svg("desc", { id: chartDesc }, `${description}. Dieselben Werte stehen in der Tabelle.`));
      chart.appendChild(svg("line", { class: "kurs-rabatt-achse", x1: String(left), y1: String(bottom), x2: String(right), y2: String(bottom) }));
      chart.appendChild(svg("text", { x: "4", y: "14", "font-size": "12" }, "Nötige Mehrmenge in %"));
      rows.forEach((row, index) => {
        const middle = left + slot * (index + 0.5);
        chart.appendChild(svg("text", { x: middle.toFixed(1), y: "168", "font-size": "12", "text-anchor": "middle" }, percent(row.step)));
        if (row.needed === null) {
          chart.appendChild(svg("text", { x: middle.toFixed(1), y: String(bottom - 6), "font-size": "11", "text-anchor": "middle" }, "–"));
          return;
        }
        const barHeight = Math.max(1, row.needed / top * height);
        chart.appendChild(svg("rect", { class: "kurs-rabatt-balken", x: (middle - slot * 0.3).toFixed(1), y: (bottom - barHeight).toFixed(1),
          width: (slot * 0.6).toFixed(1), height: barHeight.toFixed(1) }));
        chart.appendChild(svg("text", { x: middle.toFixed(1), y: (bottom - barHeight - 4).toFixed(1), "font-size": "11", "text-anchor": "middle" },
          germanNumber(row.needed, 1)));
      });
      chart.appendChild(svg("text", { x: String((left + right) / 2), y: "186", "font-size": "12", "text-anchor": "middle" }, "Rabatt"));
    };

    const fillTable = (margin, rows) => {
      table.textContent = "";
      table.appendChild(el("caption", { text: `Bei ${percent(margin)} Marge` }));
      table.appendChild(el("thead", {}, [el("tr", {}, ["Preis\u00adänderung", "Rabatt: nötige Mehr\u00admenge", "Erhöhung: möglicher Mengen\u00adverlust"]
        .map((title) => el("th", { scope: "col", text: title })))]));
      table.appendChild(el("tbody", {}, rows.map((row) => el("tr", { "data-schritt": String(row.step) }, [
        el("th", { scope: "row", text: percent(row.step) }),
        el("td", { text: row.needed === null ? "nicht möglich" : `+${resultPercent(row.needed)}` }),
        el("td", { text: `−${resultPercent(row.loss)}` })
      ]))));
    };

    let announceTimer = null;
    const update = (typed) => {
      const raw = {};
      NAMES.forEach((name) => { raw[name] = inputs[name].value; });
      const { values, errors } = parseInputs(raw, data.limits);
      showErrors(errors);
      const ok = !Object.keys(errors).length;
      invalid.hidden = ok;
      results.hidden = !ok;
      target.setAttribute("data-gueltig", ok ? "ja" : "nein");
      const sentences = [];
      answers.textContent = "";
      if (ok) {
        const margin = values.margin;
        if (values.discount !== undefined) {
          const needed = volumeIncrease(margin, values.discount);
          answers.appendChild(answer("mehrmenge", needed, `Bei ${percent(margin)} Marge und ${percent(values.discount)} Rabatt müssen Sie `, " mehr Menge verkaufen, um gleich viel Deckungsbeitrag zu verdienen."));
          sentences.push(`${percent(values.discount)} Rabatt: ${resultPercent(needed)} mehr Menge nötig.`);
        }
        if (values.increase !== undefined) {
          const loss = volumeLoss(margin, values.increase);
          answers.appendChild(answer("verlust", loss, `Nach ${percent(values.increase)} Preiserhöhung dürfen bis zu `, " der Menge wegfallen, bevor der Deckungsbeitrag sinkt."));
          sentences.push(`${percent(values.increase)} Preiserhöhung: bis ${resultPercent(loss)} Mengenverlust verkraftbar.`);
        }
        if (!sentences.length) answers.appendChild(el("p", { text: "Geben Sie einen Rabatt oder eine Preiserhöhung ein." }));
        const rows = tableRows(margin, data.steps);
        draw(margin, rows);
        fillTable(margin, rows);
      }
      if (!typed) return;
      // Announce once typing pauses, not at every keystroke.
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(() => {
        announce.textContent = ok ? (sentences.join(" ") || "Bitte Rabatt oder Preiserhöhung eingeben.") : "Eingaben unvollständig oder falsch.";
      }, 600);
    };

    NAMES.forEach((name) => { inputs[name].value = String(data.start[name]); });
    update(false);
  };

  /* ---------- start ---------- */

  const models = [];

  const start = () => {
    document.querySelectorAll("[data-kurs-rabatt]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (error) { return; }
      const target = root.querySelector(".kurs-ziel");
      target.textContent = "";
      models.push(data);
      calculator(target, data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.discount = {
    /* The page's answer for text inputs {margin, discount, increase} (keys as in the --json output). */
    compute: (raw) => compute(raw, models[0].limits),
    start
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

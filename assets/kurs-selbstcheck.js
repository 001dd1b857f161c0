/* KAM-Kurs: readiness self-check for internal candidates, and the certificate.
 *
 * Both run in the browser only. The self-check's scoring mirrors
 * exercises/selfcheck.py (1..5 agreement, reversed items count 6 - answer,
 * mean mapped to 0..100 %). Its answers and last result are kept through
 * Kurs.progress, so both come back after a reload. The certificate appears
 * only when every chapter quiz and the final exam are passed.
 */
(() => {
  "use strict";
  const { el, svg } = Kurs.dom;
  const STRENGTH_FROM = 75, GAP_BELOW = 50;
  const text = (value) => document.createTextNode(value);

  const profile = (data, answers) => {
    const points = {};
    Object.keys(data.kompetenzen).forEach((key) => { points[key] = []; });
    data.aussagen.forEach((statement, i) => {
      points[statement.kompetenz].push(statement.umgekehrt ? 6 - answers[i] : answers[i]);
    });
    const result = {};
    Object.entries(points).forEach(([key, values]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      result[key] = Math.floor((mean - 1) / 4 * 100 + 0.5);
    });
    return result;
  };

  /* Wide rooms put each name left of its bar; narrow ones (phones) put it above the bar,
     so that the chart scaled to the screen keeps its text at about the size drawn. */
  const WIDE = { total: 700, row: 38, left: 250, bar: 380, barTop: 0 };
  const NARROW = { total: 360, row: 52, left: 16, bar: 276, barTop: 22 };
  const chart = (data, values, room) => {
    const keys = Object.keys(data.kompetenzen);
    const narrow = room < 560;
    const { total, row, left, bar, barTop } = narrow ? NARROW : WIDE;
    const height = keys.length * row + 40;
    const image = svg("svg", { viewBox: `0 0 ${total} ${height}`, role: "img", "aria-labelledby": "profil-titel profil-text",
      class: narrow ? "kurs-profil kurs-profil-schmal" : "kurs-profil" });
    image.appendChild(svg("title", { id: "profil-titel" }, "Ihr Kompetenzprofil"));
    image.appendChild(svg("desc", { id: "profil-text" }, keys.map((k) => data.kompetenzen[k].name + ": " + values[k] + " %").join("; ")));
    [0, 50, 75, 100].forEach((tick) => {
      const x = left + bar * tick / 100;
      image.appendChild(svg("line", { x1: x, y1: 10, x2: x, y2: height - 24, stroke: "#8a8a8a", "stroke-dasharray": tick ? "4 4" : "" }));
      image.appendChild(svg("text", { x, y: height - 6, "font-size": 14, "text-anchor": "middle", fill: "currentColor" }, tick + " %"));
    });
    keys.forEach((k, i) => {
      const y = 14 + i * row;
      image.appendChild(svg("text", { x: narrow ? left : 0, y: y + 17, "font-size": 16, fill: "currentColor" }, data.kompetenzen[k].name));
      image.appendChild(svg("rect", { x: left, y: y + barTop, width: Math.max(2, bar * values[k] / 100), height: 22, rx: 3, fill: "#0b4f6c", class: "kurs-profil-balken" }));
      image.appendChild(svg("text", { x: left + bar + 10, y: y + barTop + 17, "font-size": 16, fill: "currentColor" }, values[k] + " %"));
    });
    return image;
  };

  const recommendations = (competency) => el("ul", {}, [
    ...competency.kapitel.map((c) => el("li", {}, [text("Kapitel: "), el("a", { href: c.href, text: c.titel })])),
    ...competency.rollenspiele.map((r) => el("li", {}, [text("Rollenspiel: "), el("a", { href: r.href, text: r.titel })]))
  ]);

  /* Stored answers: one digit per statement, 0 = not answered yet. */
  const readAnswers = (stored, count) => (typeof stored === "string" && new RegExp("^[0-5]{" + count + "}$").test(stored)
    ? Array.from(stored, (digit) => (digit === "0" ? null : Number(digit))) : null);

  /* A stored profile fits when it has a whole percentage for every competency. */
  const fits = (data, values) => Boolean(values) && typeof values === "object" &&
    Object.keys(data.kompetenzen).every((k) => Number.isInteger(values[k]) && values[k] >= 0 && values[k] <= 100);

  const selfcheck = (target, data) => {
    target.textContent = "";
    const form = el("form", { className: "kurs-selbstcheck-formular", novalidate: "novalidate" });
    data.aussagen.forEach((statement, i) => {
      const scale = el("div", { className: "kurs-skala" }, data.skala.map((level, j) => {
        const id = "aussage-" + i + "-" + (j + 1);
        return el("span", { className: "kurs-option" }, [
          el("input", { type: "radio", name: "aussage-" + i, id, value: String(j + 1) }),
          el("label", { for: id, text: level })
        ]);
      }));
      form.appendChild(el("fieldset", { className: "kurs-frage kurs-aussage", "data-aussage": String(i) }, [
        el("legend", {}, [el("span", { className: "kurs-frage-nummer", text: (i + 1) + " von " + data.aussagen.length + ": " }), el("span", { text: statement.text })]),
        scale
      ]));
    });
    form.appendChild(el("div", { className: "kurs-knoepfe" }, [el("button", { type: "submit", className: "kurs-knopf kurs-pruefen", text: "Auswerten" })]));
    const message = el("p", { role: "status", className: "kurs-aktionsstatus" });
    form.appendChild(message);
    const result = el("section", { className: "kurs-selbstcheck-ergebnis", "aria-labelledby": "selbstcheck-ergebnis", hidden: true });
    target.appendChild(form);
    target.appendChild(result);

    const answers = () => data.aussagen.map((_, i) => {
      const picked = form.querySelector("input[name='aussage-" + i + "']:checked");
      return picked ? Number(picked.value) : null;
    });
    const stored = (list) => list.map((a) => a || 0).join("");

    const saved = Kurs.progress.selfcheck();
    const restored = readAnswers(saved && saved.answers, data.aussagen.length);
    if (restored) {
      restored.forEach((value, i) => {
        const radio = value && form.querySelector("#aussage-" + i + "-" + value);
        if (radio) radio.checked = true;
      });
    }
    if (saved && fits(data, saved.profile)) showResult(result, data, saved.profile, false);

    form.addEventListener("change", () => Kurs.progress.saveSelfcheck(stored(answers())));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const given = answers();
      const open = given.indexOf(null);
      if (open >= 0) {
        const missing = given.filter((a) => a === null).length;
        message.textContent = "Bitte bewerten Sie noch " + missing + " Aussage(n); die erste offene ist Nummer " + (open + 1) + ".";
        form.querySelector("input[name='aussage-" + open + "']").focus();
        return;
      }
      message.textContent = "";
      const values = profile(data, given);
      Kurs.progress.saveSelfcheck(stored(given), values);
      showResult(result, data, values, true);
    });
  };

  /* Shows the profile; `focus` after the learner's own evaluation, not after a reload. */
  const showResult = (area, data, values, focus) => {
    area.textContent = "";
    area.hidden = false;
    const heading = el("h2", { id: "selbstcheck-ergebnis", tabindex: "-1", text: "Ihr Ergebnis" });
    area.appendChild(heading);
    area.appendChild(el("p", { text: "Das Profil zeigt Ihre Selbsteinschätzung je Kompetenz (0 bis 100 %). Ab " + STRENGTH_FROM + " % zählt eine Kompetenz als Stärke, unter " + GAP_BELOW + " % als Lücke. Ihre Antworten verlassen diesen Browser nicht." }));
    area.appendChild(chart(data, values, area.clientWidth));
    const keys = Object.keys(data.kompetenzen);
    const strengths = keys.filter((k) => values[k] >= STRENGTH_FROM);
    const gaps = keys.filter((k) => values[k] < GAP_BELOW);
    const middle = keys.filter((k) => values[k] >= GAP_BELOW && values[k] < STRENGTH_FROM);

    area.appendChild(el("h3", { text: "Stärken" }));
    area.appendChild(strengths.length ? el("ul", {}, strengths.map((k) =>
      el("li", {}, [el("strong", { text: data.kompetenzen[k].name + " (" + values[k] + " %): " }), text(data.kompetenzen[k].staerke)])))
      : el("p", { text: "Noch keine Kompetenz erreicht " + STRENGTH_FROM + " %." }));

    area.appendChild(el("h3", { text: "Lücken und was Sie tun können" }));
    if (!gaps.length) area.appendChild(el("p", { text: "Keine Kompetenz liegt unter " + GAP_BELOW + " %." }));
    gaps.forEach((k) => {
      const competency = data.kompetenzen[k];
      area.appendChild(el("div", { className: "kurs-luecke" }, [
        el("p", {}, [el("strong", { text: competency.name + " (" + values[k] + " %): " }), text(competency.luecke)]),
        el("p", { text: "Empfohlen:" }), recommendations(competency)
      ]));
    });
    if (middle.length) {
      area.appendChild(el("h3", { text: "Ausbaufähig" }));
      area.appendChild(el("ul", {}, middle.map((k) => el("li", { text: data.kompetenzen[k].name + " (" + values[k] + " %)" }))));
    }
    const printButton = el("button", { type: "button", className: "kurs-knopf", text: "Ergebnis drucken" });
    printButton.addEventListener("click", () => window.print());
    area.appendChild(el("div", { className: "kurs-knoepfe" }, [printButton]));
    if (focus) heading.focus();
  };

  /* ---------- certificate ---------- */

  const bestExam = (state) => state.exam.attempts.reduce((best, a) => (a.passed && (!best || a.pct > best.pct) ? a : best), null);

  const certificate = (target, info) => {
    target.textContent = "";
    const state = Kurs.progress.snapshot();
    const open = info.kapitel.filter((c) => !(state.chapters[c.id] && state.chapters[c.id].passed));
    const exam = bestExam(state);
    if (open.length || !exam) {
      target.appendChild(el("p", { className: "kurs-hinweis", text: "Die Teilnahmebestätigung erhalten Sie, sobald Sie alle Kapitel-Quizze (ab " + info.kapitel_bestehensgrenze + " %) und den Abschlusstest (ab " + info.pruefung.bestehensgrenze + " %) bestanden haben. Noch offen:" }));
      const list = el("ul", { className: "kurs-offen" }, open.map((c) => el("li", {}, [text("Quiz im Kapitel "), el("a", { href: c.href, text: c.titel })])));
      if (!exam) list.appendChild(el("li", {}, [el("a", { href: info.pruefung.href, text: "Abschlusstest" })]));
      target.appendChild(list);
      return;
    }
    const privacy = "Ihr Name erscheint nur auf diesem Bildschirm und im Ausdruck; er wird nicht gespeichert.";
    const form = el("form", { className: "kurs-zertifikat-formular", novalidate: "novalidate" });
    const input = el("input", { type: "text", id: "zertifikat-name", autocomplete: "name", required: "required", "aria-describedby": "zertifikat-hilfe" });
    const help = el("p", { id: "zertifikat-hilfe", className: "kurs-anleitung", text: privacy });
    form.appendChild(el("p", { text: "Herzlichen Glückwunsch: Sie haben alle Kapitel-Quizze und den Abschlusstest bestanden." }));
    form.appendChild(el("p", {}, [el("label", { for: "zertifikat-name", text: "Ihr Name:" }), text(" "), input]));
    form.appendChild(help);
    form.appendChild(el("div", { className: "kurs-knoepfe" }, [el("button", { type: "submit", className: "kurs-knopf kurs-pruefen", text: "Bestätigung erstellen" })]));
    const sheet = el("section", { className: "kurs-urkunde", "aria-labelledby": "urkunde-titel", hidden: true });
    target.appendChild(form);
    target.appendChild(sheet);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) {
        input.setAttribute("aria-invalid", "true");
        help.textContent = "Bitte geben Sie Ihren Namen ein.";
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      help.textContent = privacy;
      showCertificate(sheet, info, state, exam, name);
    });
  };

  const showCertificate = (sheet, info, state, exam, name) => {
    sheet.textContent = "";
    sheet.hidden = false;
    const title = el("h2", { id: "urkunde-titel", tabindex: "-1", text: "Teilnahmebestätigung" });
    sheet.appendChild(title);
    sheet.appendChild(el("p", { className: "kurs-urkunde-name", text: name }));
    sheet.appendChild(el("p", { text: "hat den Online-Kurs „KAM-Kurs: Key Account Management“" + (info.firma ? " in der Ausgabe von " + info.firma : "") + " erfolgreich abgeschlossen." }));
    const body = el("tbody", {}, info.kapitel.map((c) => el("tr", {}, [el("th", { scope: "row", text: c.titel }), el("td", { text: state.chapters[c.id].best + " %" })])));
    body.appendChild(el("tr", {}, [el("th", { scope: "row", text: "Abschlusstest" }), el("td", { text: exam.pct + " %" })]));
    sheet.appendChild(el("table", { className: "kurs-urkunde-tabelle" }, [
      el("caption", { text: "Ergebnisse (jeweils bestes Ergebnis)" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Teil" }), el("th", { scope: "col", text: "Ergebnis" })])]),
      body
    ]));
    sheet.appendChild(el("p", { text: "Ausgestellt am " + new Date().toLocaleDateString("de-DE", { day: "2-digit", month: "2-digit", year: "numeric" }) + "." }));
    sheet.appendChild(el("p", { className: "kurs-anleitung", text: "Diese Bestätigung beruht auf den Ergebnissen, die in diesem Browser gespeichert sind." }));
    const printButton = el("button", { type: "button", className: "kurs-knopf", text: "Drucken" });
    printButton.addEventListener("click", () => window.print());
    sheet.appendChild(el("div", { className: "kurs-knoepfe" }, [printButton]));
    title.focus();
  };

  const start = () => {
    [["[data-kurs-selbstcheck]", selfcheck], ["[data-kurs-zertifikat]", certificate]].forEach(([selector, show]) => {
      document.querySelectorAll(selector).forEach((root) => {
        let data;
        try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
        const target = root.querySelector(".kurs-ziel");
        show(target, data);
        const notice = Kurs.progress.notice();
        if (notice) target.insertBefore(notice, target.firstChild);
      });
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.selfcheck = { profile };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

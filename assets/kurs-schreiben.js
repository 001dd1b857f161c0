/* KAM-Kurs: written practice, without kernel or network.
 *
 * Each task (JSON from exercises/writing/page.py) gets a labelled textarea, a
 * character count, a button that shows the model answer and a checklist the
 * learner ticks for their own text. Text and ticks go to the progress state as
 * Kurs.progress.savePractice("writing", id, { at, text, ticks }): ticks is one
 * digit per checklist item ("0" or "1"), empty while the model answer was never
 * shown, so a reload shows the answer again only to those who had opened it.
 * Typing is saved once it pauses, and at once when the field loses focus or the
 * page is left. All text is set with textContent, never parsed as HTML.
 */
(() => {
  "use strict";
  const { el } = Kurs.dom;
  const KIND = "writing";
  const SAVE_DELAY = 800; // ms after the last keystroke
  const NEAR_LIMIT = 200; // characters left when the count is announced once
  // Control characters (pasted from other programs) would take six characters each in the JSON state.
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
  const LMS_NOTICE = "Hinweis: Ihre Lernplattform hat keinen Platz für Ihre Texte. Sie bleiben in diesem Browser auf diesem Gerät gespeichert; Ihre Ergebnisse in der Lernplattform zählen weiter.";
  const BLOCKED_NOTICE = "Hinweis: Ihr Browser erlaubt dieser Seite nicht, Daten zu speichern. Ihr Text bleibt nur erhalten, solange die Seite geöffnet ist; kopieren Sie ihn bei Bedarf.";

  let counter = 0;
  const newId = (prefix) => `${prefix}-${++counter}`;
  const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const countText = (length, max) => `${grouped(length)} von ${grouped(max)} Zeichen`;
  const tickedText = (ticks) => `${(ticks.match(/1/g) || []).length} von ${ticks.length} Punkten treffen auf Ihren Text zu.`;
  const time = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" });
  };

  /* The SCORM launch page (assets/kurs-lms.js) says when suspend_data had no room for free texts. */
  const textsLeftOut = () => {
    try {
      return Boolean(window.parent.kursLms && window.parent.kursLms.textsLeftOut);
    } catch (otherOrigin) {
      return false;
    }
  };

  /* A saved entry as this task can use it: text cut to the limit, ticks only if they match the checklist. */
  const savedEntry = (data) => {
    const entry = Kurs.progress.practice(KIND)[data.id];
    const text = entry && typeof entry.text === "string" ? entry.text.slice(0, data.maxChars) : "";
    const ticks = entry && typeof entry.ticks === "string" && /^[01]*$/.test(entry.ticks) &&
      entry.ticks.length === data.checklist.length ? entry.ticks : "";
    return { text, ticks, at: entry && entry.at };
  };

  /* Blank lines separate paragraphs; single line breaks stay (CSS white-space: pre-line). */
  const paragraphs = (text) => text.split(/\n\s*\n/).map((part) => el("p", { text: part }));

  /* ---------- one task ---------- */

  const task = (root, target, data) => {
    const base = newId("kurs-schreiben");
    const saved = savedEntry(data);
    let ticks = saved.ticks;
    let lastSaved = JSON.stringify([saved.text, saved.ticks]);
    let saveTimer = null;
    let nearLimit = false;

    const textarea = el("textarea", { id: `${base}-text`, className: "kurs-schreiben-feld", rows: "10",
      maxlength: String(data.maxChars), spellcheck: "true", "aria-describedby": `${base}-umfang ${base}-zaehler` });
    textarea.value = saved.text;
    const count = el("p", { id: `${base}-zaehler`, className: "kurs-schreiben-zaehler" });
    const savedLine = el("p", { className: "kurs-schreiben-gespeichert" });
    const status = el("p", { role: "status", className: "kurs-schreiben-status" });
    const lmsNotice = el("p", { className: "kurs-lmshinweis kurs-schreiben-lms", hidden: true, text: LMS_NOTICE });
    const reveal = el("button", { type: "button", className: "kurs-knopf", "aria-expanded": "false",
      "aria-controls": `${base}-loesung`, text: "Musterantwort zeigen" });
    const summary = el("p", { className: "kurs-schreiben-summe" });
    const boxes = data.checklist.map((_, index) => el("input", { type: "checkbox", id: `${base}-punkt-${index}`, "data-punkt": String(index) }));
    const rows = data.checklist.map((item, index) => el("div", { className: "kurs-schreiben-punkt" }, [
      boxes[index], el("label", { for: boxes[index].id, text: item })]));
    const solution = el("div", { id: `${base}-loesung`, className: "kurs-schreiben-loesung", hidden: true }, [
      el("p", { className: "kurs-schreiben-ueberschrift", text: "Musterantwort" }),
      el("blockquote", { className: "kurs-schreiben-muster" }, paragraphs(data.modelAnswer)),
      el("fieldset", { className: "kurs-schreiben-checkliste" }, [
        el("legend", { text: "Prüfen Sie Ihren Text: Was trifft zu?" }), ...rows]),
      summary
    ]);

    target.appendChild(el("p", { className: "kurs-schreiben-titel" }, [el("strong", { text: `Schreibaufgabe: ${data.title}` })]));
    target.appendChild(el("p", {}, [el("strong", { text: "Situation: " }), document.createTextNode(data.situation)]));
    target.appendChild(el("p", {}, [el("strong", { text: "Ihr Auftrag: " }), document.createTextNode(data.task)]));
    target.appendChild(el("label", { for: textarea.id, className: "kurs-schreiben-label", text: "Ihr Text" }));
    target.appendChild(el("p", { id: `${base}-umfang`, className: "kurs-anleitung",
      text: `Umfang: ${data.length}. Höchstens ${grouped(data.maxChars)} Zeichen; Ihr Text bleibt in diesem Browser.` }));
    target.appendChild(textarea);
    target.appendChild(el("div", { className: "kurs-schreiben-leiste" }, [count, savedLine]));
    if (Kurs.progress.status() === "blocked") target.appendChild(el("p", { className: "kurs-speicherhinweis", text: BLOCKED_NOTICE }));
    target.appendChild(lmsNotice);
    target.appendChild(el("div", { className: "kurs-knoepfe" }, [reveal]));
    target.appendChild(status);
    target.appendChild(solution);

    const showLmsNotice = () => { lmsNotice.hidden = !textsLeftOut(); };

    const save = () => {
      window.clearTimeout(saveTimer);
      const text = textarea.value.replace(CONTROL, "");
      const now = JSON.stringify([text, ticks]);
      if (now === lastSaved) return;
      lastSaved = now;
      const at = new Date().toISOString();
      Kurs.progress.savePractice(KIND, data.id, text || ticks ? { at, text, ticks } : null);
      savedLine.textContent = text || ticks ? `In diesem Browser gespeichert um ${time(at)} Uhr.` : "";
      root.setAttribute("data-gespeichert", at);
      // kurs-lms.js packs the state asynchronously and only then knows whether the texts fit.
      window.setTimeout(showLmsNotice, 300);
    };

    const updateCount = () => {
      const length = textarea.value.length;
      count.textContent = countText(length, data.maxChars);
      const left = data.maxChars - length;
      // Announced only when the limit comes near or is reached, not at every keystroke.
      if (left <= 0) status.textContent = `Die Höchstlänge von ${grouped(data.maxChars)} Zeichen ist erreicht.`;
      else if (left <= NEAR_LIMIT && !nearLimit) status.textContent = `Noch ${grouped(left)} Zeichen frei.`;
      nearLimit = left <= NEAR_LIMIT;
    };

    const open = (shown) => {
      solution.hidden = !shown;
      reveal.setAttribute("aria-expanded", String(shown));
      reveal.textContent = shown ? "Musterantwort verbergen" : "Musterantwort zeigen";
      if (shown && !ticks) ticks = "0".repeat(data.checklist.length);
      boxes.forEach((box, index) => { box.checked = ticks[index] === "1"; });
      summary.textContent = tickedText(ticks || "0".repeat(data.checklist.length));
    };

    boxes.forEach((box) => box.addEventListener("change", () => {
      ticks = boxes.map((b) => (b.checked ? "1" : "0")).join("");
      summary.textContent = tickedText(ticks);
      status.textContent = summary.textContent;
      save();
    }));
    textarea.addEventListener("input", () => {
      updateCount();
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(save, SAVE_DELAY);
    });
    textarea.addEventListener("blur", save);
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(); });
    reveal.addEventListener("click", () => {
      const shown = solution.hidden;
      open(shown);
      if (!shown) { status.textContent = "Die Musterantwort ist verborgen. Ihre Haken bleiben gespeichert."; return; }
      status.textContent = textarea.value.trim()
        ? "Die Musterantwort und die Checkliste stehen unter dem Knopf. Haken Sie ab, was auf Ihren Text zutrifft."
        : "Sie haben noch nichts geschrieben. Die Musterantwort steht unter dem Knopf; versuchen Sie danach trotzdem einen eigenen Text.";
      save();
    });

    updateCount();
    nearLimit = data.maxChars - textarea.value.length <= NEAR_LIMIT;
    if (saved.at && (saved.text || saved.ticks)) savedLine.textContent = `In diesem Browser gespeichert um ${time(saved.at)} Uhr.`;
    if (ticks) open(true);
    showLmsNotice();
  };

  /* ---------- the progress page ---------- */

  /* The course's tasks come with the progress page's own data (exercises/sphinx/progress.py). */
  const courseTasks = () => {
    const script = document.querySelector("[data-kurs-fortschritt] script[type='application/json']");
    try {
      return JSON.parse(script.textContent).schreibaufgaben || [];
    } catch (missing) {
      return [];
    }
  };

  const progressPart = (state) => {
    const tasks = courseTasks();
    if (!tasks.length) return null;
    const entries = state[KIND] || {};
    const part = el("div", { className: "kurs-schreibstand" });
    if (textsLeftOut()) part.appendChild(el("p", { className: "kurs-lmshinweis", text: LMS_NOTICE }));
    part.appendChild(el("ul", {}, tasks.map((info) => {
      const entry = entries[info.id] || {};
      const text = typeof entry.text === "string" ? entry.text : "";
      const ticks = typeof entry.ticks === "string" && entry.ticks.length === info.criteria ? entry.ticks : "";
      const ticked = (ticks.match(/1/g) || []).length;
      const item = el("li", { "data-aufgabe": info.id }, [
        el("a", { href: info.href, text: info.title }),
        document.createTextNode(` (Kapitel „${info.chapter}“): `),
        document.createTextNode(text.trim() ? "✓ geschrieben" : "○ noch nicht geschrieben"),
        document.createTextNode(ticks ? `; Checkliste: ${ticked} von ${info.criteria} abgehakt` : `; Checkliste: noch nicht verglichen (${info.criteria} Punkte)`)
      ]);
      if (text.trim()) {
        item.appendChild(el("details", {}, [el("summary", { text: "Ihr Text" }),
          el("p", { className: "kurs-schreiben-eigener-text", text })]));
      }
      return item;
    })));
    return part;
  };

  /* ---------- start ---------- */

  const start = () => {
    document.querySelectorAll("[data-kurs-schreiben]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (error) { return; }
      const target = root.querySelector(".kurs-ziel");
      target.textContent = "";
      task(root, target, data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  if (Kurs.progressPage) Kurs.progressPage.addPart("Schreibaufgaben", progressPart);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* KAM-Kurs: learning progress, kept only in this browser.
 *
 * Every score, answer and completion passes through this one module
 * (Kurs.progress), so that an LMS connection can later subscribe to the same
 * events (Kurs.progress.subscribe) and carry the whole state
 * (Kurs.progress.snapshot / restore). Blocked or corrupt storage never breaks a
 * page: the course then works from memory and says so.
 *
 * Stored state, version 2, as JSON under the one key KEY. Times are ISO strings.
 * Shuffled orders are not stored: an attempt keeps one seed and every order is
 * drawn again from it, which keeps the state small (SCORM 1.2 allows 4096 chars).
 * {
 *   version: 2,
 *   chapters:  { <chapter id>: { best, last, tries, passed, at } }   finished chapter quizzes (%)
 *   quizzes:   { <chapter id>: Attempt }                             the current attempt per chapter quiz
 *   exam:      { attempts: [{ at, pct, passed, chapters: { <chapter id>: [points, questions] } }],
 *                open: Attempt | null }                               the exam attempt not yet handed in
 *   roleplays: { <scenario id>: { at, pfad, abgeschlossen } }        as kurs-rollenspiel.js saves them
 *   visited:   { <page>: at }
 *   selfcheck: { at, answers: "53104…", profile: { <competency>: % } | null } | absent
 *              answers: one digit per statement (1..5), 0 = not answered yet;
 *              profile: the last evaluated result
 *   learner:   "<name>" | absent                                     the name a trainee gives for the export
 *   workbook:  { <field id>: value } | absent       the account-plan workbook (kurs-arbeitsmappe.js)
 *   writing:   { <task id>: { at, text, ticks } } | absent            written practice (kurs-schreiben.js)
 *   review:    { <question id>: [box, due day] } | absent             spaced review (kurs-wiederholen.js)
 *   textsLeftOut: true | absent   only in SCORM 1.2 suspend_data that had no room for the free texts
 *              (workbook, writing) and perhaps the review cards: this browser's copy of what is
 *              missing is kept (assets/kurs-lms.js)
 * }
 * Attempt (written and checked by kurs-quiz.js):
 *   { f: fingerprint of the question ids, seed: drives every shuffle of the attempt,
 *     answers: [one answer per question or null], retry: { <index>: n }, shown: [index, …] }
 */
(() => {
  "use strict";
  // Each edition (trainer, a company's) keeps its own progress: the layout names it in
  // <meta name="kurs-ausgabe">; the trainee edition keeps the plain key.
  const editionMeta = document.querySelector('meta[name="kurs-ausgabe"]');
  const edition = editionMeta ? editionMeta.getAttribute("content") : "";
  const KEY = edition ? `kam-kurs:${edition}:fortschritt:v2` : "kam-kurs:fortschritt:v2";
  const OLD_KEY = "kam-kurs:fortschritt:v1";
  const VERSION = 2;
  const listeners = [];
  let status = "ok"; // "ok" | "blocked" | "repaired"

  const now = () => new Date().toISOString();
  const copy = (value) => JSON.parse(JSON.stringify(value));
  const isObject = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

  // Practice kinds added after version 2 began: optional, so older v2 states stay valid.
  const PRACTICE = ["workbook", "writing", "review"];

  const empty = () => ({ version: VERSION, chapters: {}, quizzes: {}, exam: { attempts: [], open: null }, roleplays: {}, visited: {} });

  const valid = (state) => isObject(state) && state.version === VERSION &&
    ["chapters", "quizzes", "exam", "roleplays", "visited"].every((key) => isObject(state[key])) &&
    Array.isArray(state.exam.attempts) && (state.exam.open === null || isObject(state.exam.open)) &&
    (state.selfcheck === undefined || isObject(state.selfcheck)) &&
    (state.learner === undefined || typeof state.learner === "string") &&
    PRACTICE.every((kind) => state[kind] === undefined || isObject(state[kind]));

  /* Version 1 (key OLD_KEY) had German field names and no attempts; every
   * value it held is carried over. */
  const migrateV1 = (old) => {
    const valid1 = isObject(old) && old.version === 1 && isObject(old.kapitel) && isObject(old.pruefung) &&
      Array.isArray(old.pruefung.versuche) && isObject(old.rollenspiele) && isObject(old.besucht);
    if (!valid1) return null;
    const state = empty();
    Object.entries(old.kapitel).forEach(([id, c]) => {
      state.chapters[id] = { best: c.bester, last: c.letzter, tries: c.versuche, passed: c.bestanden, at: c.datum };
    });
    state.exam.attempts = old.pruefung.versuche.map((a) => ({
      at: a.datum, pct: a.prozent, passed: a.bestanden,
      chapters: Object.fromEntries(Object.entries(a.kapitel || {}).map(([id, s]) => [id, [s.punkte, s.fragen]]))
    }));
    Object.entries(old.rollenspiele).forEach(([id, r]) => {
      const { datum, ...rest } = r;
      state.roleplays[id] = { at: datum, ...rest };
    });
    state.visited = Object.assign({}, old.besucht);
    if (isObject(old.selbstcheck)) state.selfcheck = { at: old.selbstcheck.datum, answers: "", profile: old.selbstcheck.profil };
    return state;
  };

  const storage = () => {
    if (window.kamKursSpeicherGesperrt) return null;
    try {
      const s = window.localStorage;
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (e) {
      return null;
    }
  };

  /* Reads KEY, or else migrates OLD_KEY. An unreadable value is kept aside for
   * support instead of being silently lost. */
  const load = () => {
    const s = storage();
    if (!s) { status = "blocked"; return empty(); }
    const stored = s.getItem(KEY);
    const raw = stored !== null ? stored : s.getItem(OLD_KEY);
    if (raw === null) return empty();
    let parsed = null;
    try { parsed = JSON.parse(raw); } catch (e) { /* handled below */ }
    const state = stored !== null ? (valid(parsed) ? parsed : null) : migrateV1(parsed);
    if (state) return state;
    try { s.setItem(KEY + ":defekt", raw); } catch (e) { /* nothing more to do */ }
    status = "repaired";
    return empty();
  };

  /* Inside an LMS, the SCORM package's launch page (assets/kurs-lms.js) holds the one
   * LMS session; its stored state wins over this browser's, and every change goes to it. */
  const lms = (() => {
    try {
      const host = window.parent !== window ? window.parent.kursLms : null;
      return host && host.connected ? host : null;
    } catch (otherOrigin) {
      return null;
    }
  })();

  let state = load();
  if (lms && lms.state && valid(lms.state)) {
    const local = state;
    state = copy(lms.state);
    if (state.textsLeftOut) {
      PRACTICE.forEach((kind) => { if (state[kind] === undefined && local[kind]) state[kind] = local[kind]; });
      delete state.textsLeftOut;
    }
  }

  const save = () => {
    const s = storage();
    if (!s) { status = "blocked"; return; }
    try {
      s.setItem(KEY, JSON.stringify(state));
      s.removeItem(OLD_KEY); // migrated (or unreadable and kept aside): one key stays
    } catch (e) {
      status = "blocked";
    }
  };

  const emit = (event) => {
    save();
    if (lms) {
      try { lms.record(event, copy(state)); } catch (e) { /* the LMS must not break the course */ }
    }
    listeners.forEach((listener) => {
      try { listener(event, copy(state)); } catch (e) { /* a listener must not break the course */ }
    });
  };

  const progress = {
    KEY,
    status: () => status,
    /* A copy of the whole state, for views and for an LMS adapter. */
    snapshot: () => copy(state),
    /* Replaces the whole state (version 2, or version 1 to migrate); false if unusable. */
    restore: (next) => {
      const usable = valid(next) ? copy(next) : migrateV1(next);
      if (!usable) return false;
      state = usable;
      emit({ type: "restore" });
      return true;
    },
    /* listener(event, snapshot) after every change; returns a function that unsubscribes. */
    subscribe: (listener) => {
      listeners.push(listener);
      return () => { const i = listeners.indexOf(listener); if (i >= 0) listeners.splice(i, 1); };
    },

    quizResult: (chapter, pct, passed) => {
      const old = state.chapters[chapter] || { best: 0, last: 0, tries: 0, passed: false };
      state.chapters[chapter] = { best: Math.max(old.best, pct), last: pct, tries: old.tries + 1, passed: old.passed || passed, at: now() };
      emit({ type: "quiz", chapter, pct, passed });
    },
    quizAttempt: (chapter) => (isObject(state.quizzes[chapter]) ? copy(state.quizzes[chapter]) : null),
    saveQuizAttempt: (chapter, attempt) => {
      state.quizzes[chapter] = copy(attempt);
      emit({ type: "quiz-attempt", chapter });
    },

    examAttempt: () => (state.exam.open ? copy(state.exam.open) : null),
    saveExamAttempt: (attempt) => {
      state.exam.open = copy(attempt);
      emit({ type: "exam-attempt" });
    },
    /* A handed-in exam: `chapters` maps chapter id to [points, questions]. Ends the open attempt.
     * `items` (id, type, answer, points per question) go only to listeners such as an LMS. */
    examResult: (pct, passed, chapters, items = []) => {
      state.exam.attempts.push({ at: now(), pct, passed, chapters });
      state.exam.open = null;
      emit({ type: "exam", pct, passed, items });
    },

    roleplay: (id) => (isObject(state.roleplays[id]) ? copy(state.roleplays[id]) : {}),
    saveRoleplay: (id, entry) => {
      state.roleplays[id] = Object.assign({ at: now() }, copy(entry));
      emit({ type: "roleplay", id });
    },

    selfcheck: () => (isObject(state.selfcheck) ? copy(state.selfcheck) : null),
    /* `answers` as stored (see above); `profile` only when the learner evaluated. */
    saveSelfcheck: (answers, profile) => {
      const old = state.selfcheck || { profile: null };
      state.selfcheck = { at: now(), answers, profile: profile === undefined ? old.profile : profile };
      emit({ type: profile === undefined ? "selfcheck-answers" : "selfcheck" });
    },

    /* Practice entries by kind ("workbook", "writing", "review"): a copy of all entries of
     * the kind; one entry saved (null removes it); several saved at once ({id: value}), with
     * one write and, in an LMS, one commit. */
    practice: (kind) => (isObject(state[kind]) ? copy(state[kind]) : {}),
    savePractice: (kind, id, value) => progress.savePracticeEntries(kind, { [id]: value }),
    savePracticeEntries: (kind, changes) => {
      if (!PRACTICE.includes(kind)) throw new Error("unbekannte Übungsart: " + kind);
      const entries = isObject(state[kind]) ? state[kind] : {};
      Object.entries(changes).forEach(([id, value]) => {
        if (value === null) delete entries[id];
        else entries[id] = copy(value);
      });
      state[kind] = entries;
      emit({ type: kind, ids: Object.keys(changes) });
    },

    visit: (page) => {
      state.visited[page] = now();
      emit({ type: "visit", page });
    },

    reset: () => {
      state = empty();
      emit({ type: "reset" });
    },

    /* The name a trainer's report (python -m exercises report) lists the export under. */
    learnerName: () => state.learner || "",
    setLearnerName: (name) => {
      state.learner = String(name).trim();
      emit({ type: "learner" });
    },

    exportJson: () => JSON.stringify(state, null, 2),

    /* A visible notice when progress cannot be kept; returns the element or null. */
    notice: () => {
      if (status === "ok") return null;
      const p = document.createElement("p");
      p.className = "kurs-speicherhinweis";
      p.textContent = status === "blocked"
        ? "Hinweis: Ihr Browser erlaubt dieser Seite nicht, Daten zu speichern. Die Übungen funktionieren, aber Ihr Fortschritt geht beim Schließen verloren."
        : "Hinweis: Der gespeicherte Fortschritt war beschädigt und wurde zurückgesetzt. Die alten Daten liegen unverändert unter einem eigenen Schlüssel im Browser.";
      return p;
    }
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.progress = progress;

  // Visited pages: the layout template names each page in <meta name="kurs-seite">.
  document.addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector('meta[name="kurs-seite"]');
    if (meta) progress.visit(meta.getAttribute("content"));
  });
})();

/* The "Mein Fortschritt" page: status per chapter, exam attempts, role-plays,
 * the self-check, export and reset. */
(() => {
  "use strict";
  const { el } = Kurs.dom;
  const text = (value) => document.createTextNode(value);

  const day = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString("de-DE");
  };

  const chapterTable = (state, info) => {
    const body = el("tbody");
    info.kapitel.forEach((chapter) => {
      const quiz = state.chapters[chapter.id];
      const visited = state.visited[chapter.seite];
      const stand = quiz && quiz.passed ? "✓ bestanden" : quiz ? "◐ begonnen" : visited ? "◐ gelesen" : "○ offen";
      body.appendChild(el("tr", {}, [
        el("th", { scope: "row" }, [el("a", { href: chapter.href, text: chapter.titel })]),
        el("td", { text: visited ? "ja, zuletzt am " + day(visited) : "nein" }),
        el("td", { text: quiz ? quiz.best + " % (zuletzt " + quiz.last + " %)" : "–" }),
        el("td", { text: stand })
      ]));
    });
    return el("table", { className: "kurs-uebersicht" }, [
      el("caption", { text: "Kapitel (Quiz bestanden ab " + info.kapitel_bestehensgrenze + " %)" }),
      el("thead", {}, [el("tr", {}, ["Kapitel", "Geöffnet", "Quiz: bestes Ergebnis", "Stand"].map((t) => el("th", { scope: "col", text: t })))]),
      body
    ]);
  };

  const examPart = (state, info) => {
    const attempts = state.exam.attempts;
    if (!attempts.length) {
      return el("p", {}, [text(state.exam.open ? "Ein Versuch ist begonnen, aber noch nicht abgegeben. " : "Noch kein Versuch. "),
        el("a", { href: info.pruefung.href, text: "Zum Abschlusstest" })]);
    }
    return el("ul", { className: "kurs-versuche" }, attempts.map((a, i) =>
      el("li", { text: "Versuch " + (i + 1) + " am " + day(a.at) + ": " + a.pct + " % – " + (a.passed ? "✓ bestanden" : "✗ nicht bestanden") })));
  };

  const roleplayPart = (info) => el("ul", { className: "kurs-rollenspielstand" }, (info.rollenspiele || []).map((r) => {
    const entry = Kurs.progress.roleplay(r.id);
    const stand = entry.abgeschlossen ? "✓ abgeschlossen, zuletzt mit dem Ende „" + entry.abgeschlossen.titel + "“"
      : entry.pfad && entry.pfad.length ? "◐ begonnen" : "○ offen";
    return el("li", {}, [el("a", { href: r.href, text: r.titel }), text(": " + stand)]);
  }));

  /* The self-check's last result, strongest competency first. */
  const selfcheckPart = (state, info) => {
    const check = info.selbstcheck;
    const saved = state.selfcheck;
    const link = el("a", { href: check.href, text: "Zum Selbstcheck" });
    if (!saved || !saved.profile) {
      const begun = saved && /[1-5]/.test(saved.answers || "");
      return el("p", { className: "kurs-selbstcheckstand" }, [text(begun ? "◐ begonnen, noch nicht ausgewertet. " : "○ noch nicht ausgefüllt. "), link]);
    }
    const known = Object.keys(check.kompetenzen).filter((key) => typeof saved.profile[key] === "number");
    known.sort((a, b) => saved.profile[b] - saved.profile[a]);
    return el("div", { className: "kurs-selbstcheckstand" }, [
      el("p", {}, [text("✓ Ausgewertet am " + day(saved.at) + ". Ihre Selbsteinschätzung je Kompetenz (ab " + check.staerke_ab +
        " % Stärke, unter " + check.luecke_unter + " % Lücke): "), link]),
      el("ul", {}, known.map((key) => {
        const pct = saved.profile[key];
        const label = pct >= check.staerke_ab ? "Stärke" : pct < check.luecke_unter ? "Lücke" : "ausbaufähig";
        return el("li", { text: check.kompetenzen[key] + ": " + pct + " % (" + label + ")" });
      }))
    ]);
  };

  /* Other modules (written practice, spaced review, the workbook) add their own part to
   * this page: Kurs.progressPage.addPart(title, (state) => element or null). */
  const parts = [];
  Kurs.progressPage = { addPart: (title, part) => { parts.push({ title, part }); } };

  const render = (target, info) => {
    const progress = Kurs.progress;
    const state = progress.snapshot();
    target.textContent = "";
    const notice = progress.notice();
    if (notice) target.appendChild(notice);
    target.appendChild(chapterTable(state, info));
    target.appendChild(el("h2", { text: "Abschlusstest" }));
    target.appendChild(examPart(state, info));
    target.appendChild(el("h2", { text: "Rollenspiele" }));
    target.appendChild(roleplayPart(info));
    if (info.selbstcheck) {
      target.appendChild(el("h2", { text: "Selbstcheck" }));
      target.appendChild(selfcheckPart(state, info));
    }
    parts.forEach(({ title, part }) => {
      let shown = null;
      try { shown = part(state); } catch (e) { /* one broken part must not hide the others */ }
      if (!shown) return;
      target.appendChild(el("h2", { text: title }));
      target.appendChild(shown);
    });

    const statusLine = el("p", { role: "status", className: "kurs-aktionsstatus" });
    const nameInput = el("input", { type: "text", id: "kurs-teilnehmername", autocomplete: "name", value: progress.learnerName() });
    target.appendChild(el("p", { className: "kurs-teilnehmername" }, [
      el("label", { for: nameInput.id, text: "Ihr Name für die Auswertung in der Gruppe: " }), nameInput]));
    const exportButton = el("button", { type: "button", className: "kurs-knopf", text: "Fortschritt exportieren" });
    const resetButton = el("button", { type: "button", className: "kurs-knopf", text: "Fortschritt zurücksetzen" });
    const confirmButton = el("button", { type: "button", className: "kurs-knopf kurs-gefahr", text: "Ja, alles löschen", hidden: true });
    const cancelButton = el("button", { type: "button", className: "kurs-knopf", text: "Abbrechen", hidden: true });
    target.appendChild(el("div", { className: "kurs-knoepfe" }, [exportButton, resetButton, confirmButton, cancelButton]));
    target.appendChild(statusLine);

    exportButton.addEventListener("click", () => {
      // the trainer's report lists every export under its name, so none goes in without one
      if (!nameInput.value.trim()) {
        statusLine.textContent = "Bitte geben Sie zuerst Ihren Namen ein; Ihre Trainerin oder Ihr Trainer sieht Ihr Ergebnis darunter.";
        nameInput.focus();
        return;
      }
      progress.setLearnerName(nameInput.value);
      const blob = new Blob([progress.exportJson()], { type: "application/json" });
      const link = el("a", { href: URL.createObjectURL(blob), download: "kam-kurs-fortschritt.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      statusLine.textContent = "Die Datei „kam-kurs-fortschritt.json“ wurde erstellt.";
    });
    resetButton.addEventListener("click", () => {
      statusLine.textContent = "Wirklich alle gespeicherten Ergebnisse dieses Kurses löschen?";
      confirmButton.hidden = false; cancelButton.hidden = false; resetButton.hidden = true;
      confirmButton.focus();
    });
    cancelButton.addEventListener("click", () => {
      confirmButton.hidden = true; cancelButton.hidden = true; resetButton.hidden = false;
      statusLine.textContent = "Nichts gelöscht.";
      resetButton.focus();
    });
    confirmButton.addEventListener("click", () => {
      progress.reset();
      render(target, info);
      target.querySelector(".kurs-aktionsstatus").textContent = "Ihr Fortschritt wurde gelöscht.";
      target.querySelector("button").focus();
    });
  };

  const start = () => {
    document.querySelectorAll("[data-kurs-fortschritt]").forEach((root) => {
      let info;
      try { info = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      render(root.querySelector(".kurs-ziel"), info);
    });
  };
  // Deferred scripts run while readyState is already "interactive": wait for DOMContentLoaded,
  // so the parts that later scripts add (Kurs.progressPage.addPart) are there when the page renders.
  const [navigation] = performance.getEntriesByType("navigation");
  if (navigation && navigation.domContentLoadedEventStart > 0) start();
  else document.addEventListener("DOMContentLoaded", start);
})();

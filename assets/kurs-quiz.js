/* KAM-Kurs: chapter quizzes and the final exam, without kernel or network.
 *
 * The question data comes as JSON from the page (rendered by the quiz renderer in
 * exercises/). All text is set with textContent, never parsed as HTML. Scoring
 * mirrors the Python quiz model; tests check that both give the same results.
 *
 * Each quiz keeps one attempt in Kurs.progress: a seed (every shuffled order is
 * drawn from it, so a reload shows the same order) and the answers. A chapter
 * quiz stores checked answers, the exam every entered answer until it is handed in.
 */
(() => {
  "use strict";
  const { el, shuffled, seededRandom, newSeed, hash, focusFirstControl } = Kurs.dom;

  /* ---------- small helpers ---------- */

  const range = (n) => Array.from({ length: n }, (_, i) => i);
  const text = (value) => document.createTextNode(value);
  const isIndex = (value, length) => Number.isInteger(value) && value >= 0 && value < length;

  let idCounter = 0;
  const newId = (prefix) => prefix + "-" + (++idCounter);

  /* German number input: "50.000", "50000", "4,6" or "4.6" (one dot, not three digits after it). */
  const parseNumber = (input) => {
    let t = String(input).trim().replace(/\s|€|%/g, "");
    if (!t) return null;
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
    else t = t.replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    const value = Number(t);
    return isFinite(value) ? value : null;
  };

  const formatNumber = (value) => Number(value).toLocaleString("de-DE", { maximumFractionDigits: 2 });

  /* Scoring, as in the Python quiz model. Keys are the content's question types. */
  const scoring = {
    einfachauswahl: (question, pick) => (pick !== null && question.optionen[pick].richtig ? 1 : 0),
    mehrfachauswahl: (question, picks) => {
      let right = 0, hits = 0, misses = 0;
      question.optionen.forEach((option, i) => {
        if (option.richtig) right += 1;
        if (picks.includes(i)) { if (option.richtig) hits += 1; else misses += 1; }
      });
      return Math.max(0, (hits - misses) / right);
    },
    "wahr-falsch": (question, pick) => (pick === question.richtig ? 1 : 0),
    zahl: (question, value) => (value !== null && value >= question.von && value <= question.bis ? 1 : 0),
    reihenfolge: (question, order) => order.filter((step, place) => step === place).length / question.schritte.length,
    zuordnung: (question, picks) => picks.filter((pick, i) => pick === i).length / question.paare.length
  };

  const percent = (points) => {
    if (!points.length) return 0;
    const sum = points.reduce((a, b) => a + b, 0);
    return Math.floor(sum / points.length * 100 + 0.5);
  };

  /* Identifies a question set: a stored attempt for other questions is not reused. */
  const fingerprint = (questions, extra) =>
    hash(...Array.from(questions.map((q) => q.id).join("|") + "#" + extra, (c) => c.charCodeAt(0))).toString(36);

  const mark = (parent, label) => {
    const old = parent.querySelector(".kurs-marke");
    if (old) old.remove();
    parent.appendChild(el("span", { className: "kurs-marke", text: label }));
  };

  /* ---------- input builders per question type ----------
   *
   * builder(question, body, ctx) with ctx = {fieldId, announce, random, exam, onInput, onEnter}
   * returns {raw(), setRaw(raw), value(), missing(), lock(on), mark(value), feedback(value), solution()}.
   * raw() is what is stored (JSON, null = nothing entered); value() is the answer
   * to score, or undefined while the question is not answered. */

  const choice = (question, body, ctx, multiple) => {
    if (multiple) body.appendChild(el("p", { className: "kurs-anleitung", text: "Mehrere Antworten können richtig sein. Wählen Sie alle zutreffenden aus." }));
    const list = el("div", { className: "kurs-optionen" });
    const fields = shuffled(range(question.optionen.length), ctx.random).map((index) => {
      const id = newId(ctx.fieldId + "-o");
      const input = el("input", { type: multiple ? "checkbox" : "radio", name: ctx.fieldId, id, value: String(index) });
      const label = el("label", { for: id }, [el("span", { className: "kurs-optionstext", text: question.optionen[index].text })]);
      input.addEventListener("change", ctx.onInput);
      list.appendChild(el("div", { className: "kurs-option" }, [input, label]));
      return { index, input, label };
    });
    body.appendChild(list);
    const picked = (value) => (multiple ? value : [value]);
    const raw = () => {
      const picks = fields.filter((f) => f.input.checked).map((f) => f.index).sort((a, b) => a - b);
      if (!picks.length) return null;
      return multiple ? picks : picks[0];
    };
    return {
      raw,
      setRaw: (value) => {
        const picks = multiple ? (Array.isArray(value) ? value : []) : [value];
        fields.forEach((f) => { f.input.checked = picks.includes(f.index); });
      },
      value: () => (raw() === null ? undefined : raw()),
      missing: () => "Bitte wählen Sie zuerst eine Antwort aus.",
      lock: (on) => fields.forEach((f) => { f.input.disabled = on; }),
      mark: (value) => fields.forEach((f) => {
        if (picked(value).includes(f.index)) mark(f.label, question.optionen[f.index].richtig ? " ✓ richtig" : " ✗ falsch");
      }),
      feedback: (value) => fields.map((f) => {
        const option = question.optionen[f.index];
        if (picked(value).includes(f.index)) return "„" + option.text + "“: " + option.feedback;
        if (multiple && option.richtig) return "Nicht gewählt, aber richtig: „" + option.text + "“: " + option.feedback;
        return null;
      }).filter(Boolean),
      solution: () => fields.filter((f) => question.optionen[f.index].richtig).map((f) => {
        mark(f.label, " ✓ richtige Antwort");
        return "„" + question.optionen[f.index].text + "“";
      }).join(", ")
    };
  };

  const trueFalse = (question, body, ctx) => {
    const fields = ["wahr", "falsch"].map((choiceValue) => {
      const id = newId(ctx.fieldId + "-o");
      const input = el("input", { type: "radio", name: ctx.fieldId, id, value: choiceValue });
      const label = el("label", { for: id }, [el("span", { text: choiceValue === "wahr" ? "Wahr" : "Falsch" })]);
      input.addEventListener("change", ctx.onInput);
      body.appendChild(el("div", { className: "kurs-option" }, [input, label]));
      return { value: choiceValue, input, label };
    });
    const raw = () => { const f = fields.find((x) => x.input.checked); return f ? f.value : null; };
    return {
      raw,
      setRaw: (value) => fields.forEach((f) => { f.input.checked = f.value === value; }),
      value: () => (raw() === null ? undefined : raw()),
      missing: () => "Bitte wählen Sie „Wahr“ oder „Falsch“.",
      lock: (on) => fields.forEach((f) => { f.input.disabled = on; }),
      mark: (value) => fields.forEach((f) => {
        if (f.value === value) mark(f.label, value === question.richtig ? " ✓ richtig" : " ✗ falsch");
      }),
      feedback: (value) => [value === "wahr" ? question.feedback_wahr : question.feedback_falsch],
      solution: () => (question.richtig === "wahr" ? "Die Aussage ist wahr." : "Die Aussage ist falsch.")
    };
  };

  const number = (question, body, ctx) => {
    const id = newId(ctx.fieldId + "-zahl");
    const helpId = id + "-hilfe";
    const unit = question.einheit ? " " + question.einheit : "";
    const input = el("input", { type: "text", inputmode: "decimal", id, autocomplete: "off", "aria-describedby": helpId, className: "kurs-zahlfeld" });
    input.addEventListener("input", ctx.onInput);
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault(); // a number field never submits a surrounding form
      ctx.onEnter();
    });
    // The space sits outside the label: the theme shows labels as inline blocks, which drop a trailing space.
    body.appendChild(el("p", { className: "kurs-zahleingabe" }, [
      el("label", { for: id, text: "Ihre Antwort" + (question.einheit ? " (in " + question.einheit + ")" : "") + ":" }),
      text(" "), input,
      question.einheit ? el("span", { "aria-hidden": "true", text: unit }) : null
    ]));
    body.appendChild(el("p", { className: "kurs-anleitung", id: helpId, text: "Schreiben Sie die Zahl ohne Einheit, zum Beispiel 50.000 oder 4,6." +
      (ctx.exam ? "" : " Mit der Eingabetaste prüfen Sie Ihre Antwort.") }));
    return {
      raw: () => (input.value.trim() ? input.value : null),
      setRaw: (value) => { input.value = typeof value === "string" ? value : ""; },
      value: () => { const v = parseNumber(input.value); return v === null ? undefined : v; },
      missing: () => "Bitte geben Sie eine Zahl ein, zum Beispiel 50.000 oder 4,6.",
      lock: (on) => { input.disabled = on; },
      mark: () => {},
      feedback: (value) => ["Ihre Antwort: " + formatNumber(value) + unit + ". " +
        (scoring.zahl(question, value) ? question.feedback_richtig : question.feedback_falsch)],
      solution: () => formatNumber(question.loesung) + unit +
        (question.von !== question.bis ? " (gilt von " + formatNumber(question.von) + " bis " + formatNumber(question.bis) + ")" : "")
    };
  };

  /* In the exam an ordering counts as answered once a step was moved or the
   * order confirmed with its button; the instruction says so. */
  const ordering = (question, body, ctx) => {
    const count = question.schritte.length;
    let order = shuffled(range(count), ctx.random);
    if (count > 1 && order.every((step, place) => step === place)) order.reverse();
    let answered = false;
    let locked = false;
    body.appendChild(el("p", { className: "kurs-anleitung", text: "Ordnen Sie die Schritte mit den Pfeilknöpfen (auch per Tastatur): oben steht der erste Schritt." +
      (ctx.exam ? " Die Frage gilt als beantwortet, sobald Sie einen Schritt verschoben oder die Reihenfolge mit „Reihenfolge übernehmen“ bestätigt haben." : "") }));
    const list = el("ol", { className: "kurs-reihenfolge" });
    body.appendChild(list);
    const confirm = el("button", { type: "button", className: "kurs-knopf kurs-bestaetigen", text: "Reihenfolge übernehmen" });
    const confirmed = el("p", { className: "kurs-anleitung", text: "✓ Reihenfolge als Antwort übernommen.", hidden: true });
    if (ctx.exam) body.appendChild(el("div", { className: "kurs-knoepfe" }, [confirm, confirmed]));

    const showAnswered = () => {
      confirm.hidden = answered || locked;
      confirmed.hidden = !answered;
    };
    const draw = (focus) => {
      list.textContent = "";
      order.forEach((step, place) => {
        const label = question.schritte[step].text;
        const up = el("button", { type: "button", className: "kurs-pfeil", "aria-label": "„" + label + "“ nach oben", text: "↑", disabled: locked || place === 0 });
        const down = el("button", { type: "button", className: "kurs-pfeil", "aria-label": "„" + label + "“ nach unten", text: "↓", disabled: locked || place === count - 1 });
        up.addEventListener("click", () => move(place, -1, "up"));
        down.addEventListener("click", () => move(place, 1, "down"));
        list.appendChild(el("li", { className: "kurs-schritt", "data-schritt": String(step) }, [
          el("span", { className: "kurs-schritttext", text: label }), el("span", { className: "kurs-pfeile" }, [up, down])
        ]));
        if (focus && focus.step === step) {
          const preferred = focus.direction === "up" ? up : down;
          (preferred.disabled ? (preferred === up ? down : up) : preferred).focus();
        }
      });
      showAnswered();
    };
    const move = (place, delta, direction) => {
      const target = place + delta;
      if (target < 0 || target >= count) return;
      const step = order[place];
      [order[place], order[target]] = [order[target], order[place]];
      answered = true;
      draw({ step, direction });
      ctx.announce.textContent = "„" + question.schritte[step].text + "“ steht jetzt an Position " + (target + 1) + " von " + count + ".";
      ctx.onInput();
    };
    confirm.addEventListener("click", () => {
      answered = true;
      showAnswered();
      const arrow = list.querySelector("button:not([disabled])"); // the pressed button is gone now
      if (arrow) arrow.focus();
      ctx.announce.textContent = "Reihenfolge als Antwort übernommen.";
      ctx.onInput();
    });
    draw(null);
    const isOrder = (value) => Array.isArray(value) && value.length === count && range(count).every((i) => value.includes(i));
    return {
      raw: () => (answered || !ctx.exam ? order.slice() : null),
      setRaw: (value) => {
        if (!isOrder(value)) return;
        order = value.slice();
        answered = true;
        draw(null);
      },
      value: () => (answered || !ctx.exam ? order.slice() : undefined),
      missing: () => "Bitte verschieben Sie die Schritte oder bestätigen Sie die Reihenfolge.",
      lock: (on) => { locked = on; draw(null); },
      mark: () => Array.from(list.children).forEach((item, place) => {
        const right = Number(item.getAttribute("data-schritt")) === place;
        item.appendChild(el("span", { className: "kurs-marke", text: right ? " ✓ richtige Position" : " ✗ falsche Position" }));
      }),
      feedback: (value) => value.map((step, place) => (step === place ? null
        : "„" + question.schritte[step].text + "“ gehört an Position " + (step + 1) + ": " + question.schritte[step].feedback)).filter(Boolean),
      solution: () => question.schritte.map((s, i) => (i + 1) + ". " + s.text).join("  ")
    };
  };

  const matching = (question, body, ctx) => {
    const count = question.paare.length;
    const offered = shuffled(range(count), ctx.random);
    body.appendChild(el("p", { className: "kurs-anleitung", text: "Wählen Sie zu jedem Begriff die passende Beschreibung." }));
    const fields = question.paare.map((pair) => {
      const id = newId(ctx.fieldId + "-z");
      const select = el("select", { id }, [el("option", { value: "", text: "Bitte wählen …" })].concat(offered.map((j) =>
        el("option", { value: String(j), text: question.paare[j].definition }))));
      select.addEventListener("change", ctx.onInput);
      const row = el("div", { className: "kurs-zuordnung" }, [el("label", { for: id, text: pair.begriff }), select]);
      body.appendChild(row);
      return { select, row };
    });
    const picks = () => fields.map((f) => (f.select.value === "" ? null : Number(f.select.value)));
    return {
      raw: () => (picks().every((p) => p === null) ? null : picks()),
      setRaw: (value) => fields.forEach((f, i) => {
        const pick = Array.isArray(value) ? value[i] : null;
        f.select.value = isIndex(pick, count) ? String(pick) : "";
      }),
      value: () => (picks().includes(null) ? undefined : picks()),
      missing: () => "Bitte ordnen Sie jedem Begriff eine Beschreibung zu.",
      lock: (on) => fields.forEach((f) => { f.select.disabled = on; }),
      mark: (value) => fields.forEach((f, i) => {
        f.row.appendChild(el("span", { className: "kurs-marke", text: value[i] === i ? " ✓ richtig" : " ✗ falsch" }));
      }),
      feedback: (value) => question.paare.map((pair, i) => (value[i] === i ? null : "„" + pair.begriff + "“: " + pair.feedback)).filter(Boolean),
      solution: () => question.paare.map((p) => p.begriff + " – " + p.definition).join("; ")
    };
  };

  const BUILDERS = {
    einfachauswahl: (q, body, ctx) => choice(q, body, ctx, false),
    mehrfachauswahl: (q, body, ctx) => choice(q, body, ctx, true),
    "wahr-falsch": trueFalse,
    zahl: number,
    reihenfolge: ordering,
    zuordnung: matching
  };

  /* ---------- one question ---------- */

  /* A <fieldset> for `question`. options: {number, total, exam (checked together at
   * the end, else with its own buttons), retry (how often "Nochmal versuchen" was
   * used), layout(retry) -> random source for the start order, onChange(question, what)}. */
  class Question {
    constructor(question, options) {
      this.question = question;
      this.options = options;
      this.points = null;
      this.retry = options.retry || 0;
      this.solutionShown = false;
      this.fieldId = newId("kurs-frage");
      this.element = el("fieldset", { className: "kurs-frage", id: this.fieldId, "data-frage": question.id, "data-typ": question.typ }, [
        el("legend", {}, [
          el("span", { className: "kurs-frage-nummer", text: "Frage " + options.number + " von " + options.total + ": " }),
          el("span", { text: question.frage || question.aussage })
        ])
      ]);
      this.body = el("div", { className: "kurs-frage-koerper" });
      this.announce = el("p", { className: "kurs-nur-vorlesen", "aria-live": "polite" });
      this.feedbackBox = el("div", { className: "kurs-rueckmeldung", role: "status", tabindex: "-1" });
      this.checkButton = el("button", { type: "button", className: "kurs-knopf kurs-pruefen", text: "Prüfen" });
      this.retryButton = el("button", { type: "button", className: "kurs-knopf", text: "Nochmal versuchen", hidden: true });
      this.solutionButton = el("button", { type: "button", className: "kurs-knopf", text: "Lösung anzeigen", hidden: true });
      const buttons = el("div", { className: "kurs-knoepfe" }, options.exam ? [] : [this.checkButton, this.retryButton, this.solutionButton]);
      [this.body, buttons, this.announce, this.feedbackBox].forEach((node) => this.element.appendChild(node));

      this.checkButton.addEventListener("click", () => this.check());
      this.retryButton.addEventListener("click", () => {
        this.retry += 1;
        this.reset();
        options.onChange(this, "retry");
        focusFirstControl(this.body);
      });
      this.solutionButton.addEventListener("click", () => this.showSolution());
      this.build();
    }

    build() {
      this.body.textContent = "";
      this.input = BUILDERS[this.question.typ](this.question, this.body, {
        fieldId: this.fieldId, announce: this.announce, random: this.options.layout(this.retry), exam: this.options.exam,
        onInput: () => this.options.onChange(this, "input"),
        onEnter: () => { if (!this.options.exam) this.check(); }
      });
    }

    raw() { return this.input.raw(); }
    answered() { return this.input.value() !== undefined; }

    /* Scores and shows feedback; `restoring` (after a reload) leaves focus and storage alone. */
    check(restoring = false) {
      const value = this.input.value();
      if (value === undefined) {
        if (restoring) return false;
        this.feedbackBox.textContent = "";
        this.feedbackBox.appendChild(el("p", { className: "kurs-hinweis", text: this.input.missing() }));
        this.feedbackBox.focus();
        return false;
      }
      this.points = scoring[this.question.typ](this.question, value);
      // spaced review (kurs-wiederholen.js); an exam records all its questions at hand-in
      if (!restoring && !this.options.exam && Kurs.review) Kurs.review.record([[this.question.id, this.points]]);
      this.input.lock(true);
      this.input.mark(value);
      this.showFeedback(value);
      this.checkButton.hidden = true;
      this.retryButton.hidden = false;
      this.solutionButton.hidden = this.points === 1;
      if (!restoring && !this.options.exam) {
        this.feedbackBox.focus();
        this.options.onChange(this, "check");
      }
      return true;
    }

    showFeedback(value) {
      const box = this.feedbackBox;
      const question = this.question;
      box.textContent = "";
      let verdict, kind;
      if (this.points === 1) { verdict = "✓ Richtig."; kind = "kurs-richtig"; }
      else if (this.points > 0) {
        verdict = "◐ Teilweise richtig: " + formatNumber(Math.round(this.points * 100)) + " % der Punkte.";
        kind = "kurs-teilweise";
      } else { verdict = "✗ Leider nicht richtig."; kind = "kurs-falsch"; }
      box.className = "kurs-rueckmeldung " + kind;
      box.appendChild(el("p", { className: "kurs-urteil", text: verdict }));
      const details = this.input.feedback(value);
      if (details.length) box.appendChild(el("ul", { className: "kurs-einzelrueckmeldungen" }, details.map((t) => el("li", { text: t }))));
      box.appendChild(el("p", { className: "kurs-erklaerung" }, [el("strong", { text: "Erklärung: " }), text(question.erklaerung)]));
      if (question.link) {
        box.appendChild(el("p", { className: "kurs-nachlesen" }, [text("Nachlesen: "), el("a", { href: question.link.href, text: question.link.text })]));
      }
    }

    reset() {
      this.points = null;
      this.solutionShown = false;
      this.build();
      this.feedbackBox.textContent = "";
      this.feedbackBox.className = "kurs-rueckmeldung";
      this.checkButton.hidden = false; this.retryButton.hidden = true; this.solutionButton.hidden = true;
    }

    showSolution(restoring = false) {
      this.feedbackBox.appendChild(el("p", { className: "kurs-loesung" }, [el("strong", { text: "Lösung: " }), text(this.input.solution())]));
      this.solutionButton.hidden = true;
      this.solutionShown = true;
      if (restoring) return;
      this.feedbackBox.focus();
      this.options.onChange(this, "solution");
    }
  }

  /* A stored attempt for these questions, or null when it does not fit them. */
  const storedAttempt = (attempt, print, length) => (attempt && attempt.f === print && Number.isInteger(attempt.seed) &&
    Array.isArray(attempt.answers) && attempt.answers.length === length ? attempt : null);

  const freshAttempt = (print, length) => ({ f: print, seed: newSeed(), answers: Array(length).fill(null) });

  /* ---------- a chapter quiz ---------- */

  const chapterQuiz = (root, data) => {
    const progress = Kurs.progress;
    const notice = progress.notice();
    if (notice) root.appendChild(notice);
    root.appendChild(el("p", { className: "kurs-anleitung", text: data.regel + " Bestanden ist das Quiz ab " + data.bestehensgrenze + " %." }));
    const statusLine = el("p", { className: "kurs-quizstand", role: "status" });
    const area = el("div", { className: "kurs-fragen" });
    const restart = el("button", { type: "button", className: "kurs-knopf", text: "Quiz neu starten" });
    root.appendChild(area);
    root.appendChild(statusLine);
    root.appendChild(el("div", { className: "kurs-knoepfe" }, [restart]));
    const print = fingerprint(data.fragen, "");
    let attempt;
    let questions = []; // in data order; shown in the attempt's order

    const save = () => {
      const retry = {};
      questions.forEach((q, i) => { if (q.retry) retry[i] = q.retry; });
      const shown = questions.map((q, i) => (q.solutionShown ? i : -1)).filter((i) => i >= 0);
      // retry and shown only when used: the state stays small
      progress.saveQuizAttempt(data.kapitel, Object.assign({ f: attempt.f, seed: attempt.seed,
        answers: questions.map((q) => (q.points === null ? null : q.raw())) },
      Object.keys(retry).length ? { retry } : {}, shown.length ? { shown } : {}));
    };

    /* The status line; `record` once the learner's own check completes the quiz. */
    const update = (record) => {
      const checked = questions.filter((q) => q.points !== null).length;
      const score = percent(questions.map((q) => q.points || 0));
      if (checked < questions.length) {
        statusLine.textContent = checked + " von " + questions.length + " Fragen beantwortet." + (checked ? " Bisher: " + score + " %." : "");
        return;
      }
      const passed = score >= data.bestehensgrenze;
      statusLine.textContent = "Ergebnis: " + score + " %. " + (passed
        ? "Bestanden – gut gemacht!"
        : "Noch nicht bestanden (ab " + data.bestehensgrenze + " %). Lesen Sie die verlinkten Abschnitte nach und versuchen Sie es erneut.");
      if (record) progress.quizResult(data.kapitel, score, passed);
    };

    const onChange = (question, what) => {
      if (what === "input") return; // a chapter quiz keeps checked answers only
      save();
      update(what === "check");
    };

    const show = (next) => {
      attempt = next;
      area.textContent = "";
      const order = shuffled(range(data.fragen.length), seededRandom(attempt.seed));
      questions = data.fragen.map(() => null);
      order.forEach((index, place) => {
        const retry = attempt.retry && attempt.retry[index];
        const question = new Question(data.fragen[index], {
          number: place + 1, total: order.length, exam: false, onChange,
          retry: Number.isInteger(retry) && retry > 0 ? retry : 0,
          layout: (n) => seededRandom(hash(attempt.seed, index, n))
        });
        if (attempt.answers[index] !== null) {
          question.input.setRaw(attempt.answers[index]);
          if (question.check(true) && Array.isArray(attempt.shown) && attempt.shown.includes(index)) question.showSolution(true);
        }
        questions[index] = question;
        area.appendChild(question.element);
      });
      update(false);
    };

    restart.addEventListener("click", () => {
      show(freshAttempt(print, data.fragen.length));
      save();
      focusFirstControl(area);
    });
    const stored = storedAttempt(progress.quizAttempt(data.kapitel), print, data.fragen.length);
    show(stored || freshAttempt(print, data.fragen.length));
    if (!stored) save();
  };

  /* ---------- the final exam ---------- */

  /* Indexes into data.fragen: every chapter gets its share, the rest is drawn from all. */
  const draw = (data, random) => {
    const byChapter = new Map();
    data.fragen.forEach((q, index) => {
      if (!byChapter.has(q.kapitel)) byChapter.set(q.kapitel, []);
      byChapter.get(q.kapitel).push(index);
    });
    const count = Math.min(data.fragen_pro_versuch, data.fragen.length);
    const perChapter = Math.floor(count / byChapter.size);
    const drawn = [], rest = [];
    byChapter.forEach((indexes) => {
      const mixed = shuffled(indexes, random);
      drawn.push(...mixed.slice(0, perChapter));
      rest.push(...mixed.slice(perChapter));
    });
    return shuffled(drawn.concat(shuffled(rest, random).slice(0, count - drawn.length)), random);
  };

  const finalExam = (root, data) => {
    const progress = Kurs.progress;
    const notice = progress.notice();
    if (notice) root.appendChild(notice);
    root.appendChild(el("p", { className: "kurs-anleitung", text:
      "Jeder Versuch zieht " + data.fragen_pro_versuch + " Fragen aus allen Kapiteln. Beantworten Sie alle und geben Sie dann ab. Bestanden ist der Test ab " +
      data.bestehensgrenze + " %. Bis zur Abgabe bleiben Ihre Fragen und Antworten gespeichert, auch wenn Sie die Seite neu laden. " + data.regel }));
    const area = el("div", { className: "kurs-fragen" });
    const submit = el("button", { type: "button", className: "kurs-knopf kurs-pruefen", text: "Test abgeben" });
    const again = el("button", { type: "button", className: "kurs-knopf", text: "Neuen Versuch starten", hidden: true });
    const result = el("div", { className: "kurs-ergebnis", role: "status", tabindex: "-1" });
    root.appendChild(area);
    root.appendChild(el("div", { className: "kurs-knoepfe" }, [submit, again]));
    root.appendChild(result);
    const count = Math.min(data.fragen_pro_versuch, data.fragen.length);
    const print = fingerprint(data.fragen, String(count));
    let attempt;
    let questions = []; // in the drawn order

    const onChange = () => {
      attempt.answers = questions.map((q) => q.raw());
      progress.saveExamAttempt(attempt);
    };

    const show = (next) => {
      attempt = next;
      area.textContent = "";
      result.textContent = "";
      result.className = "kurs-ergebnis";
      const drawn = draw(data, seededRandom(attempt.seed));
      questions = drawn.map((index, place) => {
        const question = new Question(data.fragen[index], {
          number: place + 1, total: drawn.length, exam: true, onChange,
          layout: () => seededRandom(hash(attempt.seed, index))
        });
        if (attempt.answers[place] !== null) question.input.setRaw(attempt.answers[place]);
        area.appendChild(question.element);
        return question;
      });
      submit.hidden = false; again.hidden = true;
    };

    const startNew = () => {
      show(freshAttempt(print, count));
      progress.saveExamAttempt(attempt);
    };

    submit.addEventListener("click", () => {
      const open = questions.filter((q) => !q.answered());
      if (open.length) {
        result.textContent = "Noch " + open.length + " Frage(n) ohne Antwort. Bitte beantworten Sie alle Fragen, bevor Sie abgeben.";
        focusFirstControl(open[0].element);
        return;
      }
      questions.forEach((q) => q.check());
      if (Kurs.review) Kurs.review.record(questions.map((q) => [q.question.id, q.points]));
      const score = percent(questions.map((q) => q.points));
      const passed = score >= data.bestehensgrenze;
      const shares = {};
      questions.forEach((q) => {
        const share = shares[q.question.kapitel] || (shares[q.question.kapitel] = [0, 0]);
        share[0] += q.points; share[1] += 1;
      });
      showResult(score, passed, shares);
      // each answer as the LMS records it (cmi.interactions, assets/kurs-lms.js); not stored
      const items = questions.map((q) => ({ id: q.question.id, type: q.question.typ, answer: q.input.value(), points: q.points }));
      progress.examResult(score, passed, shares, items);
      submit.hidden = true; again.hidden = false;
      result.focus();
    });
    again.addEventListener("click", () => {
      startNew();
      focusFirstControl(area);
    });

    const showResult = (score, passed, shares) => {
      result.textContent = "";
      result.className = "kurs-ergebnis " + (passed ? "kurs-richtig" : "kurs-falsch");
      result.appendChild(el("p", { className: "kurs-urteil", text: (passed ? "✓ Bestanden: " : "✗ Nicht bestanden: ") + score + " % (nötig: " + data.bestehensgrenze + " %)." }));
      const body = el("tbody");
      data.kapitel.forEach((chapter) => {
        const share = shares[chapter.id];
        if (!share) return;
        const pct = Math.floor(share[0] / share[1] * 100 + 0.5);
        body.appendChild(el("tr", {}, [
          el("th", { scope: "row", text: chapter.titel }),
          el("td", { text: formatNumber(Math.round(share[0] * 100) / 100) + " von " + share[1] }),
          el("td", { text: pct + " %" + (pct < data.kapitel_bestehensgrenze ? " – wiederholen" : "") }),
          el("td", {}, [el("a", { href: chapter.href, text: "Kapitel öffnen" })])
        ]));
      });
      result.appendChild(el("table", { className: "kurs-kapitelanteile" }, [
        el("caption", { text: "Ergebnis nach Kapiteln" }),
        el("thead", {}, [el("tr", {}, ["Kapitel", "Punkte", "Anteil", "Wiederholen"].map((t) => el("th", { scope: "col", text: t })))]),
        body
      ]));
    };

    const stored = storedAttempt(progress.examAttempt(), print, count);
    if (stored) show(stored);
    else startNew();
  };

  /* ---------- questions checked one by one, without a stored attempt ---------- */

  /* The review page (kurs-wiederholen.js) shows the questions due, in its order;
   * returns the Question objects. onChange(question, what) as in a chapter quiz. */
  const practice = (target, list, onChange) => list.map((data, place) => {
    const question = new Question(data, {
      number: place + 1, total: list.length, exam: false, onChange, layout: () => seededRandom(newSeed())
    });
    target.appendChild(question.element);
    return question;
  });

  /* ---------- start ---------- */

  const start = () => {
    document.querySelectorAll("[data-kurs-quiz]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      const target = root.querySelector(".kurs-quiz-ziel");
      target.textContent = "";
      if (root.getAttribute("data-kurs-quiz") === "pruefung") finalExam(target, data);
      else chapterQuiz(target, data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.quiz = { scoring, percent, parseNumber, start, practice };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* KAM-Kurs: negotiation role-plays as branching dialogues, without kernel or network.
 *
 * Data comes as JSON from the page (exercises/roleplay/data.py), including every
 * screen label in the scenario's language (data.texte), so this file holds no
 * German or English UI text. All text is set with textContent. The path taken is
 * saved through Kurs.progress, so a reload continues where the trainee left off;
 * the stored entry keeps the keys the progress page reads (pfad, abgeschlossen).
 */
(() => {
  "use strict";
  const { el, shuffled } = Kurs.dom;

  /* "{n}" placeholders, the same syntax Python's str.format fills in exercises/roleplay/data.py. */
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));

  const signed = (n) => (n > 0 ? "+" + n : n < 0 ? "−" + Math.abs(n) : "±0");

  /* The option chosen at one step of a path. */
  const optionOf = (data, step) => data.knoten[step.knoten].optionen[step.option];

  /* Totals per skill for a path of {knoten, option} steps. */
  const score = (data, path) => {
    const totals = Object.fromEntries(data.dimensionen.map((d) => [d, 0]));
    path.forEach((step) => {
      const effect = optionOf(data, step).wirkung;
      Object.keys(effect).forEach((d) => { totals[d] += effect[d]; });
    });
    return totals;
  };

  /* A saved path is used only as far as every step still exists in the scenario. */
  const validPath = (data, saved) => {
    if (!Array.isArray(saved)) return [];
    const path = [];
    let name = data.start;
    for (const step of saved) {
      const node = data.knoten[name];
      if (!step || step.knoten !== name || !node || !node.optionen || !node.optionen[step.option]) break;
      path.push({ knoten: step.knoten, option: step.option });
      name = node.optionen[step.option].weiter;
    }
    return path;
  };

  const roleplay = (target, data) => {
    const lang = data.sprache;
    const t = data.texte;
    let path = validPath(data, Kurs.progress.roleplay(data.id).pfad);

    target.textContent = "";
    const notice = Kurs.progress.notice();
    if (notice) target.appendChild(notice);
    target.appendChild(el("div", { className: "kurs-lage", lang }, [
      el("p", {}, [el("strong", { text: t.situation }), el("span", { text: data.situation })]),
      el("p", { text: fill(t.skills, { skills: data.dimensionen.join(", ") }) }),
      data.rollenkarten ? el("p", {}, [el("a", { href: data.rollenkarten, text: t.cards_link })]) : null
    ]));
    const dialogue = el("ol", { className: "kurs-dialog", lang, "aria-label": t.dialogue });
    const choices = el("div", { className: "kurs-wahl", lang });
    const back = el("button", { type: "button", className: "kurs-knopf", lang, text: t.back });
    const restart = el("button", { type: "button", className: "kurs-knopf", lang, text: t.restart });
    const summary = el("div", { className: "kurs-abschluss", lang });
    [dialogue, choices, summary, el("div", { className: "kurs-knoepfe" }, [back, restart])].forEach((part) => target.appendChild(part));

    const save = (ending) => {
      const entry = { pfad: path };
      const before = Kurs.progress.roleplay(data.id);
      if (before.abgeschlossen) entry.abgeschlossen = before.abgeschlossen;
      if (ending) entry.abgeschlossen = { ende: ending, titel: data.knoten[ending].titel, punkte: score(data, path), entscheidungen: path.length };
      Kurs.progress.saveRoleplay(data.id, entry);
    };

    const theirTurn = (name) => {
      const node = data.knoten[name];
      return el("li", { className: "kurs-zug kurs-gegenueber", tabindex: "-1" }, [
        el("p", { className: "kurs-sprecher", text: node.sprecher }),
        el("p", { text: node.text })
      ]);
    };

    const ownTurn = (step) => {
      const option = optionOf(data, step);
      const effect = data.dimensionen.filter((d) => d in option.wirkung).map((d) => d + " " + signed(option.wirkung[d])).join(", ");
      return [
        el("li", { className: "kurs-zug kurs-ich" }, [
          el("p", { className: "kurs-sprecher", text: t.you }),
          el("p", { text: option.text })
        ]),
        el("li", { className: "kurs-zug kurs-folge", tabindex: "-1" }, [
          el("p", { className: "kurs-bewertung", text: fill(t.feedback, { rating: t.ratings[option.bewertung], concept: option.konzept, effect }) }),
          el("p", { text: option.feedback })
        ])
      ];
    };

    const showEnding = (name) => {
      const ending = data.knoten[name];
      const totals = score(data, path);
      summary.appendChild(el("h3", { tabindex: "-1", text: fill(t.ending, { title: ending.titel }) }));
      summary.appendChild(el("p", { text: ending.text }));
      const bars = el("dl", { className: "kurs-punkte" });
      data.dimensionen.forEach((d) => {
        const [low, high] = data.bereiche[d];
        const share = high === low ? 1 : (totals[d] - low) / (high - low);
        const values = { skill: d, value: signed(totals[d]), low: signed(low), high: signed(high) };
        bars.appendChild(el("dt", { text: d }));
        bars.appendChild(el("dd", {}, [
          el("span", { className: "kurs-balken", role: "img", "aria-label": fill(t.score_label, values) }, [
            el("span", { className: "kurs-balken-fuellung", style: "width: " + Math.round(share * 100) + "%" })
          ]),
          el("span", { className: "kurs-balken-text", text: fill(t.score_text, values) })
        ]));
      });
      summary.appendChild(el("h4", { text: t.scores }));
      summary.appendChild(bars);
      summary.appendChild(el("h4", { text: t.recap }));
      summary.appendChild(el("ol", { className: "kurs-rueckblick" }, path.map((step) => {
        const option = optionOf(data, step);
        return el("li", {}, [el("span", { text: option.text }), el("span", { text: " – " + t.ratings[option.bewertung] + " (" + option.konzept + ")" })]);
      })));
      summary.appendChild(el("h4", { text: t.debrief }));
      summary.appendChild(el("p", { text: ending.nachbesprechung }));
    };

    const render = (focus) => {
      dialogue.textContent = "";
      choices.textContent = "";
      summary.textContent = "";
      let name = data.start;
      dialogue.appendChild(theirTurn(name));
      path.forEach((step) => {
        ownTurn(step).forEach((li) => dialogue.appendChild(li));
        name = optionOf(data, step).weiter;
        if (!data.knoten[name].ende) dialogue.appendChild(theirTurn(name));
      });
      back.disabled = path.length === 0;
      const node = data.knoten[name];
      if (node.ende) {
        showEnding(name);
        if (focus) summary.querySelector("h3").focus();
        return;
      }
      const number = path.length + 1;
      const group = el("div", { role: "group", "aria-label": fill(t.answer_group, { n: number }) });
      group.appendChild(el("p", { className: "kurs-frage-nummer", text: fill(t.question, { n: number }) }));
      shuffled(node.optionen.map((option, index) => index)).forEach((index) => {
        const button = el("button", { type: "button", className: "kurs-knopf kurs-antwort", text: node.optionen[index].text });
        button.addEventListener("click", () => {
          path.push({ knoten: name, option: index });
          const next = node.optionen[index].weiter;
          save(data.knoten[next].ende ? next : null);
          render(true);
        });
        group.appendChild(button);
      });
      choices.appendChild(group);
      // Focus the consequence of the last choice (or the new turn), so it is read next.
      if (focus) {
        const consequences = dialogue.querySelectorAll(".kurs-folge");
        (consequences.length ? consequences[consequences.length - 1] : dialogue.lastChild).focus();
      }
    };

    back.addEventListener("click", () => {
      if (!path.length) return;
      path.pop();
      save(null);
      render(false);
      const buttons = choices.querySelectorAll("button");
      (buttons.length ? buttons[0] : back).focus();
    });
    restart.addEventListener("click", () => {
      path = [];
      save(null);
      render(false);
      dialogue.firstChild.focus();
    });
    render(false);
  };

  const start = () => {
    document.querySelectorAll("[data-kurs-rollenspiel]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      roleplay(root.querySelector(".kurs-ziel"), data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.roleplay = { start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

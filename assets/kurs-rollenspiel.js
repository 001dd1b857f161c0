/* KAM-Kurs: negotiation role-plays as branching dialogues, without kernel or network.
 *
 * Data comes as JSON from the page (exercises/roleplay_data.py). All text is
 * set with textContent. The path taken is saved through Kurs.progress, so a
 * reload continues where the trainee left off.
 */
(function () {
  "use strict";
  var el = Kurs.dom.el, gemischt = Kurs.dom.shuffled;

  function vorzeichen(n) { return n > 0 ? "+" + n : n < 0 ? "−" + Math.abs(n) : "±0"; }

  /* Totals per skill for a path of {knoten, option} steps. */
  function punkte(daten, pfad) {
    var summe = {};
    daten.dimensionen.forEach(function (d) { summe[d] = 0; });
    pfad.forEach(function (schritt) {
      var wirkung = daten.knoten[schritt.knoten].optionen[schritt.option].wirkung;
      Object.keys(wirkung).forEach(function (d) { summe[d] += wirkung[d]; });
    });
    return summe;
  }

  function endknoten(daten, pfad) {
    var name = daten.start;
    pfad.forEach(function (s) { name = daten.knoten[s.knoten].optionen[s.option].weiter; });
    return name;
  }

  /* A saved path is used only if every step still exists in the scenario. */
  function gueltigerPfad(daten, pfad) {
    if (!Array.isArray(pfad)) return [];
    var name = daten.start, gut = [];
    for (var i = 0; i < pfad.length; i++) {
      var s = pfad[i], knoten = daten.knoten[name];
      if (!s || s.knoten !== name || !knoten || !knoten.optionen || !knoten.optionen[s.option]) break;
      gut.push({ knoten: s.knoten, option: s.option });
      name = knoten.optionen[s.option].weiter;
    }
    return gut;
  }

  function Rollenspiel(wurzel, daten) {
    var lang = daten.sprache;
    var gespeichert = Kurs.progress.roleplay(daten.id);
    var pfad = gueltigerPfad(daten, gespeichert.pfad);

    wurzel.textContent = "";
    var hinweis = Kurs.progress.notice();
    if (hinweis) wurzel.appendChild(hinweis);
    wurzel.appendChild(el("div", { className: "kurs-lage" }, [
      el("p", {}, [el("strong", { text: "Ihre Ausgangslage: " }), el("span", { lang: lang, text: daten.situation })]),
      el("p", { text: "Bewertet werden: " + daten.dimensionen.join(", ") + ". Sie können jederzeit einen Schritt zurückgehen oder neu beginnen." }),
      daten.rollenkarten ? el("p", {}, [el("a", { href: daten.rollenkarten, text: "Rollenkarten für das Rollenspiel im Seminar (druckbar)" })]) : null
    ]));
    var verlauf = el("ol", { className: "kurs-dialog", "aria-label": "Gesprächsverlauf" });
    var wahlBereich = el("div", { className: "kurs-wahl" });
    var zurueck = el("button", { type: "button", className: "kurs-knopf", text: "Einen Schritt zurück" });
    var neu = el("button", { type: "button", className: "kurs-knopf", text: "Neu beginnen" });
    var abschluss = el("div", { className: "kurs-abschluss" });
    wurzel.appendChild(verlauf);
    wurzel.appendChild(wahlBereich);
    wurzel.appendChild(abschluss);
    wurzel.appendChild(el("div", { className: "kurs-knoepfe" }, [zurueck, neu]));

    function sichern(ende) {
      var eintrag = { pfad: pfad };
      var alt = Kurs.progress.roleplay(daten.id);
      if (alt.abgeschlossen) eintrag.abgeschlossen = alt.abgeschlossen;
      if (ende) eintrag.abgeschlossen = { ende: ende, titel: daten.knoten[ende].titel, punkte: punkte(daten, pfad), entscheidungen: pfad.length };
      Kurs.progress.saveRoleplay(daten.id, eintrag);
    }

    function gegenueber(name) {
      var k = daten.knoten[name];
      return el("li", { className: "kurs-zug kurs-gegenueber", tabindex: "-1" }, [
        el("p", { className: "kurs-sprecher", lang: lang, text: k.sprecher }),
        el("p", { lang: lang, text: k.text })
      ]);
    }

    function eigeneAntwort(schritt) {
      var option = daten.knoten[schritt.knoten].optionen[schritt.option];
      var wirkung = daten.dimensionen.filter(function (d) { return d in option.wirkung; }).map(function (d) {
        return d + " " + vorzeichen(option.wirkung[d]);
      }).join(", ");
      return [
        el("li", { className: "kurs-zug kurs-ich" }, [
          el("p", { className: "kurs-sprecher", text: "Sie" }),
          el("p", { lang: lang, text: option.text })
        ]),
        el("li", { className: "kurs-zug kurs-folge", tabindex: "-1" }, [
          el("p", { className: "kurs-bewertung", text: "Bewertung: " + daten.bewertungen[option.bewertung] + " · Konzept: " + option.konzept + " · Wirkung: " + wirkung }),
          el("p", { lang: lang, text: option.feedback })
        ])
      ];
    }

    function zeichnen(fokus) {
      verlauf.textContent = ""; wahlBereich.textContent = ""; abschluss.textContent = "";
      var name = daten.start;
      var letztes = null;
      verlauf.appendChild(letztes = gegenueber(name));
      pfad.forEach(function (schritt) {
        eigeneAntwort(schritt).forEach(function (li) { verlauf.appendChild(li); letztes = li; });
        name = daten.knoten[schritt.knoten].optionen[schritt.option].weiter;
        if (!daten.knoten[name].ende) verlauf.appendChild(gegenueber(name));
      });
      zurueck.disabled = pfad.length === 0;
      var knoten = daten.knoten[name];
      if (knoten.ende) {
        zeigeEnde(name);
        if (fokus) abschluss.querySelector("h3").focus();
        return;
      }
      var gruppe = el("div", { role: "group", "aria-label": "Ihre Antwort (Entscheidung " + (pfad.length + 1) + ")" });
      gruppe.appendChild(el("p", { className: "kurs-frage-nummer", text: "Entscheidung " + (pfad.length + 1) + ": Wie antworten Sie?" }));
      gemischt(knoten.optionen.map(function (o, i) { return i; })).forEach(function (i) {
        var knopf = el("button", { type: "button", className: "kurs-knopf kurs-antwort", lang: lang, text: knoten.optionen[i].text });
        knopf.addEventListener("click", function () {
          pfad.push({ knoten: name, option: i });
          var ende = daten.knoten[knoten.optionen[i].weiter].ende ? knoten.optionen[i].weiter : null;
          sichern(ende);
          zeichnen(true);
        });
        gruppe.appendChild(knopf);
      });
      wahlBereich.appendChild(gruppe);
      // Focus the consequence of the last choice (or the new turn), so it is read next.
      if (fokus) {
        var folgen = verlauf.querySelectorAll(".kurs-folge");
        (folgen.length ? folgen[folgen.length - 1] : verlauf.lastChild).focus();
      }
    }

    function zeigeEnde(name) {
      var ende = daten.knoten[name];
      var summe = punkte(daten, pfad);
      abschluss.appendChild(el("h3", { tabindex: "-1", lang: lang, text: "Ende: " + ende.titel }));
      abschluss.appendChild(el("p", { lang: lang, text: ende.text }));
      var balken = el("dl", { className: "kurs-punkte" });
      daten.dimensionen.forEach(function (d) {
        var bereich = daten.bereiche[d];
        var anteil = bereich[1] === bereich[0] ? 1 : (summe[d] - bereich[0]) / (bereich[1] - bereich[0]);
        var prozent = Math.round(anteil * 100);
        balken.appendChild(el("dt", { text: d }));
        balken.appendChild(el("dd", {}, [
          el("span", { className: "kurs-balken", role: "img", "aria-label": d + ": " + vorzeichen(summe[d]) + " Punkte, möglich von " + vorzeichen(bereich[0]) + " bis " + vorzeichen(bereich[1]) }, [
            el("span", { className: "kurs-balken-fuellung", style: "width: " + prozent + "%" })
          ]),
          el("span", { className: "kurs-balken-text", text: vorzeichen(summe[d]) + " (möglich: " + vorzeichen(bereich[0]) + " bis " + vorzeichen(bereich[1]) + ")" })
        ]));
      });
      abschluss.appendChild(el("h4", { text: "Ihre Punkte je Fähigkeit" }));
      abschluss.appendChild(balken);
      abschluss.appendChild(el("h4", { text: "Ihr Weg durch das Gespräch" }));
      abschluss.appendChild(el("ol", { className: "kurs-rueckblick" }, pfad.map(function (s) {
        var o = daten.knoten[s.knoten].optionen[s.option];
        return el("li", {}, [el("span", { lang: lang, text: o.text }), el("span", { text: " – " + daten.bewertungen[o.bewertung] + " (" + o.konzept + ")" })]);
      })));
      abschluss.appendChild(el("h4", { text: "Nachbesprechung" }));
      abschluss.appendChild(el("p", { lang: lang, text: ende.nachbesprechung }));
    }

    zurueck.addEventListener("click", function () {
      if (!pfad.length) return;
      pfad.pop();
      sichern(null);
      zeichnen(false);
      var knoepfe = wahlBereich.querySelectorAll("button");
      (knoepfe.length ? knoepfe[0] : zurueck).focus();
    });
    neu.addEventListener("click", function () {
      pfad = [];
      sichern(null);
      zeichnen(false);
      verlauf.firstChild.focus();
    });
    zeichnen(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kurs-rollenspiel]"), function (wurzel) {
      if (wurzel.getAttribute("data-bereit")) return;
      var daten;
      try { daten = JSON.parse(wurzel.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      new Rollenspiel(wurzel.querySelector(".kurs-ziel"), daten);
      wurzel.setAttribute("data-bereit", "ja");
    });
  }

  window.Kurs = window.Kurs || {};
  window.Kurs.rollenspiel = { punkte: punkte, endknoten: endknoten, start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

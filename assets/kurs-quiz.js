/* KAM-Kurs: chapter quizzes and the final exam, without kernel or network.
 *
 * The question data comes as JSON from the page (rendered by exercises/quiz_html.py).
 * All text is set with textContent, never parsed as HTML. Scoring mirrors
 * exercises/quiz.py; tests check that both give the same results.
 */
(function () {
  "use strict";
  var el = Kurs.dom.el, gemischt = Kurs.dom.gemischt;

  /* ---------- small helpers ---------- */

  function reihe(n) { var r = []; for (var i = 0; i < n; i++) r.push(i); return r; }

  var zaehler = 0;
  function neueId(praefix) { zaehler += 1; return praefix + "-" + zaehler; }

  /* German number input: "50.000", "50000", "4,6" or "4.6" (one dot, not three digits after it). */
  function leseZahl(text) {
    var t = String(text).trim().replace(/\s|€|%/g, "");
    if (!t) return null;
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
    else t = t.replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    var wert = Number(t);
    return isFinite(wert) ? wert : null;
  }

  function zahlText(wert) {
    return Number(wert).toLocaleString("de-DE", { maximumFractionDigits: 2 });
  }

  /* Scoring, as in exercises/quiz.py. */
  var bewertung = {
    einfachauswahl: function (frage, wahl) { return wahl !== null && frage.optionen[wahl].richtig ? 1 : 0; },
    mehrfachauswahl: function (frage, wahl) {
      var richtige = 0, treffer = 0, fehler = 0;
      frage.optionen.forEach(function (o, i) {
        if (o.richtig) richtige += 1;
        if (wahl.indexOf(i) >= 0) { if (o.richtig) treffer += 1; else fehler += 1; }
      });
      return Math.max(0, (treffer - fehler) / richtige);
    },
    "wahr-falsch": function (frage, wahl) { return wahl === frage.richtig ? 1 : 0; },
    zahl: function (frage, wert) { return wert !== null && wert >= frage.von && wert <= frage.bis ? 1 : 0; },
    reihenfolge: function (frage, folge) {
      var gut = 0;
      folge.forEach(function (schritt, platz) { if (schritt === platz) gut += 1; });
      return gut / frage.schritte.length;
    },
    zuordnung: function (frage, wahl) {
      var gut = 0;
      wahl.forEach(function (paar, i) { if (paar === i) gut += 1; });
      return gut / frage.paare.length;
    }
  };

  function prozent(punkte) {
    if (!punkte.length) return 0;
    var summe = punkte.reduce(function (a, b) { return a + b; }, 0);
    return Math.floor(summe / punkte.length * 100 + 0.5);
  }

  /* ---------- one question ---------- */

  /* Builds a <fieldset> for `frage`; `modus` is "einzeln" (own check button) or
   * "pruefung" (checked together at the end). Returns a controller. */
  function Frage(frage, nummer, anzahl, modus, beiPruefung) {
    var self = this;
    self.frage = frage;
    self.punkte = null;
    var feldId = neueId("kurs-frage");
    var fieldset = el("fieldset", { className: "kurs-frage", id: feldId, "data-frage": frage.id, "data-typ": frage.typ });
    var legende = el("legend", {}, [
      el("span", { className: "kurs-frage-nummer", text: "Frage " + nummer + " von " + anzahl + ": " }),
      el("span", { text: frage.frage || frage.aussage })
    ]);
    fieldset.appendChild(legende);
    var koerper = el("div", { className: "kurs-frage-koerper" });
    fieldset.appendChild(koerper);
    var ansage = el("p", { className: "kurs-nur-vorlesen", "aria-live": "polite" });
    var rueckmeldung = el("div", { className: "kurs-rueckmeldung", role: "status", tabindex: "-1" });
    var knoepfe = el("div", { className: "kurs-knoepfe" });
    var pruefen = el("button", { type: "button", className: "kurs-knopf kurs-pruefen", text: "Prüfen" });
    var nochmal = el("button", { type: "button", className: "kurs-knopf", text: "Nochmal versuchen", hidden: true });
    var loesung = el("button", { type: "button", className: "kurs-knopf", text: "Lösung anzeigen", hidden: true });
    if (modus === "einzeln") { knoepfe.appendChild(pruefen); knoepfe.appendChild(nochmal); knoepfe.appendChild(loesung); }
    fieldset.appendChild(knoepfe);
    fieldset.appendChild(ansage);
    fieldset.appendChild(rueckmeldung);
    self.element = fieldset;

    var eingabe; // type-specific: {wert(), sperren(b), markieren(), loesungZeigen(), rueckmeldungen()}

    function aufbauen() {
      koerper.textContent = "";
      eingabe = AUFBAU[frage.typ](frage, koerper, feldId, ansage);
    }

    self.pruefen = function () {
      var wert = eingabe.wert();
      if (wert === undefined) {
        rueckmeldung.textContent = "";
        rueckmeldung.appendChild(el("p", { className: "kurs-hinweis", text: eingabe.fehlt() }));
        rueckmeldung.focus();
        return false;
      }
      self.punkte = bewertung[frage.typ](frage, wert);
      eingabe.sperren(true);
      eingabe.markieren(wert);
      zeigeRueckmeldung(wert);
      pruefen.hidden = true;
      nochmal.hidden = false;
      loesung.hidden = self.punkte === 1;
      if (modus === "einzeln") rueckmeldung.focus();
      if (beiPruefung) beiPruefung(self);
      return true;
    };

    function zeigeRueckmeldung(wert) {
      rueckmeldung.textContent = "";
      var urteil, klasse;
      if (self.punkte === 1) { urteil = "✓ Richtig."; klasse = "kurs-richtig"; }
      else if (self.punkte > 0) {
        urteil = "◐ Teilweise richtig: " + zahlText(Math.round(self.punkte * 100)) + " % der Punkte.";
        klasse = "kurs-teilweise";
      } else { urteil = "✗ Leider nicht richtig."; klasse = "kurs-falsch"; }
      rueckmeldung.className = "kurs-rueckmeldung " + klasse;
      rueckmeldung.appendChild(el("p", { className: "kurs-urteil", text: urteil }));
      var einzelne = eingabe.rueckmeldungen(wert);
      if (einzelne.length) {
        rueckmeldung.appendChild(el("ul", { className: "kurs-einzelrueckmeldungen" }, einzelne.map(function (t) {
          return el("li", { text: t });
        })));
      }
      rueckmeldung.appendChild(el("p", { className: "kurs-erklaerung" }, [
        el("strong", { text: "Erklärung: " }), document.createTextNode(frage.erklaerung)
      ]));
      if (frage.link) {
        rueckmeldung.appendChild(el("p", { className: "kurs-nachlesen" }, [
          document.createTextNode("Nachlesen: "), el("a", { href: frage.link.href, text: frage.link.text })
        ]));
      }
    }

    self.zuruecksetzen = function () {
      self.punkte = null;
      aufbauen();
      rueckmeldung.textContent = "";
      rueckmeldung.className = "kurs-rueckmeldung";
      pruefen.hidden = false; nochmal.hidden = true; loesung.hidden = true;
    };

    self.loesungZeigen = function () {
      var text = eingabe.loesungZeigen();
      rueckmeldung.appendChild(el("p", { className: "kurs-loesung" }, [
        el("strong", { text: "Lösung: " }), document.createTextNode(text)
      ]));
      loesung.hidden = true;
      rueckmeldung.focus();
    };

    pruefen.addEventListener("click", self.pruefen);
    nochmal.addEventListener("click", function () {
      self.zuruecksetzen();
      if (beiPruefung) beiPruefung(self);
      var erstes = koerper.querySelector("input, select, button");
      if (erstes) erstes.focus();
    });
    loesung.addEventListener("click", self.loesungZeigen);
    aufbauen();
  }

  /* ---------- builders per question type ---------- */

  function auswahl(frage, koerper, feldId, mehrfach) {
    var reihenfolge = gemischt(reihe(frage.optionen.length));
    if (mehrfach) koerper.appendChild(el("p", { className: "kurs-anleitung", text: "Mehrere Antworten können richtig sein. Wählen Sie alle zutreffenden aus." }));
    var liste = el("div", { className: "kurs-optionen" });
    var felder = [];
    reihenfolge.forEach(function (index) {
      var id = neueId(feldId + "-o");
      var input = el("input", { type: mehrfach ? "checkbox" : "radio", name: feldId, id: id, value: String(index) });
      var label = el("label", { "for": id }, [el("span", { className: "kurs-optionstext", text: frage.optionen[index].text })]);
      var zeile = el("div", { className: "kurs-option" }, [input, label]);
      liste.appendChild(zeile);
      felder.push({ index: index, input: input, label: label });
    });
    koerper.appendChild(liste);
    function marke(label, text) {
      var alt = label.querySelector(".kurs-marke");
      if (alt) alt.remove();
      label.appendChild(el("span", { className: "kurs-marke", text: text }));
    }
    return {
      wert: function () {
        var gewaehlt = felder.filter(function (f) { return f.input.checked; }).map(function (f) { return f.index; });
        if (!gewaehlt.length) return undefined;
        return mehrfach ? gewaehlt.sort() : gewaehlt[0];
      },
      fehlt: function () { return "Bitte wählen Sie zuerst eine Antwort aus."; },
      sperren: function (an) { felder.forEach(function (f) { f.input.disabled = an; }); },
      markieren: function (wert) {
        var gewaehlt = mehrfach ? wert : [wert];
        felder.forEach(function (f) {
          if (gewaehlt.indexOf(f.index) < 0) return;
          marke(f.label, frage.optionen[f.index].richtig ? " ✓ richtig" : " ✗ falsch");
        });
      },
      rueckmeldungen: function (wert) {
        var gewaehlt = mehrfach ? wert : [wert];
        var texte = [];
        felder.forEach(function (f) {
          var o = frage.optionen[f.index];
          if (gewaehlt.indexOf(f.index) >= 0) texte.push("„" + o.text + "“: " + o.feedback);
          else if (mehrfach && o.richtig) texte.push("Nicht gewählt, aber richtig: „" + o.text + "“: " + o.feedback);
        });
        return texte;
      },
      loesungZeigen: function () {
        var richtige = [];
        felder.forEach(function (f) {
          if (frage.optionen[f.index].richtig) {
            marke(f.label, " ✓ richtige Antwort");
            richtige.push("„" + frage.optionen[f.index].text + "“");
          }
        });
        return richtige.join(", ");
      }
    };
  }

  var AUFBAU = {
    einfachauswahl: function (frage, koerper, feldId) { return auswahl(frage, koerper, feldId, false); },
    mehrfachauswahl: function (frage, koerper, feldId) { return auswahl(frage, koerper, feldId, true); },

    "wahr-falsch": function (frage, koerper, feldId) {
      var felder = ["wahr", "falsch"].map(function (wert) {
        var id = neueId(feldId + "-o");
        var input = el("input", { type: "radio", name: feldId, id: id, value: wert });
        var label = el("label", { "for": id }, [el("span", { text: wert === "wahr" ? "Wahr" : "Falsch" })]);
        koerper.appendChild(el("div", { className: "kurs-option" }, [input, label]));
        return { wert: wert, input: input, label: label };
      });
      return {
        wert: function () {
          var f = felder.filter(function (x) { return x.input.checked; })[0];
          return f ? f.wert : undefined;
        },
        fehlt: function () { return "Bitte wählen Sie „Wahr“ oder „Falsch“."; },
        sperren: function (an) { felder.forEach(function (f) { f.input.disabled = an; }); },
        markieren: function (wert) {
          felder.forEach(function (f) {
            if (f.wert === wert) f.label.appendChild(el("span", { className: "kurs-marke", text: wert === frage.richtig ? " ✓ richtig" : " ✗ falsch" }));
          });
        },
        rueckmeldungen: function (wert) { return [wert === "wahr" ? frage.feedback_wahr : frage.feedback_falsch]; },
        loesungZeigen: function () { return frage.richtig === "wahr" ? "Die Aussage ist wahr." : "Die Aussage ist falsch."; }
      };
    },

    zahl: function (frage, koerper, feldId) {
      var id = neueId(feldId + "-zahl");
      var hilfeId = id + "-hilfe";
      var input = el("input", { type: "text", inputmode: "decimal", id: id, autocomplete: "off", "aria-describedby": hilfeId, className: "kurs-zahlfeld" });
      koerper.appendChild(el("p", { className: "kurs-zahleingabe" }, [
        el("label", { "for": id, text: "Ihre Antwort" + (frage.einheit ? " (in " + frage.einheit + ")" : "") + ": " }),
        input,
        frage.einheit ? el("span", { "aria-hidden": "true", text: " " + frage.einheit }) : null
      ]));
      koerper.appendChild(el("p", { className: "kurs-anleitung", id: hilfeId, text: "Schreiben Sie die Zahl ohne Einheit, zum Beispiel 50.000 oder 4,6." }));
      var fehler = "Bitte geben Sie eine Zahl ein, zum Beispiel 50.000 oder 4,6.";
      return {
        wert: function () { var w = leseZahl(input.value); return w === null ? undefined : w; },
        fehlt: function () { return fehler; },
        sperren: function (an) { input.disabled = an; },
        markieren: function () {},
        rueckmeldungen: function (wert) {
          return ["Ihre Antwort: " + zahlText(wert) + (frage.einheit ? " " + frage.einheit : "") + ". " +
            (bewertung.zahl(frage, wert) ? frage.feedback_richtig : frage.feedback_falsch)];
        },
        loesungZeigen: function () {
          var text = zahlText(frage.loesung) + (frage.einheit ? " " + frage.einheit : "");
          if (frage.von !== frage.bis) text += " (gilt von " + zahlText(frage.von) + " bis " + zahlText(frage.bis) + ")";
          return text;
        }
      };
    },

    reihenfolge: function (frage, koerper, feldId, ansage) {
      var folge = gemischt(reihe(frage.schritte.length));
      if (folge.every(function (s, i) { return s === i; }) && folge.length > 1) folge.reverse();
      koerper.appendChild(el("p", { className: "kurs-anleitung", text: "Ordnen Sie die Schritte mit den Pfeilknöpfen (auch per Tastatur): oben steht der erste Schritt." }));
      var liste = el("ol", { className: "kurs-reihenfolge" });
      koerper.appendChild(liste);
      var gesperrt = false;
      function zeichnen(fokus) {
        liste.textContent = "";
        folge.forEach(function (schritt, platz) {
          var text = frage.schritte[schritt].text;
          var hoch = el("button", { type: "button", className: "kurs-pfeil", "aria-label": "„" + text + "“ nach oben", text: "↑", disabled: gesperrt || platz === 0 });
          var runter = el("button", { type: "button", className: "kurs-pfeil", "aria-label": "„" + text + "“ nach unten", text: "↓", disabled: gesperrt || platz === folge.length - 1 });
          hoch.addEventListener("click", function () { bewegen(platz, -1, "hoch"); });
          runter.addEventListener("click", function () { bewegen(platz, 1, "runter"); });
          var item = el("li", { className: "kurs-schritt", "data-schritt": String(schritt) }, [
            el("span", { className: "kurs-schritttext", text: text }), el("span", { className: "kurs-pfeile" }, [hoch, runter])
          ]);
          liste.appendChild(item);
          if (fokus && fokus.schritt === schritt) {
            var ziel = fokus.richtung === "hoch" ? (hoch.disabled ? runter : hoch) : (runter.disabled ? hoch : runter);
            ziel.focus();
          }
        });
      }
      function bewegen(platz, schritt, richtung) {
        var ziel = platz + schritt;
        if (ziel < 0 || ziel >= folge.length) return;
        var t = folge[platz]; folge[platz] = folge[ziel]; folge[ziel] = t;
        zeichnen({ schritt: t, richtung: richtung });
        ansage.textContent = "„" + frage.schritte[t].text + "“ steht jetzt an Position " + (ziel + 1) + " von " + folge.length + ".";
      }
      zeichnen(null);
      return {
        wert: function () { return folge.slice(); },
        fehlt: function () { return ""; },
        sperren: function (an) { gesperrt = an; zeichnen(null); },
        markieren: function () {
          Array.prototype.forEach.call(liste.children, function (item, platz) {
            var richtig = Number(item.getAttribute("data-schritt")) === platz;
            item.appendChild(el("span", { className: "kurs-marke", text: richtig ? " ✓ richtige Position" : " ✗ falsche Position" }));
          });
        },
        rueckmeldungen: function (wert) {
          return wert.map(function (schritt, platz) {
            return schritt === platz ? null : "„" + frage.schritte[schritt].text + "“ gehört an Position " + (schritt + 1) + ": " + frage.schritte[schritt].feedback;
          }).filter(Boolean);
        },
        loesungZeigen: function () {
          return frage.schritte.map(function (s, i) { return (i + 1) + ". " + s.text; }).join("  ");
        }
      };
    },

    zuordnung: function (frage, koerper, feldId) {
      var angebot = gemischt(reihe(frage.paare.length));
      koerper.appendChild(el("p", { className: "kurs-anleitung", text: "Wählen Sie zu jedem Begriff die passende Beschreibung." }));
      var felder = frage.paare.map(function (paar, i) {
        var id = neueId(feldId + "-z");
        var auswahlFeld = el("select", { id: id }, [el("option", { value: "", text: "Bitte wählen …" })].concat(angebot.map(function (j) {
          return el("option", { value: String(j), text: frage.paare[j].definition });
        })));
        var zeile = el("div", { className: "kurs-zuordnung" }, [el("label", { "for": id, text: paar.begriff }), auswahlFeld]);
        koerper.appendChild(zeile);
        return { index: i, select: auswahlFeld, zeile: zeile };
      });
      return {
        wert: function () {
          var wahl = felder.map(function (f) { return f.select.value === "" ? null : Number(f.select.value); });
          return wahl.indexOf(null) >= 0 ? undefined : wahl;
        },
        fehlt: function () { return "Bitte ordnen Sie jedem Begriff eine Beschreibung zu."; },
        sperren: function (an) { felder.forEach(function (f) { f.select.disabled = an; }); },
        markieren: function (wert) {
          felder.forEach(function (f, i) {
            f.zeile.appendChild(el("span", { className: "kurs-marke", text: wert[i] === i ? " ✓ richtig" : " ✗ falsch" }));
          });
        },
        rueckmeldungen: function (wert) {
          return frage.paare.map(function (paar, i) {
            return wert[i] === i ? null : "„" + paar.begriff + "“: " + paar.feedback;
          }).filter(Boolean);
        },
        loesungZeigen: function () {
          return frage.paare.map(function (p) { return p.begriff + " – " + p.definition; }).join("; ");
        }
      };
    }
  };

  /* ---------- a chapter quiz ---------- */

  function kapitelQuiz(wurzel, daten) {
    var speicherHinweis = Kurs.fortschritt.hinweis();
    if (speicherHinweis) wurzel.appendChild(speicherHinweis);
    wurzel.appendChild(el("p", { className: "kurs-anleitung", text: daten.regel + " Bestanden ist das Quiz ab " + daten.bestehensgrenze + " %." }));
    var stand = el("p", { className: "kurs-quizstand", role: "status" });
    var fragenBereich = el("div", { className: "kurs-fragen" });
    wurzel.appendChild(fragenBereich);
    wurzel.appendChild(stand);
    var neu = el("button", { type: "button", className: "kurs-knopf", text: "Quiz neu starten" });
    wurzel.appendChild(el("div", { className: "kurs-knoepfe" }, [neu]));
    var fragen = [];

    function aktualisieren() {
      var geprueft = fragen.filter(function (f) { return f.punkte !== null; });
      var wert = prozent(fragen.map(function (f) { return f.punkte || 0; }));
      if (geprueft.length < fragen.length) {
        stand.textContent = geprueft.length + " von " + fragen.length + " Fragen beantwortet. Bisher: " + wert + " %.";
        return;
      }
      var bestanden = wert >= daten.bestehensgrenze;
      stand.textContent = "Ergebnis: " + wert + " %. " + (bestanden
        ? "Bestanden – gut gemacht!"
        : "Noch nicht bestanden (ab " + daten.bestehensgrenze + " %). Lesen Sie die verlinkten Abschnitte nach und versuchen Sie es erneut.");
      Kurs.fortschritt.quizErgebnis(daten.kapitel, wert, bestanden);
    }

    function starten() {
      fragenBereich.textContent = "";
      fragen = gemischt(daten.fragen).map(function (frage, i, alle) {
        var f = new Frage(frage, i + 1, alle.length, "einzeln", aktualisieren);
        fragenBereich.appendChild(f.element);
        return f;
      });
      stand.textContent = "0 von " + fragen.length + " Fragen beantwortet.";
    }
    neu.addEventListener("click", function () {
      starten();
      var erstes = fragenBereich.querySelector("input, select, button");
      if (erstes) erstes.focus();
    });
    starten();
  }

  /* ---------- the final exam ---------- */

  function ziehen(daten) {
    var proKapitel = {};
    daten.fragen.forEach(function (f) { (proKapitel[f.kapitel] = proKapitel[f.kapitel] || []).push(f); });
    var kapitel = Object.keys(proKapitel);
    var anzahl = Math.min(daten.fragen_pro_versuch, daten.fragen.length);
    var jeKapitel = Math.floor(anzahl / kapitel.length);
    var gezogen = [], rest = [];
    kapitel.forEach(function (k) {
      var g = gemischt(proKapitel[k]);
      gezogen = gezogen.concat(g.slice(0, jeKapitel));
      rest = rest.concat(g.slice(jeKapitel));
    });
    return gemischt(gezogen.concat(gemischt(rest).slice(0, anzahl - gezogen.length)));
  }

  function abschlusstest(wurzel, daten) {
    var speicherHinweis = Kurs.fortschritt.hinweis();
    if (speicherHinweis) wurzel.appendChild(speicherHinweis);
    wurzel.appendChild(el("p", { className: "kurs-anleitung", text:
      "Jeder Versuch zieht " + daten.fragen_pro_versuch + " Fragen aus allen Kapiteln. Beantworten Sie alle und geben Sie dann ab. Bestanden ist der Test ab " +
      daten.bestehensgrenze + " %. " + daten.regel }));
    var fragenBereich = el("div", { className: "kurs-fragen" });
    var abgeben = el("button", { type: "button", className: "kurs-knopf kurs-pruefen", text: "Test abgeben" });
    var neu = el("button", { type: "button", className: "kurs-knopf", text: "Neuen Versuch starten", hidden: true });
    var ergebnis = el("div", { className: "kurs-ergebnis", role: "status", tabindex: "-1" });
    wurzel.appendChild(fragenBereich);
    wurzel.appendChild(el("div", { className: "kurs-knoepfe" }, [abgeben, neu]));
    wurzel.appendChild(ergebnis);
    var fragen = [];

    function starten() {
      fragenBereich.textContent = "";
      ergebnis.textContent = "";
      fragen = ziehen(daten).map(function (frage, i, alle) {
        var f = new Frage(frage, i + 1, alle.length, "pruefung", null);
        fragenBereich.appendChild(f.element);
        return f;
      });
      abgeben.hidden = false; neu.hidden = true;
    }

    abgeben.addEventListener("click", function () {
      var offen = fragen.filter(function (f) { return f.element.querySelector(".kurs-frage-koerper") && !vollstaendig(f); });
      if (offen.length) {
        ergebnis.textContent = "Noch " + offen.length + " Frage(n) ohne Antwort. Bitte beantworten Sie alle Fragen, bevor Sie abgeben.";
        var ziel = offen[0].element.querySelector("input, select, button");
        if (ziel) ziel.focus();
        return;
      }
      fragen.forEach(function (f) { f.pruefen(); });
      var wert = prozent(fragen.map(function (f) { return f.punkte; }));
      var bestanden = wert >= daten.bestehensgrenze;
      var anteile = {};
      fragen.forEach(function (f) {
        var k = f.frage.kapitel;
        anteile[k] = anteile[k] || { punkte: 0, fragen: 0 };
        anteile[k].punkte += f.punkte; anteile[k].fragen += 1;
      });
      zeigeErgebnis(wert, bestanden, anteile);
      Kurs.fortschritt.pruefungsVersuch(wert, bestanden, anteile);
      abgeben.hidden = true; neu.hidden = false;
      ergebnis.focus();
    });
    neu.addEventListener("click", function () { starten(); var e = fragenBereich.querySelector("input, select, button"); if (e) e.focus(); });

    function vollstaendig(f) {
      // A question is answered when its builder reports a value (not undefined).
      var test = f.element.querySelector(".kurs-frage-koerper");
      var inputs = test.querySelectorAll("input[type=radio], input[type=checkbox]");
      if (inputs.length) return Array.prototype.some.call(inputs, function (i) { return i.checked; });
      var zahlFeld = test.querySelector("input[type=text]");
      if (zahlFeld) return leseZahl(zahlFeld.value) !== null;
      var selects = test.querySelectorAll("select");
      if (selects.length) return Array.prototype.every.call(selects, function (s) { return s.value !== ""; });
      return true; // ordering always has an order
    }

    function zeigeErgebnis(wert, bestanden, anteile) {
      ergebnis.textContent = "";
      ergebnis.className = "kurs-ergebnis " + (bestanden ? "kurs-richtig" : "kurs-falsch");
      ergebnis.appendChild(el("p", { className: "kurs-urteil", text: (bestanden ? "✓ Bestanden: " : "✗ Nicht bestanden: ") + wert + " % (nötig: " + daten.bestehensgrenze + " %)." }));
      var tabelle = el("table", { className: "kurs-kapitelanteile" }, [
        el("caption", { text: "Ergebnis nach Kapiteln" }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Kapitel" }), el("th", { scope: "col", text: "Punkte" }), el("th", { scope: "col", text: "Anteil" }), el("th", { scope: "col", text: "Wiederholen" })])])
      ]);
      var rumpf = el("tbody");
      daten.kapitel.forEach(function (k) {
        var a = anteile[k.id];
        if (!a) return;
        var anteil = Math.floor(a.punkte / a.fragen * 100 + 0.5);
        rumpf.appendChild(el("tr", {}, [
          el("th", { scope: "row", text: k.titel }),
          el("td", { text: zahlText(Math.round(a.punkte * 100) / 100) + " von " + a.fragen }),
          el("td", { text: anteil + " %" + (anteil < daten.kapitel_bestehensgrenze ? " – wiederholen" : "") }),
          el("td", {}, [el("a", { href: k.href, text: "Kapitel öffnen" })])
        ]));
      });
      tabelle.appendChild(rumpf);
      ergebnis.appendChild(tabelle);
    }

    starten();
  }

  /* ---------- start ---------- */

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kurs-quiz]"), function (wurzel) {
      if (wurzel.getAttribute("data-bereit")) return;
      var quelle = wurzel.querySelector("script[type='application/json']");
      var daten;
      try { daten = JSON.parse(quelle.textContent); } catch (e) { return; }
      var ziel = wurzel.querySelector(".kurs-quiz-ziel");
      ziel.textContent = "";
      if (wurzel.getAttribute("data-kurs-quiz") === "pruefung") abschlusstest(ziel, daten);
      else kapitelQuiz(ziel, daten);
      wurzel.setAttribute("data-bereit", "ja");
    });
  }

  window.Kurs = window.Kurs || {};
  window.Kurs.quiz = { bewertung: bewertung, prozent: prozent, leseZahl: leseZahl, start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

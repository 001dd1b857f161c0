/* KAM-Kurs: learning progress, kept only in this browser.
 *
 * Every score and completion passes through this one module (Kurs.fortschritt),
 * so that an LMS connection can later subscribe to the same events
 * (Kurs.fortschritt.abonnieren). Blocked or corrupt storage never breaks a
 * page: the course then works from memory and says so.
 */
(function () {
  "use strict";
  var KEY = "kam-kurs:fortschritt:v1";
  var VERSION = 1;
  var zuhoerer = [];
  var zustand = "ok"; // "ok" | "gesperrt" | "repariert"

  function leer() {
    return { version: VERSION, kapitel: {}, pruefung: { versuche: [] }, rollenspiele: {}, besucht: {} };
  }

  function speicher() {
    if (window.kamKursSpeicherGesperrt) return null;
    try {
      var s = window.localStorage;
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  function gueltig(daten) {
    return daten && typeof daten === "object" && daten.version === VERSION &&
      daten.kapitel && typeof daten.kapitel === "object" &&
      daten.pruefung && Array.isArray(daten.pruefung.versuche) &&
      daten.rollenspiele && typeof daten.rollenspiele === "object" &&
      daten.besucht && typeof daten.besucht === "object";
  }

  function laden() {
    var s = speicher();
    if (!s) { zustand = "gesperrt"; return leer(); }
    var roh = s.getItem(KEY);
    if (roh === null) return leer();
    try {
      var daten = JSON.parse(roh);
      if (gueltig(daten)) return daten;
    } catch (e) { /* handled below */ }
    // Keep the unreadable value for support instead of silently losing it.
    try { s.setItem(KEY + ":defekt", roh); } catch (e) { /* nothing more to do */ }
    zustand = "repariert";
    return leer();
  }

  var daten = laden();

  function sichern() {
    var s = speicher();
    if (!s) { zustand = "gesperrt"; return; }
    try {
      s.setItem(KEY, JSON.stringify(daten));
    } catch (e) {
      zustand = "gesperrt";
    }
  }

  function melde(ereignis) {
    sichern();
    zuhoerer.forEach(function (fn) {
      try { fn(ereignis, daten); } catch (e) { /* a listener must not break the course */ }
    });
  }

  function jetzt() { return new Date().toISOString(); }

  var fortschritt = {
    KEY: KEY,
    zustand: function () { return zustand; },
    daten: function () { return JSON.parse(JSON.stringify(daten)); },
    abonnieren: function (fn) { zuhoerer.push(fn); },

    quizErgebnis: function (kapitel, prozent, bestanden) {
      var alt = daten.kapitel[kapitel] || { bester: 0, letzter: 0, versuche: 0, bestanden: false };
      var neu = {
        bester: Math.max(alt.bester, prozent), letzter: prozent, versuche: alt.versuche + 1,
        bestanden: alt.bestanden || bestanden, datum: jetzt()
      };
      daten.kapitel[kapitel] = neu;
      melde({ art: "quiz", kapitel: kapitel, prozent: prozent, bestanden: bestanden });
    },

    pruefungsVersuch: function (prozent, bestanden, anteile) {
      daten.pruefung.versuche.push({ datum: jetzt(), prozent: prozent, bestanden: bestanden, kapitel: anteile });
      melde({ art: "pruefung", prozent: prozent, bestanden: bestanden });
    },

    rollenspiel: function (id, eintrag) {
      daten.rollenspiele[id] = Object.assign({ datum: jetzt() }, eintrag);
      melde({ art: "rollenspiel", id: id });
    },

    selbstcheck: function (profil) {
      daten.selbstcheck = { datum: jetzt(), profil: profil };
      melde({ art: "selbstcheck" });
    },

    besucht: function (seite) {
      daten.besucht[seite] = jetzt();
      melde({ art: "besuch", seite: seite });
    },

    zuruecksetzen: function () {
      daten = leer();
      melde({ art: "zuruecksetzen" });
    },

    exportieren: function () {
      return JSON.stringify(daten, null, 2);
    },

    /* A visible notice when progress cannot be kept; returns the element or null. */
    hinweis: function () {
      if (zustand === "ok") return null;
      var p = document.createElement("p");
      p.className = "kurs-speicherhinweis";
      p.textContent = zustand === "gesperrt"
        ? "Hinweis: Ihr Browser erlaubt dieser Seite nicht, Daten zu speichern. Die Übungen funktionieren, aber Ihr Fortschritt geht beim Schließen verloren."
        : "Hinweis: Der gespeicherte Fortschritt war beschädigt und wurde zurückgesetzt. Die alten Daten liegen unverändert unter einem eigenen Schlüssel im Browser.";
      return p;
    }
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.fortschritt = fortschritt;

  // Visited pages: the layout template names each page in <meta name="kurs-seite">.
  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector('meta[name="kurs-seite"]');
    if (meta) fortschritt.besucht(meta.getAttribute("content"));
  });
})();

/* The "Mein Fortschritt" page: status per chapter, exam attempts, export and reset. */
(function () {
  "use strict";
  var el = Kurs.dom.el;

  function datum(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString("de-DE");
  }

  function zeichnen(ziel, info) {
    var f = window.Kurs.fortschritt;
    var daten = f.daten();
    ziel.textContent = "";
    var hinweis = f.hinweis();
    if (hinweis) ziel.appendChild(hinweis);

    var rumpf = el("tbody");
    info.kapitel.forEach(function (k) {
      var q = daten.kapitel[k.id];
      var besucht = daten.besucht[k.seite];
      var status = q && q.bestanden ? "✓ bestanden" : q ? "◐ begonnen" : besucht ? "◐ gelesen" : "○ offen";
      rumpf.appendChild(el("tr", {}, [
        el("th", { scope: "row" }, [el("a", { href: k.href, text: k.titel })]),
        el("td", { text: besucht ? "ja, zuletzt am " + datum(besucht) : "nein" }),
        el("td", { text: q ? q.bester + " % (zuletzt " + q.letzter + " %)" : "–" }),
        el("td", { text: status })
      ]));
    });
    ziel.appendChild(el("table", { className: "kurs-uebersicht" }, [
      el("caption", { text: "Kapitel (Quiz bestanden ab " + info.kapitel_bestehensgrenze + " %)" }),
      el("thead", {}, [el("tr", {}, ["Kapitel", "Geöffnet", "Quiz: bestes Ergebnis", "Stand"].map(function (t) {
        return el("th", { scope: "col", text: t });
      }))]),
      rumpf
    ]));

    var versuche = daten.pruefung.versuche;
    ziel.appendChild(el("h2", { text: "Abschlusstest" }));
    if (!versuche.length) {
      ziel.appendChild(el("p", {}, [document.createTextNode("Noch kein Versuch. "), el("a", { href: info.pruefung.href, text: "Zum Abschlusstest" })]));
    } else {
      ziel.appendChild(el("ul", { className: "kurs-versuche" }, versuche.map(function (v, i) {
        return el("li", { text: "Versuch " + (i + 1) + " am " + datum(v.datum) + ": " + v.prozent + " % – " + (v.bestanden ? "✓ bestanden" : "✗ nicht bestanden") });
      })));
    }

    ziel.appendChild(el("h2", { text: "Rollenspiele" }));
    ziel.appendChild(el("ul", { className: "kurs-rollenspielstand" }, (info.rollenspiele || []).map(function (r) {
      var eintrag = daten.rollenspiele[r.id];
      var stand = eintrag && eintrag.abgeschlossen ? "✓ abgeschlossen, zuletzt mit dem Ende „" + eintrag.abgeschlossen.titel + "“"
        : eintrag && eintrag.pfad && eintrag.pfad.length ? "◐ begonnen" : "○ offen";
      return el("li", {}, [el("a", { href: r.href, text: r.titel }), document.createTextNode(": " + stand)]);
    })));

    var status = el("p", { role: "status", className: "kurs-aktionsstatus" });
    var exportieren = el("button", { type: "button", className: "kurs-knopf", text: "Fortschritt exportieren" });
    var zuruecksetzen = el("button", { type: "button", className: "kurs-knopf", text: "Fortschritt zurücksetzen" });
    var bestaetigen = el("button", { type: "button", className: "kurs-knopf kurs-gefahr", text: "Ja, alles löschen" });
    var abbrechen = el("button", { type: "button", className: "kurs-knopf", text: "Abbrechen" });
    bestaetigen.hidden = true; abbrechen.hidden = true;
    ziel.appendChild(el("div", { className: "kurs-knoepfe" }, [exportieren, zuruecksetzen, bestaetigen, abbrechen]));
    ziel.appendChild(status);

    exportieren.addEventListener("click", function () {
      var blob = new Blob([f.exportieren()], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "kam-kurs-fortschritt.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      status.textContent = "Die Datei „kam-kurs-fortschritt.json“ wurde erstellt.";
    });
    zuruecksetzen.addEventListener("click", function () {
      status.textContent = "Wirklich alle gespeicherten Ergebnisse dieses Kurses löschen?";
      bestaetigen.hidden = false; abbrechen.hidden = false; zuruecksetzen.hidden = true;
      bestaetigen.focus();
    });
    abbrechen.addEventListener("click", function () {
      bestaetigen.hidden = true; abbrechen.hidden = true; zuruecksetzen.hidden = false;
      status.textContent = "Nichts gelöscht.";
      zuruecksetzen.focus();
    });
    bestaetigen.addEventListener("click", function () {
      f.zuruecksetzen();
      zeichnen(ziel, info);
      var neu = ziel.querySelector(".kurs-aktionsstatus");
      neu.textContent = "Ihr Fortschritt wurde gelöscht.";
      ziel.querySelector("button").focus();
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kurs-fortschritt]"), function (wurzel) {
      var info;
      try { info = JSON.parse(wurzel.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      zeichnen(wurzel.querySelector(".kurs-ziel"), info);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

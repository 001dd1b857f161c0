/* KAM-Kurs: the salary calculator of the Gehalt chapter, without kernel or network.
 *
 * The model is exercises/salary/model.py. The page gets its factors as JSON
 * (salary.page_data), already worked out there, so this file only multiplies
 * them in the same order and rounds the same way, to m.rundung (100) euros; the
 * tests compare both for many inputs. The inputs of both profiles are kept in
 * the page address after "#", which works on file:// too, so a link carries
 * them. All text is set with textContent, never parsed as HTML. In a company
 * edition the JSON holds only the company's figures, worked out in Python
 * ("firma"); the page then shows them and offers no inputs.
 */
(function () {
  "use strict";
  var el = Kurs.dom.el, svg = Kurs.dom.svg;

  var ANNAHME = "kurs-annahme";

  /* ---------- small helpers ---------- */

  var zaehler = 0;
  function neueId(praefix) { zaehler += 1; return praefix + "-" + zaehler; }

  function finde(liste, id) {
    for (var i = 0; i < liste.length; i++) if (liste[i].id === id) return liste[i];
    return null;
  }

  function einmal(liste) {
    return liste.filter(function (wert, i) { return liste.indexOf(wert) === i; });
  }

  /* ---------- German numbers: 65000 -> "65.000 €" (as exercises/formatting.py) ---------- */

  function tausender(zahl) {
    var text = String(Math.abs(zahl)), aus = "";
    while (text.length > 3) { aus = "." + text.slice(-3) + aus; text = text.slice(0, -3); }
    return (zahl < 0 ? "−" : "") + text + aus;
  }
  function euro(zahl) { return tausender(zahl) + "\u00a0€"; }
  function differenz(zahl) { return (zahl > 0 ? "+" : zahl < 0 ? "−" : "±") + euro(Math.abs(zahl)); }
  function jahreText(n) { return n === 1 ? "1 Jahr" : n + " Jahre"; }

  /* ---------- the model, as exercises/salary/model.py ---------- */

  /* To `schritt` euros, halves up: the same floating-point steps as salary.round_euro. */
  function runden(x, schritt) { return Math.floor(x / schritt + 0.5) * schritt; }

  /* The factors of one profile in the order of the multiplication (salary.factors). */
  function faktoren(m, e) {
    var liste = [
      { eingabe: "industry", titel: "Branche", wahl: finde(m.branchen, e.industry) },
      { eingabe: "company_size", titel: "Unternehmensgröße", wahl: finde(m.groessen, e.company_size) },
      { eingabe: "years", titel: "Berufserfahrung", wahl: {
        id: String(e.years), name: jahreText(e.years), faktor: m.erfahrung.faktoren[e.years - m.grenzen.jahre[0]],
        quellen: m.erfahrung.quellen, hinweis: m.erfahrung.hinweis } }
    ];
    if (e.region !== null && e.region !== undefined) {
      liste.push({ eingabe: "region", titel: "Bundesland", wahl: finde(m.laender, e.region) });
    }
    if (e.account_size !== null && e.account_size !== undefined) {
      liste.push({ eingabe: "account_size", titel: "Größe der Key Accounts", wahl: finde(m.kundengroessen, e.account_size) });
    }
    if (e.team_lead) liste.push({ eingabe: "team_lead", titel: "Teamleitung", wahl: m.teamleitung });
    return liste;
  }

  /* Range, monthly value and split in whole euros (salary.estimate). */
  function berechnen(m, e) {
    var roh = m.ausgangswert.wert, r = m.rundung;
    var schritte = faktoren(m, e).map(function (f) {
      var vorher = runden(roh, r);
      roh = roh * f.wahl.faktor;
      return { eingabe: f.eingabe, titel: f.titel, wahl: f.wahl, wirkung: runden(roh, r) - vorher };
    });
    var typisch = runden(roh, r);
    var fixum = runden(typisch * (100 - e.variable_share) / 100, r);
    var quellen = m.ausgangswert.quellen.concat(m.spanne.quellen);
    schritte.forEach(function (s) { quellen = quellen.concat(s.wahl.quellen); });
    return {
      unten: runden(roh * m.spanne.unten, r), typisch: typisch, oben: runden(roh * m.spanne.oben, r),
      monat: runden(typisch / 12, r), fixum: fixum, variabel: typisch - fixum,
      schritte: schritte, quellen: einmal(quellen)
    };
  }

  /* A result in the shape of `python -m exercises salary --json`, plus each input's effect. */
  function alsJson(ergebnis) {
    return {
      annual: { low: ergebnis.unten, typical: ergebnis.typisch, high: ergebnis.oben },
      monthly_typical: ergebnis.monat, fixed_typical: ergebnis.fixum, variable_typical: ergebnis.variabel,
      sources: ergebnis.quellen,
      effects: ergebnis.schritte.map(function (s) { return [s.eingabe, s.wirkung]; })
    };
  }

  /* ---------- checked input ---------- */

  /* A whole number typed by a person (salary.parse_whole): {wert} or {fehler}. */
  function ganzeZahl(text, von, bis, was) {
    var bereich = "von " + von + " bis " + bis;
    if (!/^\s*[+-]?[0-9]+\s*$/.test(text)) {
      return { fehler: String(text).trim() === ""
        ? "Fehlt: Bitte geben Sie " + was + " als ganze Zahl " + bereich + " ein."
        : "„" + text + "“ ist keine ganze Zahl. Erlaubt sind ganze Zahlen " + bereich + "." };
    }
    var wert = parseInt(text, 10);
    if (wert < von || wert > bis) {
      return { fehler: wert + " liegt außerhalb des erlaubten Bereichs. Erlaubt sind ganze Zahlen " + bereich + "." };
    }
    return { wert: wert };
  }

  /* ---------- the page address: #heute.branche=…&angebot.jahre=… ---------- */

  var PFLICHT = ["industry", "company_size", "years", "variable_share"];
  var FELDER = [
    ["branche", "industry"], ["groesse", "company_size"], ["jahre", "years"], ["variabel", "variable_share"],
    ["land", "region"], ["kunden", "account_size"], ["team", "team_lead"]
  ];

  /* The values in the address per profile id, or null if it holds none of ours. */
  function adresseLesen(profilIds) {
    var roh = window.location.hash.replace(/^#/, "");
    if (!roh) return null;
    var werte = {}, gefunden = false;
    roh.split("&").forEach(function (teil) {
      var gleich = teil.indexOf("=");
      if (gleich < 0) return;
      var schluessel, wert;
      try {
        schluessel = decodeURIComponent(teil.slice(0, gleich));
        wert = decodeURIComponent(teil.slice(gleich + 1).replace(/\+/g, " "));
      } catch (e) { return; }
      var punkt = schluessel.indexOf(".");
      var profil = schluessel.slice(0, punkt), feld = schluessel.slice(punkt + 1);
      if (punkt < 0 || profilIds.indexOf(profil) < 0) return;
      var eintrag = FELDER.filter(function (f) { return f[0] === feld; })[0];
      if (!eintrag) return;
      werte[profil] = werte[profil] || {};
      werte[profil][eintrag[1]] = wert;
      gefunden = true;
    });
    return gefunden ? werte : null;
  }

  function adresseSchreiben(profile) {
    var teile = [];
    profile.forEach(function (p) {
      var roh = p.rohwerte();
      FELDER.forEach(function (f) {
        var wert = roh[f[1]];
        if (wert === "" || wert === false || wert === null) return;
        teile.push(p.id + "." + f[0] + "=" + encodeURIComponent(wert === true ? "ja" : wert));
      });
    });
    var ziel = "#" + teile.join("&");
    try {
      window.history.replaceState(null, "", ziel);
    } catch (e) {
      window.location.replace(ziel);
    }
  }

  /* ---------- one profile: form, result, chart, "Warum diese Zahl?" ---------- */

  function Profil(m, vorgabe, melden) {
    var self = this;
    self.id = vorgabe.id;
    self.name = vorgabe.name;
    self.vorgabe = vorgabe.eingaben;
    self.ergebnis = null;
    var basis = neueId("kurs-gehalt-" + vorgabe.id);
    var titelId = basis + "-titel";
    var felder = {};
    var fehlerTexte = {};

    function nurAnnahme(wahl) { return wahl.quellen.length === 1 && wahl.quellen[0] === ANNAHME; }

    function auswahl(name, beschriftung, liste, leer, hinweis) {
      var id = basis + "-" + name;
      var optionen = (leer ? [el("option", { value: "", text: leer })] : []).concat(liste.map(function (wahl) {
        var text = wahl.name + (wahl.detail ? " (" + wahl.detail + ")" : "") + (nurAnnahme(wahl) ? " – Annahme des Kurses" : "");
        return el("option", { value: wahl.id, text: text });
      }));
      felder[name] = el("select", { id: id, name: name }, optionen);
      felder[name].addEventListener("change", melden);
      return feld(id, beschriftung, felder[name], hinweis);
    }

    function zahlFeld(name, beschriftung, hinweis) {
      var id = basis + "-" + name;
      felder[name] = el("input", { type: "text", inputmode: "numeric", id: id, name: name, autocomplete: "off", className: "kurs-gehalt-zahl" });
      felder[name].addEventListener("input", melden);
      return feld(id, beschriftung, felder[name], hinweis);
    }

    function feld(id, beschriftung, eingabe, hinweis) {
      var hinweisId = id + "-hinweis", fehlerId = id + "-fehler";
      var fehler = el("p", { className: "kurs-gehalt-fehler", id: fehlerId, hidden: true });
      fehlerTexte[eingabe.name] = { element: fehler, hinweisId: hinweis ? hinweisId : "", fehlerId: fehlerId };
      if (hinweis) eingabe.setAttribute("aria-describedby", hinweisId);
      return el("div", { className: "kurs-gehalt-feld" }, [
        el("label", { "for": id, text: beschriftung }),
        eingabe,
        hinweis ? el("p", { className: "kurs-anleitung", id: hinweisId, text: hinweis }) : null,
        fehler
      ]);
    }

    var quelleVariabel = m.quellen[m.variabel_standard.quellen[0]];
    var teamId = basis + "-team";
    felder.team_lead = el("input", { type: "checkbox", id: teamId, name: "team_lead" });
    felder.team_lead.addEventListener("change", melden);

    var formular = el("div", { className: "kurs-gehalt-formular" }, [
      auswahl("industry", "Branche", m.branchen, null, null),
      auswahl("company_size", "Unternehmensgröße", m.groessen, null, null),
      zahlFeld("years", "Berufserfahrung in Jahren", "Ganze Zahl von " + m.grenzen.jahre[0] + " bis " + m.grenzen.jahre[1] + ". Die Erfahrungskurve ist eine Annahme des Kurses."),
      zahlFeld("variable_share", "Variabler Anteil in Prozent", "Ganze Zahl von " + m.grenzen.variabel[0] + " bis " + m.grenzen.variabel[1] + "; üblich sind rund " + m.variabel_standard.wert + " % (" + quelleVariabel.kurz + ")."),
      auswahl("region", "Bundesland (freiwillig)", m.laender, "keine Angabe", "Die Quelle nennt nur diese Länder, ohne Datum; der Rechner lässt deshalb nur einen Teil des Unterschieds wirken (Annahme des Kurses)."),
      el("fieldset", { className: "kurs-gehalt-verantwortung" }, [
        el("legend", { text: "Verantwortung (freiwillig, Annahmen des Kurses)" }),
        auswahl("account_size", "Größe der Key Accounts", m.kundengroessen, "keine Angabe", "Gemeint sind Umsatz und Reichweite der betreuten Kunden, nicht ihre Zahl."),
        el("div", { className: "kurs-gehalt-feld kurs-gehalt-haken" }, [felder.team_lead, el("label", { "for": teamId, text: "mit Teamleitung" })])
      ])
    ]);

    var typisch = el("p", { className: "kurs-gehalt-typisch" });
    var werte = el("dl", { className: "kurs-gehalt-werte" });
    var grafik = svg("svg", { "class": "kurs-gehalt-grafik", viewBox: "0 0 320 160", role: "img", "aria-labelledby": basis + "-grafik-titel" });
    var musterId = basis + "-muster";
    var warumInhalt = el("div", { className: "kurs-gehalt-warum-inhalt" });
    var warum = el("details", { className: "kurs-gehalt-warum" }, [el("summary", { text: "Warum diese Zahl?" }), warumInhalt]);
    var ungueltig = el("p", { className: "kurs-hinweis kurs-gehalt-ungueltig", hidden: true,
      text: "Bitte korrigieren Sie die markierten Eingaben; dann erscheint hier die Schätzung." });
    var ergebnisBereich = el("div", { className: "kurs-gehalt-ergebnis" }, [typisch, werte, grafik, warum]);

    self.element = el("section", { className: "kurs-gehalt-profil", "data-profil": vorgabe.id, "aria-labelledby": titelId }, [
      el("h3", { id: titelId, text: "Profil „" + vorgabe.name + "“" }),
      formular, ungueltig, ergebnisBereich
    ]);

    /* ----- inputs ----- */

    self.rohwerte = function () {
      var roh = {};
      Object.keys(felder).forEach(function (name) {
        roh[name] = name === "team_lead" ? felder[name].checked : felder[name].value;
      });
      return roh;
    };

    function alsText(wert) { return wert === null || wert === undefined ? "" : String(wert); }

    /* Put values into the form: a required input missing from `werte` gets its
     * default, an optional one stays empty. A value a list does not offer is
     * not used (the default is); the labels of such inputs are returned. */
    self.setzen = function (werte) {
      var fremd = [];
      FELDER.forEach(function (f) {
        var name = f[1], eingabe = felder[name];
        var wert = Object.prototype.hasOwnProperty.call(werte, name) ? werte[name]
          : PFLICHT.indexOf(name) >= 0 ? self.vorgabe[name] : null;
        if (name === "team_lead") { eingabe.checked = wert === true || wert === "ja"; return; }
        wert = alsText(wert);
        if (eingabe.tagName === "SELECT" && !Array.prototype.some.call(eingabe.options, function (o) { return o.value === wert; })) {
          fremd.push(eingabe.labels[0].textContent);
          wert = alsText(self.vorgabe[name]);
        }
        eingabe.value = wert;
      });
      return fremd;
    };

    /* {eingaben} or {fehler: {name: text}} from the form. */
    self.lesen = function () {
      var roh = self.rohwerte(), e = {}, fehler = {};
      e.industry = roh.industry;
      e.company_size = roh.company_size;
      [["years", m.grenzen.jahre, "die Berufserfahrung"], ["variable_share", m.grenzen.variabel, "den variablen Anteil"]].forEach(function (z) {
        var r = ganzeZahl(roh[z[0]], z[1][0], z[1][1], z[2]);
        if (r.fehler) fehler[z[0]] = r.fehler; else e[z[0]] = r.wert;
      });
      e.region = roh.region || null;
      e.account_size = roh.account_size || null;
      e.team_lead = roh.team_lead;
      return Object.keys(fehler).length ? { fehler: fehler } : { eingaben: e };
    };

    function fehlerZeigen(fehler) {
      Object.keys(fehlerTexte).forEach(function (name) {
        var f = fehlerTexte[name], eingabe = felder[name], text = fehler[name];
        f.element.textContent = text ? "Fehler: " + text : "";
        f.element.hidden = !text;
        if (text) eingabe.setAttribute("aria-invalid", "true"); else eingabe.removeAttribute("aria-invalid");
        var beschreibung = [f.hinweisId, text ? f.fehlerId : ""].filter(Boolean).join(" ");
        if (beschreibung) eingabe.setAttribute("aria-describedby", beschreibung); else eingabe.removeAttribute("aria-describedby");
      });
    }

    /* Reads the form and computes; the result or null (then the form shows why). */
    self.rechnen = function () {
      var gelesen = self.lesen();
      fehlerZeigen(gelesen.fehler || {});
      self.eingaben = gelesen.eingaben || null;
      self.ergebnis = gelesen.eingaben ? berechnen(m, gelesen.eingaben) : null;
      var gueltig = self.ergebnis && [self.ergebnis.unten, self.ergebnis.typisch, self.ergebnis.oben].every(isFinite);
      if (!gueltig) self.ergebnis = null;
      ungueltig.hidden = !!self.ergebnis;
      ergebnisBereich.hidden = !self.ergebnis;
      self.element.setAttribute("data-gueltig", self.ergebnis ? "ja" : "nein");
      return self.ergebnis;
    };

    /* ----- output ----- */

    function wert(schluessel, text, betrag) {
      return el("span", { "data-wert": schluessel, "data-euro": String(betrag), text: text });
    }

    self.zeigen = function (maximum) {
      var r = self.ergebnis;
      if (!r) return;
      typisch.textContent = "";
      typisch.appendChild(wert("typisch", euro(r.typisch), r.typisch));
      typisch.appendChild(document.createTextNode(" im Jahr (typisch, brutto, " + m.stand.kurz + ")"));
      werte.textContent = "";
      [["Spanne", [wert("unten", euro(r.unten), r.unten), document.createTextNode(" bis "), wert("oben", euro(r.oben), r.oben)]],
       ["Im Monat", [wert("monat", euro(r.monat), r.monat), document.createTextNode(" (typisch, Jahreswert durch 12)")]],
       ["Fixum", [wert("fixum", euro(r.fixum), r.fixum)]],
       ["Variabel", [wert("variabel", euro(r.variabel), r.variabel), document.createTextNode(" (" + self.eingaben.variable_share + " %, " + m.ziel + ")")]]
      ].forEach(function (zeile) {
        werte.appendChild(el("dt", { text: zeile[0] }));
        werte.appendChild(el("dd", {}, zeile[1]));
      });
      zeichnen(maximum);
      erklaeren();
    };

    self.zusammenfassung = function () {
      var r = self.ergebnis;
      return self.name + ": typisch " + euro(r.typisch) + " im Jahr, Spanne " + euro(r.unten) + " bis " + euro(r.oben) + ".";
    };

    function zeichnen(maximum) {
      var r = self.ergebnis;
      var links = 6, rechts = 312;
      function x(betrag) { return links + betrag / maximum * (rechts - links); }
      function zahl(wert) { return wert.toFixed(1); }
      grafik.textContent = "";
      grafik.appendChild(svg("title", { id: basis + "-grafik-titel" },
        "Grafik: Spanne " + euro(r.unten) + " bis " + euro(r.oben) + ", typisch " + euro(r.typisch) +
        " (senkrechter Strich); davon Fixum " + euro(r.fixum) + " (gefüllt) und variabel " + euro(r.variabel) + " (schraffiert)."));
      var muster = svg("pattern", { id: musterId, width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
      muster.appendChild(svg("line", { "class": "kurs-gehalt-muster-linie", x1: "0", y1: "0", x2: "0", y2: "6", "stroke-width": "3" }));
      var defs = svg("defs");
      defs.appendChild(muster);
      grafik.appendChild(defs);
      var schritt = maximum > 160000 ? 40000 : 20000;
      for (var t = 0; t <= maximum; t += schritt) {
        grafik.appendChild(svg("line", { "class": "kurs-gehalt-raster", x1: zahl(x(t)), y1: "22", x2: zahl(x(t)), y2: "118" }));
        grafik.appendChild(svg("text", { x: zahl(x(t)), y: "134", "font-size": "13", "text-anchor": t === 0 ? "start" : t + schritt > maximum ? "end" : "middle" }, tausender(t / 1000)));
      }
      grafik.appendChild(svg("text", { x: "160", y: "154", "font-size": "13", "text-anchor": "middle" }, "Tausend Euro brutto im Jahr"));
      grafik.appendChild(svg("text", { x: String(links), y: "15", "font-size": "13" }, "Spanne und typischer Wert (Strich)"));
      grafik.appendChild(svg("rect", { "class": "kurs-gehalt-spanne", x: zahl(x(r.unten)), y: "24", width: zahl(x(r.oben) - x(r.unten)), height: "20", rx: "3" }));
      grafik.appendChild(svg("line", { "class": "kurs-gehalt-typ", x1: zahl(x(r.typisch)), y1: "20", x2: zahl(x(r.typisch)), y2: "48" }));
      grafik.appendChild(svg("text", { x: String(links), y: "72", "font-size": "13" }, "Fixum (gefüllt), variabel (schraffiert)"));
      grafik.appendChild(svg("rect", { "class": "kurs-gehalt-fixum", x: zahl(x(0)), y: "80", width: zahl(x(r.fixum) - x(0)), height: "20" }));
      grafik.appendChild(svg("rect", { "class": "kurs-gehalt-variabel", x: zahl(x(r.fixum)), y: "80", width: zahl(x(r.typisch) - x(r.fixum)), height: "20", fill: "url(#" + musterId + ")" }));
    }

    function quellenText(ids) {
      return ids.map(function (id) { return m.quellen[id].kurz; }).join("; ");
    }

    function mitAnnahme(knoten, ids) {
      if (ids.indexOf(ANNAHME) >= 0) {
        knoten.appendChild(document.createTextNode(" "));
        knoten.appendChild(el("span", { className: "kurs-gehalt-annahme", text: "Annahme des Kurses" }));
      }
      return knoten;
    }

    function erklaeren() {
      var r = self.ergebnis, e = self.eingaben;
      warumInhalt.textContent = "";
      warumInhalt.appendChild(el("p", { text: m.ausgangswert.text + ". " + (m.ausgangswert.hinweis || "") }));
      var bewegt = r.schritte.filter(function (s) { return s.wirkung !== 0; });
      var ohne = r.schritte.filter(function (s) { return s.wirkung === 0; });
      warumInhalt.appendChild(el("p", { text: bewegt.length ? "Diese Eingaben haben die Schätzung bewegt:" : "Keine Eingabe hat den Ausgangswert verändert." }));
      if (bewegt.length) {
        warumInhalt.appendChild(el("ul", { className: "kurs-gehalt-schritte" }, bewegt.map(function (s) {
          var punkt = el("li", { "data-eingabe": s.eingabe }, [
            el("strong", { text: s.titel + " „" + s.wahl.name + "“: " + differenz(s.wirkung) }),
            document.createTextNode(" – " + quellenText(s.wahl.quellen) + "." + (s.wahl.hinweis ? " " + s.wahl.hinweis : ""))
          ]);
          return mitAnnahme(punkt, s.wahl.quellen);
        })));
      }
      if (ohne.length) {
        warumInhalt.appendChild(el("p", { text: "Ohne Wirkung auf die Summe: " + ohne.map(function (s) {
          return s.titel + " „" + s.wahl.name + "“";
        }).join(", ") + "." }));
      }
      warumInhalt.appendChild(el("p", { text: "Variabler Anteil " + e.variable_share + " %: Er ändert die Summe nicht, sondern teilt sie in Fixum (" +
        euro(r.fixum) + ") und variablen Teil (" + euro(r.variabel) + ", " + m.ziel + ")." }));
      warumInhalt.appendChild(el("p", { text: "Spanne " + euro(r.unten) + " bis " + euro(r.oben) + ": die Streuung um den Mittelwert laut " +
        quellenText(m.spanne.quellen) + ", auf den typischen Wert übertragen." }));
      warumInhalt.appendChild(el("p", { text: "Quellen dieser Schätzung:" }));
      warumInhalt.appendChild(el("ul", { className: "kurs-gehalt-quellen" }, r.quellen.map(function (id) {
        var q = m.quellen[id];
        return el("li", {}, [
          el("a", { href: q.href, text: q.kurz }),
          document.createTextNode(q.annahme ? " – eigene Annahmen des Kurses (getroffen " + q.jahr + "), keine Daten" : " (" + (typeof q.jahr === "number" ? q.jahr : "Jahr " + q.jahr) + ")")
        ]);
      })));
    }
  }

  /* ---------- the calculator: two profiles side by side ---------- */

  function rechner(ziel, m) {
    var ansage = el("p", { className: "kurs-nur-vorlesen", "aria-live": "polite" });
    var vergleich = el("p", { className: "kurs-gehalt-vergleich" });
    var status = el("p", { className: "kurs-aktionsstatus", role: "status" });
    var profile = [];
    var ansageZeit = null;

    function geaendert(profil) {
      aktualisieren(profil);
      adresseSchreiben(profile);
    }

    m.profile.forEach(function (vorgabe) {
      var p = new Profil(m, vorgabe, function () { geaendert(p); });
      profile.push(p);
    });

    var kopieren = el("button", { type: "button", className: "kurs-knopf", text: "Link zu diesem Vergleich kopieren" });
    var zuruecksetzen = el("button", { type: "button", className: "kurs-knopf", text: "Voreinstellungen wiederherstellen" });

    ziel.appendChild(el("p", { className: "kurs-anleitung", text: "Stellen Sie zwei Profile ein, etwa Ihre heutige Stelle und ein Angebot. Jede Änderung rechnet sofort neu. " + m.stand.text + " Die Schätzung legt ihre Quellen und Annahmen offen – echte Angebote können deutlich abweichen." }));
    ziel.appendChild(el("div", { className: "kurs-gehalt-profile" }, profile.map(function (p) { return p.element; })));
    ziel.appendChild(vergleich);
    ziel.appendChild(el("div", { className: "kurs-knoepfe" }, [kopieren, zuruecksetzen]));
    ziel.appendChild(status);
    ziel.appendChild(ansage);

    function aktualisieren(geaendertesProfil) {
      profile.forEach(function (p) { p.rechnen(); });
      var gueltige = profile.filter(function (p) { return p.ergebnis; });
      var hoechstes = Math.max.apply(null, gueltige.map(function (p) { return p.ergebnis.oben; }).concat([20000]));
      var maximum = Math.ceil(hoechstes / 20000) * 20000;
      gueltige.forEach(function (p) { p.zeigen(maximum); });
      var text;
      if (gueltige.length === profile.length && profile.length === 2) {
        var a = profile[0], b = profile[1];
        var jahr = b.ergebnis.typisch - a.ergebnis.typisch, monat = b.ergebnis.monat - a.ergebnis.monat;
        text = "„" + b.name + "“ gegenüber „" + a.name + "“: " + differenz(jahr) + " im Jahr, " + differenz(monat) + " im Monat (typische Werte).";
        vergleich.setAttribute("data-euro", String(jahr));
      } else {
        text = "Der Vergleich erscheint, sobald beide Profile gültige Eingaben haben.";
        vergleich.removeAttribute("data-euro");
      }
      vergleich.textContent = text;
      if (geaendertesProfil) {
        // Announce once typing pauses, not at every keystroke.
        window.clearTimeout(ansageZeit);
        ansageZeit = window.setTimeout(function () {
          ansage.textContent = (geaendertesProfil.ergebnis ? geaendertesProfil.zusammenfassung() : geaendertesProfil.name + ": Eingaben unvollständig.") + " " + text;
        }, 600);
      }
    }

    function ausAdresse() {
      var werte = adresseLesen(profile.map(function (p) { return p.id; }));
      if (!werte) return false;
      var fremd = [];
      profile.forEach(function (p) {
        fremd = fremd.concat(p.setzen(werte[p.id] || p.vorgabe).map(function (f) { return "„" + f + "“ (" + p.name + ")"; }));
      });
      status.textContent = fremd.length ? "Der Link enthielt unbekannte Werte für " + fremd.join(", ") + "; dort gilt die Voreinstellung." : "";
      aktualisieren(null);
      return true;
    }

    kopieren.addEventListener("click", function () {
      adresseSchreiben(profile);
      var adresse = window.location.href;
      function geschafft() { status.textContent = "Der Link ist kopiert. Wer ihn öffnet, sieht beide Profile mit Ihren Eingaben."; }
      function fehlgeschlagen() { status.textContent = "Kopieren ging nicht. Die Adresszeile des Browsers enthält den Link mit Ihren Eingaben: " + adresse; }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(adresse).then(geschafft, fehlgeschlagen);
      else fehlgeschlagen();
    });
    zuruecksetzen.addEventListener("click", function () {
      profile.forEach(function (p) { p.setzen(p.vorgabe); });
      try { window.history.replaceState(null, "", window.location.pathname + window.location.search); } catch (e) { /* the old address stays; harmless */ }
      aktualisieren(null);
      status.textContent = "Beide Profile zeigen wieder die Voreinstellungen.";
    });
    window.addEventListener("hashchange", ausAdresse);

    profile.forEach(function (p) { p.setzen(p.vorgabe); });
    var ausLink = ausAdresse();
    if (!ausLink) aktualisieren(null);
    return ausLink;
  }

  /* ---------- company edition: the company's own figures, nothing to set ---------- */

  /* exercises/salary/model.py worked out every line (company_page_data); shown as given. */
  function firmenZahlen(ziel, f) {
    var titelId = neueId("kurs-gehalt-firma");
    ziel.appendChild(el("section", { className: "kurs-gehalt-firma", "aria-labelledby": titelId }, [
      el("h3", { id: titelId, text: f.titel }),
      el("ul", { className: "kurs-gehalt-werte" }, f.zeilen.map(function (zeile) { return el("li", { text: zeile }); })),
      el("p", { className: "kurs-anleitung", text: f.stand + " " + f.erklaerung }),
      el("p", { className: "kurs-gehalt-quellen" }, [el("span", { text: "Quelle: " })].concat(f.quellen.map(function (q) {
        return el("a", { href: q.href, text: q.kurz + " (" + q.jahr + ")" });
      })))
    ]));
  }

  /* ---------- start ---------- */

  var modelle = [];

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kurs-gehalt]"), function (wurzel) {
      if (wurzel.getAttribute("data-bereit")) return;
      var m;
      try { m = JSON.parse(wurzel.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      var ziel = wurzel.querySelector(".kurs-ziel");
      ziel.textContent = "";
      if (m.firma) {
        firmenZahlen(ziel, m.firma);
        wurzel.setAttribute("data-bereit", "ja");
        return;
      }
      modelle.push(m);
      // A shared link opens at the calculator, not at the top of the chapter.
      if (rechner(ziel, m)) wurzel.scrollIntoView();
      wurzel.setAttribute("data-bereit", "ja");
    });
  }

  window.Kurs = window.Kurs || {};
  window.Kurs.gehalt = {
    /* Rounds like the page's model (one argument, so that it works with Array.map). */
    runden: function (x) { return runden(x, modelle[0].rundung); },
    euro: euro,
    /* The page's model for `eingaben` (keys as in the --json output's "inputs"). */
    berechnen: function (eingaben) { return alsJson(berechnen(modelle[0], eingaben)); },
    start: start
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

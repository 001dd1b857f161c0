/* KAM-Kurs: readiness self-check for internal candidates, and the certificate.
 *
 * Both run in the browser only. The self-check's scoring mirrors
 * exercises/selfcheck.py (1..5 agreement, reversed items count 6 - answer,
 * mean mapped to 0..100 %). The certificate appears only when every chapter
 * quiz and the final exam are passed, as recorded by Kurs.fortschritt.
 */
(function () {
  "use strict";
  var el = Kurs.dom.el, svg = Kurs.dom.svg;
  var STAERKE_AB = 75, LUECKE_UNTER = 50;

  function profil(daten, antworten) {
    var punkte = {};
    Object.keys(daten.kompetenzen).forEach(function (k) { punkte[k] = []; });
    daten.aussagen.forEach(function (a, i) {
      punkte[a.kompetenz].push(a.umgekehrt ? 6 - antworten[i] : antworten[i]);
    });
    var ergebnis = {};
    Object.keys(punkte).forEach(function (k) {
      var werte = punkte[k];
      var mittel = werte.reduce(function (x, y) { return x + y; }, 0) / werte.length;
      ergebnis[k] = Math.floor((mittel - 1) / 4 * 100 + 0.5);
    });
    return ergebnis;
  }

  function diagramm(daten, werte) {
    var keys = Object.keys(daten.kompetenzen);
    var zeile = 38, links = 250, breite = 380, hoehe = keys.length * zeile + 40;
    var bild = svg("svg", { viewBox: "0 0 700 " + hoehe, role: "img", "aria-labelledby": "profil-titel profil-text", class: "kurs-profil" });
    bild.appendChild(svg("title", { id: "profil-titel" }, "Ihr Kompetenzprofil"));
    bild.appendChild(svg("desc", { id: "profil-text" }, keys.map(function (k) {
      return daten.kompetenzen[k].name + ": " + werte[k] + " %";
    }).join("; ")));
    [0, 50, 75, 100].forEach(function (marke) {
      var x = links + breite * marke / 100;
      bild.appendChild(svg("line", { x1: x, y1: 10, x2: x, y2: hoehe - 24, stroke: "#8a8a8a", "stroke-dasharray": marke ? "4 4" : "" }));
      bild.appendChild(svg("text", { x: x, y: hoehe - 6, "font-size": 14, "text-anchor": "middle", fill: "currentColor" }, marke + " %"));
    });
    keys.forEach(function (k, i) {
      var y = 14 + i * zeile;
      bild.appendChild(svg("text", { x: 0, y: y + 17, "font-size": 16, fill: "currentColor" }, daten.kompetenzen[k].name));
      bild.appendChild(svg("rect", { x: links, y: y, width: Math.max(2, breite * werte[k] / 100), height: 22, rx: 3, fill: "#0b4f6c", class: "kurs-profil-balken" }));
      bild.appendChild(svg("text", { x: links + breite + 10, y: y + 17, "font-size": 16, fill: "currentColor" }, werte[k] + " %"));
    });
    return bild;
  }

  function empfehlungen(kompetenz) {
    var liste = el("ul");
    kompetenz.kapitel.forEach(function (k) { liste.appendChild(el("li", {}, [document.createTextNode("Kapitel: "), el("a", { href: k.href, text: k.titel })])); });
    kompetenz.rollenspiele.forEach(function (r) { liste.appendChild(el("li", {}, [document.createTextNode("Rollenspiel: "), el("a", { href: r.href, text: r.titel })])); });
    return liste;
  }

  function selbstcheck(ziel, daten) {
    ziel.textContent = "";
    var formular = el("form", { className: "kurs-selbstcheck-formular", novalidate: "novalidate" });
    daten.aussagen.forEach(function (aussage, i) {
      var feld = el("fieldset", { className: "kurs-frage kurs-aussage", "data-aussage": String(i) }, [
        el("legend", {}, [el("span", { className: "kurs-frage-nummer", text: (i + 1) + " von " + daten.aussagen.length + ": " }), el("span", { text: aussage.text })])
      ]);
      var skala = el("div", { className: "kurs-skala" });
      daten.skala.forEach(function (stufe, j) {
        var id = "aussage-" + i + "-" + (j + 1);
        skala.appendChild(el("span", { className: "kurs-option" }, [
          el("input", { type: "radio", name: "aussage-" + i, id: id, value: String(j + 1) }),
          el("label", { "for": id, text: stufe })
        ]));
      });
      feld.appendChild(skala);
      formular.appendChild(feld);
    });
    var auswerten = el("button", { type: "submit", className: "kurs-knopf kurs-pruefen", text: "Auswerten" });
    formular.appendChild(el("div", { className: "kurs-knoepfe" }, [auswerten]));
    var meldung = el("p", { role: "status", className: "kurs-aktionsstatus" });
    formular.appendChild(meldung);
    var ergebnis = el("section", { className: "kurs-selbstcheck-ergebnis", "aria-labelledby": "selbstcheck-ergebnis", hidden: "hidden" });
    ziel.appendChild(formular);
    ziel.appendChild(ergebnis);

    formular.addEventListener("submit", function (ereignis) {
      ereignis.preventDefault();
      var antworten = daten.aussagen.map(function (a, i) {
        var gewaehlt = formular.querySelector("input[name='aussage-" + i + "']:checked");
        return gewaehlt ? Number(gewaehlt.value) : null;
      });
      var offen = antworten.indexOf(null);
      if (offen >= 0) {
        var anzahl = antworten.filter(function (a) { return a === null; }).length;
        meldung.textContent = "Bitte bewerten Sie noch " + anzahl + " Aussage(n); die erste offene ist Nummer " + (offen + 1) + ".";
        formular.querySelector("input[name='aussage-" + offen + "']").focus();
        return;
      }
      meldung.textContent = "";
      zeigeErgebnis(ergebnis, daten, profil(daten, antworten));
    });
  }

  function zeigeErgebnis(bereich, daten, werte) {
    bereich.textContent = "";
    bereich.hidden = false;
    var ueberschrift = el("h2", { id: "selbstcheck-ergebnis", tabindex: "-1", text: "Ihr Ergebnis" });
    bereich.appendChild(ueberschrift);
    bereich.appendChild(el("p", { text: "Das Profil zeigt Ihre Selbsteinschätzung je Kompetenz (0 bis 100 %). Ab " + STAERKE_AB + " % zählt eine Kompetenz als Stärke, unter " + LUECKE_UNTER + " % als Lücke. Ihre Antworten verlassen diesen Browser nicht." }));
    bereich.appendChild(diagramm(daten, werte));
    var keys = Object.keys(daten.kompetenzen);
    var staerken = keys.filter(function (k) { return werte[k] >= STAERKE_AB; });
    var luecken = keys.filter(function (k) { return werte[k] < LUECKE_UNTER; });
    var mittel = keys.filter(function (k) { return werte[k] >= LUECKE_UNTER && werte[k] < STAERKE_AB; });

    bereich.appendChild(el("h3", { text: "Stärken" }));
    bereich.appendChild(staerken.length ? el("ul", {}, staerken.map(function (k) {
      return el("li", {}, [el("strong", { text: daten.kompetenzen[k].name + " (" + werte[k] + " %): " }), document.createTextNode(daten.kompetenzen[k].staerke)]);
    })) : el("p", { text: "Noch keine Kompetenz erreicht " + STAERKE_AB + " %." }));

    bereich.appendChild(el("h3", { text: "Lücken und was Sie tun können" }));
    if (!luecken.length) bereich.appendChild(el("p", { text: "Keine Kompetenz liegt unter " + LUECKE_UNTER + " %." }));
    luecken.forEach(function (k) {
      var komp = daten.kompetenzen[k];
      bereich.appendChild(el("div", { className: "kurs-luecke" }, [
        el("p", {}, [el("strong", { text: komp.name + " (" + werte[k] + " %): " }), document.createTextNode(komp.luecke)]),
        el("p", { text: "Empfohlen:" }), empfehlungen(komp)
      ]));
    });
    if (mittel.length) {
      bereich.appendChild(el("h3", { text: "Ausbaufähig" }));
      bereich.appendChild(el("ul", {}, mittel.map(function (k) {
        return el("li", { text: daten.kompetenzen[k].name + " (" + werte[k] + " %)" });
      })));
    }
    var drucken = el("button", { type: "button", className: "kurs-knopf", text: "Ergebnis drucken" });
    drucken.addEventListener("click", function () { window.print(); });
    bereich.appendChild(el("div", { className: "kurs-knoepfe" }, [drucken]));
    Kurs.fortschritt.selbstcheck(werte);
    ueberschrift.focus();
  }

  /* ---------- certificate ---------- */

  function bestePruefung(daten) {
    return daten.pruefung.versuche.reduce(function (best, v) { return v.bestanden && (!best || v.prozent > best.prozent) ? v : best; }, null);
  }

  function zertifikat(ziel, info) {
    ziel.textContent = "";
    var stand = Kurs.fortschritt.daten();
    var offen = info.kapitel.filter(function (k) { return !(stand.kapitel[k.id] && stand.kapitel[k.id].bestanden); });
    var pruefung = bestePruefung(stand);
    if (offen.length || !pruefung) {
      ziel.appendChild(el("p", { className: "kurs-hinweis", text: "Die Teilnahmebestätigung erhalten Sie, sobald Sie alle Kapitel-Quizze (ab " + info.kapitel_bestehensgrenze + " %) und den Abschlusstest (ab " + info.pruefung.bestehensgrenze + " %) bestanden haben. Noch offen:" }));
      var liste = el("ul", { className: "kurs-offen" });
      offen.forEach(function (k) { liste.appendChild(el("li", {}, [document.createTextNode("Quiz im Kapitel "), el("a", { href: k.href, text: k.titel })])); });
      if (!pruefung) liste.appendChild(el("li", {}, [el("a", { href: info.pruefung.href, text: "Abschlusstest" })]));
      ziel.appendChild(liste);
      return;
    }
    var formular = el("form", { className: "kurs-zertifikat-formular", novalidate: "novalidate" });
    var eingabe = el("input", { type: "text", id: "zertifikat-name", autocomplete: "name", required: "required", "aria-describedby": "zertifikat-hilfe" });
    var fehler = el("p", { id: "zertifikat-hilfe", className: "kurs-anleitung", text: "Ihr Name erscheint nur auf diesem Bildschirm und im Ausdruck; er wird nicht gespeichert." });
    formular.appendChild(el("p", { text: "Herzlichen Glückwunsch: Sie haben alle Kapitel-Quizze und den Abschlusstest bestanden." }));
    formular.appendChild(el("p", {}, [el("label", { "for": "zertifikat-name", text: "Ihr Name: " }), eingabe]));
    formular.appendChild(fehler);
    formular.appendChild(el("div", { className: "kurs-knoepfe" }, [el("button", { type: "submit", className: "kurs-knopf kurs-pruefen", text: "Bestätigung erstellen" })]));
    var urkunde = el("section", { className: "kurs-urkunde", "aria-labelledby": "urkunde-titel", hidden: "hidden" });
    ziel.appendChild(formular);
    ziel.appendChild(urkunde);
    formular.addEventListener("submit", function (ereignis) {
      ereignis.preventDefault();
      var name = eingabe.value.trim();
      if (!name) {
        eingabe.setAttribute("aria-invalid", "true");
        fehler.textContent = "Bitte geben Sie Ihren Namen ein.";
        eingabe.focus();
        return;
      }
      eingabe.removeAttribute("aria-invalid");
      fehler.textContent = "Ihr Name erscheint nur auf diesem Bildschirm und im Ausdruck; er wird nicht gespeichert.";
      zeigeUrkunde(urkunde, info, stand, pruefung, name);
    });
  }

  function zeigeUrkunde(urkunde, info, stand, pruefung, name) {
    urkunde.textContent = "";
    urkunde.hidden = false;
    var titel = el("h2", { id: "urkunde-titel", tabindex: "-1", text: "Teilnahmebestätigung" });
    urkunde.appendChild(titel);
    urkunde.appendChild(el("p", { className: "kurs-urkunde-name", text: name }));
    urkunde.appendChild(el("p", { text: "hat den Online-Kurs „KAM-Kurs: Key Account Management“" + (info.firma ? " in der Ausgabe von " + info.firma : "") + " erfolgreich abgeschlossen." }));
    var rumpf = el("tbody");
    info.kapitel.forEach(function (k) {
      rumpf.appendChild(el("tr", {}, [el("th", { scope: "row", text: k.titel }), el("td", { text: stand.kapitel[k.id].bester + " %" })]));
    });
    rumpf.appendChild(el("tr", {}, [el("th", { scope: "row", text: "Abschlusstest" }), el("td", { text: pruefung.prozent + " %" })]));
    urkunde.appendChild(el("table", { className: "kurs-urkunde-tabelle" }, [
      el("caption", { text: "Ergebnisse (jeweils bestes Ergebnis)" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Teil" }), el("th", { scope: "col", text: "Ergebnis" })])]),
      rumpf
    ]));
    urkunde.appendChild(el("p", { text: "Ausgestellt am " + new Date().toLocaleDateString("de-DE", { day: "2-digit", month: "2-digit", year: "numeric" }) + "." }));
    urkunde.appendChild(el("p", { className: "kurs-anleitung", text: "Diese Bestätigung beruht auf den Ergebnissen, die in diesem Browser gespeichert sind." }));
    var drucken = el("button", { type: "button", className: "kurs-knopf", text: "Drucken" });
    drucken.addEventListener("click", function () { window.print(); });
    urkunde.appendChild(el("div", { className: "kurs-knoepfe" }, [drucken]));
    titel.focus();
  }

  function start() {
    [["[data-kurs-selbstcheck]", selbstcheck], ["[data-kurs-zertifikat]", zertifikat]].forEach(function (paar) {
      Array.prototype.forEach.call(document.querySelectorAll(paar[0]), function (wurzel) {
        var daten;
        try { daten = JSON.parse(wurzel.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
        var ziel = wurzel.querySelector(".kurs-ziel");
        var hinweis = Kurs.fortschritt.hinweis();
        paar[1](ziel, daten);
        if (hinweis) ziel.insertBefore(hinweis, ziel.firstChild);
      });
    });
  }

  window.Kurs = window.Kurs || {};
  window.Kurs.selbstcheck = { profil: profil };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

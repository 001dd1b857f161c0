/* KAM-Kurs: the few DOM helpers every exercise module uses.
 *
 * Loaded before the exercise modules. Text always goes in as textContent, so
 * content from the course's data files is shown, never run.
 */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  /* el("p", {className: "x", text: "…", hidden: true}, [children]): true sets an empty
   * attribute, false/null/undefined leave it out. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var wert = attrs[key];
      if (key === "text") node.textContent = wert;
      else if (key === "className") node.className = wert;
      else if (wert === true) node.setAttribute(key, "");
      else if (wert !== false && wert !== null && wert !== undefined) node.setAttribute(key, wert);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A shuffled copy (Fisher–Yates). */
  function gemischt(liste) {
    var kopie = liste.slice();
    for (var i = kopie.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = kopie[i]; kopie[i] = kopie[j]; kopie[j] = t;
    }
    return kopie;
  }

  window.Kurs = window.Kurs || {};
  window.Kurs.dom = { el: el, svg: svg, gemischt: gemischt };
})();

/* KAM-Kurs: the few DOM helpers every exercise module uses.
 *
 * Loaded before the exercise modules. Text always goes in as textContent, so
 * content from the course's data files is shown, never run.
 */
(() => {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";

  /* el("p", {className: "x", text: "…", hidden: true}, [children]): true sets an empty
   * attribute, false/null/undefined leave it out. */
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (value === true) node.setAttribute(key, "");
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value);
    });
    (children || []).forEach((child) => { if (child) node.appendChild(child); });
    return node;
  };

  const svg = (tag, attrs, text) => {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /* A random source in [0, 1) that repeats for the same seed (mulberry32), so an
   * attempt stores one number instead of every shuffled order. */
  const seededRandom = (seed) => {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  /* A new seed for an attempt: a positive 31-bit integer (short in JSON). */
  const newSeed = () => 1 + Math.floor(Math.random() * 0x7ffffffe);

  /* A 32-bit hash (FNV-1a over whole numbers): derives a seed from (attempt seed,
   * question, retry), or a fingerprint from character codes. */
  const hash = (...parts) => parts.reduce((value, part) => Math.imul(value ^ (part >>> 0), 0x01000193) >>> 0, 0x811c9dc5);

  /* A shuffled copy (Fisher–Yates); `random` defaults to Math.random. */
  const shuffled = (list, random = Math.random) => {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };

  /* Moves the keyboard focus to the first control in `root` that can take it. An ordering
   * question starts with a disabled button (its first step cannot move up): focusing that
   * did nothing, and the focus fell back to the page. */
  const focusFirstControl = (root) => {
    const first = root.querySelector("input:enabled, select:enabled, button:enabled");
    if (first) first.focus();
  };

  /* The built site keeps each page's exercise data in a cached script of its own
   * (exercises/sphinx/pagedata.py) that sets window.kursDaten before this script runs.
   * Each marked container gets its JSON element back, where the exercise modules read it. */
  const restoreData = () => {
    const data = window.kursDaten || {};
    document.querySelectorAll("[data-kurs-daten]").forEach((root) => {
      const key = root.getAttribute("data-kurs-daten");
      if (!Object.hasOwn(data, key) || root.querySelector("script[type='application/json']")) return;
      root.prepend(el("script", { type: "application/json", text: JSON.stringify(data[key]) }));
    });
  };
  restoreData();

  window.Kurs = window.Kurs || {};
  window.Kurs.dom = { el, svg, shuffled, seededRandom, newSeed, hash, focusFirstControl };
})();

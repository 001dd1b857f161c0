/* KAM-Kurs: the search page's ranking, one hit per page, and excerpts.
 *
 * Loaded on search.html only, after Sphinx's searchtools.js and before the
 * search runs (Sphinx starts it on DOMContentLoaded, after deferred scripts).
 * Excerpts come from window.courseSearchTexts (kurs-suchtexte.js, written by
 * exercises/sphinx/search.py), because Sphinx's own excerpts fetch every page
 * and browsers refuse that on file:// pages.
 */
(() => {
  "use strict";
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;

  /* Sphinx's German catalogue translates the line after the results as an
   * empty string, so readers never learnt how many pages matched. */
  const FINISHED = "Search finished, found ${resultCount} page(s) matching the search query.";
  if (typeof Documentation !== "undefined" && !Documentation.TRANSLATIONS[FINISHED]) {
    Documentation.TRANSLATIONS[FINISHED] = "Suche abgeschlossen: ${resultCount} Seite(n) gefunden.";
  }

  const EXCERPT_LENGTH = 240;
  const GLOSSARY_ANCHOR = "#term-";

  /* A glossary term explains a word; a chapter with that word in its title
   * teaches it. Sphinx scores a term hit up to 100 and a title hit 15, so a
   * term hit is capped just below a title hit and stays above plain text hits. */
  const rankedScore = ([, , anchor, , score]) =>
    anchor.startsWith(GLOSSARY_ANCHOR) ? Math.min(score, Scorer.title - 1) : score;
  Scorer.score = rankedScore;

  /* Where each shown link leads: href -> [page, anchor], filled per search. */
  const targets = new Map();
  let searchWords = [];

  /* Sphinx lists the best hit last. Keep only the best hit of every page, so
   * the glossary (a term hit and a text hit) shows up once. */
  const bestHitPerPage = (results) => {
    const seen = new Set();
    return results.slice().reverse().filter(([page]) => {
      if (seen.has(page)) return false;
      seen.add(page);
      return true;
    }).reverse();
  };

  const findResults = Search._performSearch;
  Search._performSearch = (query, stems, excluded, words, ...rest) => {
    const results = bestHitPerPage(findResults(query, stems, excluded, words, ...rest));
    // Stems find inflected forms ("Gehälter" → "gehalt"), the typed words the rest.
    searchWords = [...new Set([...stems, ...words])].filter((word) => word.length > 1);
    targets.clear();
    results.forEach(([page, , anchor]) => {
      targets.set(page + DOCUMENTATION_OPTIONS.LINK_SUFFIX + anchor, [page, anchor]);
    });
    return results;
  };

  const escapeForPattern = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /* A window of the text around the first search word, cut at spaces. */
  const excerptOf = (text, pattern) => {
    if (text.length <= EXCERPT_LENGTH) return text;
    const hit = pattern ? Math.max(0, text.search(pattern)) : 0;
    let start = Math.max(0, hit - EXCERPT_LENGTH / 3);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    let end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length) end = text.lastIndexOf(" ", end);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  };

  /* The excerpt as text nodes, the search words in <strong> (no colour alone). */
  const excerptParagraph = (text) => {
    const paragraph = document.createElement("p");
    paragraph.className = "context";
    const pattern = searchWords.length
      ? new RegExp(searchWords.map(escapeForPattern).join("|"), "i") : null;
    const excerpt = excerptOf(text, pattern);
    if (!pattern) {
      paragraph.textContent = excerpt;
      return paragraph;
    }
    const splitter = new RegExp(`(${pattern.source})`, "gi");
    excerpt.split(splitter).forEach((part, index) => {
      if (!part) return;
      // split() with a capturing group puts the matches at odd positions
      if (index % 2) paragraph.appendChild(document.createElement("strong")).textContent = part;
      else paragraph.appendChild(document.createTextNode(part));
    });
    return paragraph;
  };

  const addExcerpt = (item) => {
    const link = item.querySelector("a");
    const target = link && targets.get(link.getAttribute("href"));
    const texts = window.courseSearchTexts || {};
    if (!target || !texts[target[0]]) return;
    const [page, anchor] = target;
    const entry = texts[page];
    const text = entry.anchors[anchor.slice(1)] || entry.text;
    if (text) item.appendChild(excerptParagraph(text));
  };

  const results = document.getElementById("search-results");
  if (!results) return;
  new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
    if (node.nodeName === "LI") addExcerpt(node);
  }))).observe(results, { childList: true, subtree: true });
})();

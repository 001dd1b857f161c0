/* KAM-Kurs: spaced review ("Wiederholen").
 *
 * Every question checked in a chapter quiz, the exam or on the review page updates
 * one card in Kurs.progress, kind "review": { <card key>: [box, due day] }, the day
 * in whole days since 1970-01-01. The card key is a hash of the question id, at most
 * five characters (cardKey): with every question answered, the cards then still fit
 * SCORM 1.2 suspend_data beside the rest of the state.
 * A wrong answer (less than full points) puts the card in box 0, due the next day;
 * a right one moves it a box up: due after 3, 7, then every 21 days. A right answer
 * before the card is due changes nothing: right after the feedback it proves little.
 * exercises/quiz/review.py holds the same rule; tests check that both agree.
 *
 * The review page shows the questions due, answered as in a chapter quiz
 * (Kurs.quiz.practice); the progress page shows how many are due.
 */
(() => {
  "use strict";
  const { el, hash, focusFirstControl } = Kurs.dom;
  const KIND = "review";
  const INTERVALS = [1, 3, 7, 21]; // days until due again, by box
  const DAY_MS = 86400000;
  const ROUND = 10; // questions shown at once: a session of review stays short
  const PAGE = "wiederholen.html"; // the review page sits beside the progress page in book/

  /* The learner's calendar day as a day number, so that "tomorrow" starts at their midnight. */
  const today = () => {
    const now = new Date();
    return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
  };

  const formatDay = (day) => new Date(day * DAY_MS).toLocaleDateString("de-DE", { timeZone: "UTC" });

  /* FNV-1a of the id folded to 24 bits: at most five characters (see the head of this file). */
  const cardKey = (questionId) => {
    const full = hash(...Array.from(questionId, (c) => c.charCodeAt(0)));
    return (((full >>> 24) ^ full) & 0xffffff).toString(36);
  };

  const isCard = (card) => Array.isArray(card) && card.length === 2 && card.every(Number.isInteger) && card[0] >= 0;

  /* The card after a checked answer; `card` is undefined for a question never checked. */
  const nextCard = (card, correct, day) => {
    if (!correct) return [0, day + INTERVALS[0]];
    const [box, due] = isCard(card) ? card : [0, day];
    if (due > day) return card;
    const next = Math.min(box + 1, INTERVALS.length - 1);
    return [next, day + INTERVALS[next]];
  };

  /* Called by kurs-quiz.js with [question id, points 0..1] of each question checked: one
   * in a chapter quiz, all of them at once when an exam is handed in (saved in one go). */
  const record = (results) => {
    const cards = Kurs.progress.practice(KIND);
    const changes = {};
    results.forEach(([questionId, points]) => {
      const key = cardKey(questionId);
      const next = nextCard(cards[key], points === 1, today());
      if (next !== cards[key]) changes[key] = next;
    });
    if (Object.keys(changes).length) Kurs.progress.savePracticeEntries(KIND, changes);
  };

  /* Keys of the cards due on `day`, longest due first. */
  const dueKeys = (cards, day) => Object.keys(cards)
    .filter((id) => isCard(cards[id]) && cards[id][1] <= day)
    .sort((a, b) => cards[a][1] - cards[b][1]);

  /* The first day after `day` with cards due, and how many; null when there is none. */
  const nextDue = (cards, day) => {
    const later = Object.values(cards).filter((card) => isCard(card) && card[1] > day).map((card) => card[1]);
    if (!later.length) return null;
    const first = Math.min(...later);
    return { day: first, count: later.filter((d) => d === first).length };
  };

  const questionsWord = (n) => (n === 1 ? "1 Frage" : n + " Fragen");

  /* What is due, in words: for the review page and the progress page. */
  const summary = (cards, day) => {
    const due = dueKeys(cards, day).length;
    if (due) return "Heute fällig: " + questionsWord(due) + ".";
    const next = nextDue(cards, day);
    if (!next) return "Noch nichts zu wiederholen: Jede Frage, die Sie in einem Kapitel-Quiz oder im Abschlusstest prüfen, kommt hier wieder.";
    return "Heute ist nichts fällig. Als Nächstes am " + formatDay(next.day) + ": " + questionsWord(next.count) + ".";
  };

  /* ---------- the review page ---------- */

  const reviewPage = (target, data) => {
    const progress = Kurs.progress;
    const known = new Map(data.fragen.map((question) => [cardKey(question.id), question]));
    const chapterTitles = new Map(data.kapitel.map((chapter) => [chapter.id, chapter.titel]));
    // cards of questions the course no longer has would be counted but never shown
    Object.keys(progress.practice(KIND)).filter((key) => !known.has(key)).forEach((key) => progress.savePractice(KIND, key, null));

    const notice = progress.notice();
    if (notice) target.appendChild(notice);
    const statusLine = el("p", { className: "kurs-wiederholen-stand", role: "status" });
    const area = el("div", { className: "kurs-fragen" });
    const more = el("button", { type: "button", className: "kurs-knopf", text: "Weitere fällige Fragen", hidden: true });
    [statusLine, area, el("div", { className: "kurs-knoepfe" }, [more])].forEach((node) => target.appendChild(node));
    let shown = [];

    const update = () => {
      const cards = progress.practice(KIND);
      const open = shown.filter((question) => question.points === null).length;
      const dueLeft = dueKeys(cards, today()).length;
      if (!shown.length) statusLine.textContent = summary(cards, today());
      else if (open === shown.length) {
        statusLine.textContent = "Heute fällig: " + questionsWord(dueLeft) + (dueLeft > open ? ", hier die ersten " + open : "") + ".";
      } else if (open) statusLine.textContent = "Noch " + questionsWord(open) + " von " + shown.length + " in dieser Runde offen.";
      else if (dueLeft) statusLine.textContent = "Runde geschafft. Heute noch fällig: " + questionsWord(dueLeft) + ".";
      else statusLine.textContent = "Runde geschafft. " + summary(cards, today());
      more.hidden = open > 0 || dueLeft === 0;
    };

    const showRound = () => {
      area.textContent = "";
      const keys = dueKeys(progress.practice(KIND), today()).slice(0, ROUND);
      shown = Kurs.quiz.practice(area, keys.map((key) => known.get(key)), (question, what) => { if (what !== "input") update(); });
      shown.forEach((question) => {
        const title = chapterTitles.get(question.question.kapitel);
        if (title) question.element.insertBefore(el("p", { className: "kurs-wiederholen-kapitel", text: "Aus dem Kapitel „" + title + "“" }), question.body);
      });
      update();
    };

    more.addEventListener("click", () => {
      showRound();
      focusFirstControl(area);
    });
    showRound();
  };

  /* ---------- the part on the progress page ---------- */

  const progressPart = (state) => {
    const cards = state[KIND] || {};
    return el("p", { className: "kurs-wiederholen-stand" }, [
      document.createTextNode(summary(cards, today()) + " "),
      el("a", { href: PAGE, text: "Zum Wiederholen" })
    ]);
  };

  const start = () => {
    document.querySelectorAll("[data-kurs-wiederholen]").forEach((root) => {
      if (root.getAttribute("data-bereit")) return;
      let data;
      try { data = JSON.parse(root.querySelector("script[type='application/json']").textContent); } catch (e) { return; }
      const target = root.querySelector(".kurs-ziel");
      target.textContent = "";
      reviewPage(target, data);
      root.setAttribute("data-bereit", "ja");
    });
  };

  window.Kurs = window.Kurs || {};
  window.Kurs.review = { cardKey, nextCard, record, today };
  Kurs.progressPage.addPart("Wiederholen", progressPart);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* KAM-Kurs: the launch page of the SCORM package (scorm-start.html, written by
 * exercises/delivery/scorm.py). It stays open for the whole visit and shows the
 * course in a frame, so one LMS session spans every page: the SCORM API is found
 * once, Initialize runs once, and Finish/Terminate runs once when the learner
 * leaves. Pages never talk to the LMS: their progress module
 * (assets/kurs-fortschritt.js) finds `window.parent.kursLms`, takes the stored
 * state from it (LMS data wins over the browser's) and hands it every change.
 *
 * Without an LMS the frame shows the course as usual and nothing is reported.
 */
(() => {
  "use strict";
  const body = document.body;
  const version = body.dataset.scorm; // "1.2" | "2004"
  const startPage = body.dataset.start;
  const chapterQuizzes = (body.dataset.chapters || "").split(",").filter(Boolean);
  const frame = document.getElementById("kurs-rahmen");
  const started = Date.now();

  /* What the two versions call the same things. */
  const NAMES = {
    "1.2": {
      api: "API", initialize: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue",
      set: "LMSSetValue", commit: "LMSCommit", lastError: "LMSGetLastError",
      location: "cmi.core.lesson_location", exit: "cmi.core.exit", entry: "cmi.core.entry",
      sessionTime: "cmi.core.session_time", score: "cmi.core.score", response: "student_response",
      suspendLimit: 4096
    },
    "2004": {
      api: "API_1484_11", initialize: "Initialize", finish: "Terminate", get: "GetValue",
      set: "SetValue", commit: "Commit", lastError: "GetLastError",
      location: "cmi.location", exit: "cmi.exit", entry: "cmi.entry",
      sessionTime: "cmi.session_time", score: "cmi.score", response: "learner_response",
      suspendLimit: 64000
    }
  }[version];

  /* The standard search: up through the parents (at most 500 steps), then the
   * opener and its parents. A window of another origin ends the search there. */
  const searchUp = (start) => {
    let win = start;
    for (let steps = 0; win && steps < 500; steps += 1) {
      try {
        if (win[NAMES.api]) return win[NAMES.api];
      } catch (crossOrigin) {
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  };
  const findApi = () => {
    if (!NAMES) return null;
    const direct = searchUp(window.parent === window ? null : window.parent);
    if (direct) return direct;
    try {
      return window.opener ? searchUp(window.opener) : null;
    } catch (crossOrigin) {
      return null;
    }
  };

  const api = findApi();
  let connected = false;
  let finished = false;

  const call = (method, ...args) => {
    try {
      return String(api[NAMES[method]](...args));
    } catch (broken) {
      return "";
    }
  };
  const get = (element) => call("get", element);
  const set = (element, value) => call("set", element, String(value)) === "true";

  /* ---------- compact suspend_data ----------
   * JSON with ISO times as "~" + seconds in base 36 and fractions to three decimals,
   * deflated by the browser (CompressionStream) and written in base 64 after "z1:".
   * SCORM 1.2 allows 4,096 characters: tests/test_scorm_browser.py packs a learner
   * who did everything (about half of that). Deflating takes a moment; a learner who
   * leaves in that moment gets the state as plain JSON after "j1:" if it fits. */
  const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
  const SECONDS = /^~[0-9a-z]+$/;
  const mapLeaves = (value, leaf) => {
    if (Array.isArray(value)) return value.map((v) => mapLeaves(v, leaf));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, leaf)]));
    }
    return leaf(value);
  };
  const compact = (v) => {
    if (typeof v === "string" && ISO_TIME.test(v)) return "~" + Math.round(Date.parse(v) / 1000).toString(36);
    if (typeof v === "number" && !Number.isInteger(v)) return Math.round(v * 1000) / 1000;
    return v;
  };
  const expand = (v) => (typeof v === "string" && SECONDS.test(v) ? new Date(parseInt(v.slice(1), 36) * 1000).toISOString() : v);

  const through = async (text, stream) => new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(stream)).arrayBuffer());
  const encode = async (state) => {
    const bytes = await through(JSON.stringify(mapLeaves(state, compact)), new CompressionStream("deflate-raw"));
    let binary = "";
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return "z1:" + btoa(binary);
  };
  const encodePlain = (state) => "j1:" + JSON.stringify(mapLeaves(state, compact));
  const decode = async (text) => {
    if (text.startsWith("j1:")) return mapLeaves(JSON.parse(text.slice(3)), expand);
    if (!text.startsWith("z1:")) throw new Error("unbekanntes Format");
    const bytes = Uint8Array.from(atob(text.slice(3)), (c) => c.charCodeAt(0));
    const json = new TextDecoder().decode(await through(bytes, new DecompressionStream("deflate-raw")));
    return mapLeaves(JSON.parse(json), expand);
  };

  /* The packed state; if it is too long for SCORM 1.2, without the free texts, and then also
   * without the review cards. What is left out stays in this browser (see
   * assets/kurs-fortschritt.js); null if even the rest does not fit. */
  const LEAVE_OUT = [["workbook", "writing"], ["workbook", "writing", "review"]];
  const candidates = (state) => [state, ...LEAVE_OUT.map((kinds) => {
    const short = Object.assign({}, state, { textsLeftOut: true });
    kinds.forEach((kind) => { delete short[kind]; });
    return short;
  })];
  const fitting = async (state) => {
    for (const [index, candidate] of candidates(state).entries()) {
      if (index > 0) window.kursLms.textsLeftOut = true;
      const data = await encode(candidate);
      if (data.length <= NAMES.suspendLimit) return data;
    }
    return null;
  };
  const fittingPlain = (state) =>
    candidates(state).map(encodePlain).find((data) => data.length <= NAMES.suspendLimit) || null;

  /* ---------- what the LMS records ---------- */
  const examSummary = (state) => {
    const attempts = (state.exam && state.exam.attempts) || [];
    if (!attempts.length) return null;
    const best = attempts.reduce((a, b) => (b.pct > a.pct ? b : a));
    return { best: best.pct, passed: attempts.some((a) => a.passed) };
  };

  const reportStatus = (state) => {
    const exam = examSummary(state);
    if (exam) {
      set(NAMES.score + ".min", 0);
      set(NAMES.score + ".max", 100);
      set(NAMES.score + ".raw", exam.best);
    }
    if (version === "1.2") {
      set("cmi.core.lesson_status", !exam ? "incomplete" : exam.passed ? "passed" : "failed");
      return;
    }
    if (exam) set("cmi.score.scaled", (exam.best / 100).toFixed(2));
    const quizzesDone = chapterQuizzes.every((id) => state.chapters && state.chapters[id]);
    set("cmi.completion_status", quizzesDone && exam ? "completed" : "incomplete");
    set("cmi.success_status", !exam ? "unknown" : exam.passed ? "passed" : "failed");
  };

  /* One interaction per exam question answered: how each answer is written
   * differs by question type and SCORM version. */
  const letter = (index) => String.fromCharCode(97 + index);
  const RESPONSES = {
    einfachauswahl: ["choice", (a) => letter(a), (a) => letter(a)],
    mehrfachauswahl: ["choice", (a) => a.map(letter).join(","), (a) => a.map(letter).join("[,]")],
    "wahr-falsch": ["true-false", (a) => (a === "wahr" ? "t" : "f"), (a) => (a === "wahr" ? "true" : "false")],
    zahl: ["numeric", (a) => String(a), (a) => String(a)],
    reihenfolge: ["sequencing", (a) => a.map(letter).join(","), (a) => a.map(letter).join("[,]")],
    zuordnung: ["matching", (a) => a.map((t, i) => `${i + 1}.${letter(t)}`).join(","),
      (a) => a.map((t, i) => `${letter(i)}[.]${letter(t)}`).join("[,]")]
  };
  const resultWord = (points) => {
    if (points === 1) return "correct";
    if (points === 0) return version === "1.2" ? "wrong" : "incorrect";
    return points.toFixed(2);
  };
  const reportInteractions = (items) => {
    let index = Number(get("cmi.interactions._count")) || 0;
    items.forEach((item) => {
      const kind = RESPONSES[item.type];
      if (!kind || item.answer === null || item.answer === undefined) return;
      const prefix = `cmi.interactions.${index}.`;
      set(prefix + "id", item.id);
      set(prefix + "type", kind[0]);
      set(prefix + NAMES.response, (version === "1.2" ? kind[1] : kind[2])(item.answer));
      set(prefix + "result", resultWord(item.points));
      index += 1;
    });
  };

  /* Status, score and answers are set and committed at once; the packed state follows
   * as soon as the browser has deflated it (in order, one after the other). `unpacked`
   * is the newest state not yet written, for a learner who leaves before that. */
  let packing = Promise.resolve();
  let unpacked = null;
  const record = (event, state) => {
    if (!connected || finished) return;
    reportStatus(state);
    if (event && event.type === "exam" && Array.isArray(event.items)) reportInteractions(event.items);
    call("commit", "");
    unpacked = state;
    packing = packing.then(() => fitting(state)).then((data) => {
      if (finished) return;
      if (unpacked === state) unpacked = null;
      if (data === null) return;
      set("cmi.suspend_data", data);
      call("commit", "");
    }).catch(() => { /* the state stays as last saved */ });
  };

  /* ---------- the session ---------- */
  const twoDigits = (n) => String(n).padStart(2, "0");
  const sessionTime = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return version === "1.2" ? `${twoDigits(h)}:${twoDigits(m)}:${twoDigits(s)}` : `PT${h}H${m}M${s}S`;
  };

  const finish = () => {
    if (!connected || finished) return;
    const plain = unpacked && fittingPlain(unpacked);
    if (plain) set("cmi.suspend_data", plain);
    set(NAMES.sessionTime, sessionTime());
    set(NAMES.exit, "suspend");
    call("commit", "");
    call("finish", "");
    finished = true;
  };

  /* Starts the session, reads what the LMS kept, then opens the course in the frame:
   * its progress module takes `kursLms.state` when it loads. */
  const launch = async () => {
    let savedState = null;
    let savedPage = "";
    if (api && call("initialize", "") === "true") {
      connected = true;
      // 2004 answers "not initialized" (403) for suspend_data on a first launch: ask only on resume.
      const resuming = version === "1.2" || get(NAMES.entry) === "resume";
      const stored = resuming ? get("cmi.suspend_data") : "";
      if (stored) savedState = await decode(stored).catch(() => null);
      savedPage = resuming ? get(NAMES.location) : "";
      if (!stored) set(version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
    }
    window.kursLms = { connected, state: savedState, record, encode, decode, fitting, textsLeftOut: false };
    const safePage = /^[\w\-/.]+\.html$/.test(savedPage) && !savedPage.includes("..") ? savedPage : startPage;
    frame.src = safePage;
  };

  /* The last page becomes the location; a relaunch opens it again (only a page of this package). */
  const folder = location.pathname.replace(/[^/]*$/, "");
  frame.addEventListener("load", () => {
    let page = "";
    try { page = frame.contentWindow.location.pathname; } catch (elsewhere) { return; }
    if (connected && !finished && page.startsWith(folder)) {
      set(NAMES.location, page.slice(folder.length));
      document.title = frame.contentDocument.title || document.title;
    }
  });
  launch();
  window.addEventListener("pagehide", finish);
})();

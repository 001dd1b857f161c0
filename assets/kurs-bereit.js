/* KAM-Kurs: the performance mark "kurs:bereit" once every exercise is usable.
 *
 * Loaded as the last deferred script. Each exercise script starts its
 * exercises on DOMContentLoaded; listeners run in the order they were added,
 * so this one runs after all of them. Tests and tests/benchmark.py read the mark.
 */
(() => {
  "use strict";
  const markReady = () => performance.mark("kurs:bereit");
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markReady);
  else markReady();
})();

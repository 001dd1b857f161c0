/* KAM-Kurs: the performance mark "kurs:bereit" once every exercise is usable.
 *
 * Loaded as the last deferred script. Exercise scripts start their exercises
 * either right away or on DOMContentLoaded; listeners run in the order they
 * were added, so a listener added here runs after all of theirs. Tests and
 * tests/benchmark.py read the mark.
 */
(() => {
  "use strict";
  const markReady = () => performance.mark("kurs:bereit");
  const [navigation] = performance.getEntriesByType("navigation");
  // Deferred scripts run before DOMContentLoaded; loaded any later, there is nothing left to wait for.
  if (navigation && navigation.domContentLoadedEventStart > 0) markReady();
  else document.addEventListener("DOMContentLoaded", markReady);
})();

/* KAM-Kurs: keep the course usable offline after the first visit.
 *
 * Over http(s) this registers the site's service worker (kurs-sw.js at the
 * site's root), which caches every page and file. Pages opened from the file
 * system need no copy and cannot have a worker, so there it does nothing.
 */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  // The theme writes the way from this page to the site's root into <html>.
  const root = document.documentElement.dataset.content_root || "./";
  // After the page has loaded, so that caching the site never slows down its first view.
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(`${root}kurs-sw.js`).catch(() => {
      // Without a worker (private mode, blocked storage) the course works online as before.
    });
  });
})();

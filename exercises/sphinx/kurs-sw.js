/* KAM-Kurs service worker: the whole site, cached on the first visit over http(s).
 *
 * offline.py writes this file to the site's root with BUILD (the build's
 * version and every file a page needs) in front. A new build has a new
 * version: the browser installs the new worker, which fills a new cache and
 * deletes the old one, so a trainee never mixes pages of two builds.
 */
const CACHE_PREFIX = "kam-kurs-";
const CACHE = `${CACHE_PREFIX}${BUILD.version}`;

self.addEventListener("install", (event) => {
  // "reload" skips the browser's HTTP cache, which may still hold the last build's files
  const requests = BUILD.files.map((file) => new Request(file, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(requests))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// Cache first: pages and files carry ?v= and ?digest= for the browser's cache and
// the calculator keeps its inputs in the address, so the query does not pick the file.
self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((cached) => cached || fetch(request)));
});

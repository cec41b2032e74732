/**
 * Keeps the agents' app itself (HTML, scripts, styles of one build) on the device so it opens
 * without network. It never stores API answers: the data of prepared files lives in the app's own
 * IndexedDB store, which sign-out wipes (docs/decisions/022).
 */

// The few service-worker types used here (the webworker lib cannot share a program with the DOM one).
type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  location: Location;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};
const sw = self as unknown as WorkerScope;
/** Replaced at build time by the list of the build's files and a name unique to the build. */
declare const __PRECACHE__: { cacheName: string; files: string[] };

const { cacheName, files } = __PRECACHE__;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      // A new build waits until every tab of the old one is closed: a running page keeps the files it was built with.
      .then((cache) => cache.addAll(files)),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== cacheName).map((n) => caches.delete(n))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  // Every page of the app is the same document; the router draws the page from the address.
  const cached = request.mode === 'navigate' ? caches.match('/index.html') : caches.match(request);
  event.respondWith(cached.then((hit) => hit ?? fetch(request)));
});

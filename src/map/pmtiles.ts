/**
 * MapLibre's worker, and tile archives on the map: the `pmtiles://` protocol (archiveProtocol.ts) is
 * registered on the page, where MapLibre asks for an archive's TileJSON, and in the worker, where it asks
 * for tiles (mapWorker.ts: MapLibre's worker with the protocol).
 *
 * A `pmtiles://` URL names its archive from the site's root (archives.ts archiveUrl): the worker resolves
 * a URL against its own script's, not the page's.
 */
import { addProtocol, prewarm, setWorkerUrl } from 'maplibre-gl';
// An ES module named .mjs, as MapLibre's own worker is (see vite.config.ts `worker`).
import workerUrl from './mapWorker.ts?worker&url';
import { archiveProtocol } from './archiveProtocol';

let started = false;

/**
 * Starts MapLibre's worker, ours (mapWorker.ts), and registers the protocol on the page; once. Called as
 * the page's script starts (main.ts), the worker loads while the page is built, not after the map is made.
 */
export function startMapWorker(): void {
  if (started) return;
  started = true;
  setWorkerUrl(workerUrl);
  addProtocol('pmtiles', archiveProtocol());
  prewarm();
}

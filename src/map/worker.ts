/**
 * MapLibre's worker: ours (mapWorker.ts), MapLibre's with the `pmtiles://` protocol, which reads every
 * tile from its archive in the worker. The page never reads an archive: each source names its archive's
 * tiles and zooms (archives.ts archiveSource), so MapLibre asks the page for no TileJSON either.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
// An ES module named .mjs, as MapLibre's own worker is (see vite.config.ts `worker`).
import workerUrl from './mapWorker.ts?worker&url';

let started = false;

/**
 * Starts MapLibre's worker, once. Called as the page's script starts (main.ts), the worker loads while the
 * page is built, not after the map is made.
 */
export function startMapWorker(): void {
  if (started) return;
  started = true;
  setWorkerUrl(workerUrl);
  prewarm();
}

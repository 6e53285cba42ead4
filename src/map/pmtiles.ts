/**
 * Tile archives (PMTiles, written at build time by src/tiles/) read by MapLibre through the `pmtiles`
 * package: a source's `pmtiles://…` URL is answered with HTTP Range requests to the page's own origin,
 * and gzip-compressed tiles are opened with the browser's DecompressionStream (no WebAssembly, so the
 * CSP needs no wasm-unsafe-eval).
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

/** Registers the pmtiles:// protocol with MapLibre, once per page. */
export function usePmtiles(): void {
  if (registered) return;
  addProtocol('pmtiles', new Protocol().tile);
  registered = true;
}

/** The source URL of an archive served by this app, at `path` under the site's base (e.g. data/tiles/region.pmtiles). */
export const pmtilesUrl = (path: string, base: string = import.meta.env.BASE_URL): string => `pmtiles://${base}${path}`;

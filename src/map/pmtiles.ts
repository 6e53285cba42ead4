/**
 * Tile archives (PMTiles, written at build time by src/tiles/) read by MapLibre through the `pmtiles`
 * package: a source's `pmtiles://…` URL is answered with HTTP Range requests to the page's own origin,
 * and gzip-compressed tiles are opened with the browser's DecompressionStream (no WebAssembly, so the
 * CSP needs no wasm-unsafe-eval).
 *
 * Each archive's ranges are fetched past the browser's HTTP cache (NoStoreSource): the server asks for
 * revalidation (no-cache) and its ETags are weak, so Chromium revalidates the parts of an archive it
 * keeps with If-Range and If-None-Match, and the answers are the whole file (200, which If-Range with a
 * weak validator calls for) or a 304 that Chromium hands on as a 200: the pmtiles reader refuses both.
 */
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';

class NoStoreSource implements Source {
  constructor(private readonly url: string) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const response = await fetch(this.url, {
      signal,
      cache: 'no-store',
      headers: { range: `bytes=${offset}-${offset + length - 1}` },
    });
    const size = Number(response.headers.get('content-length') ?? NaN);
    // 206; or 200 for a file no longer than the range. A whole archive for each tile would only be slow.
    if (response.status !== 206 && !(response.status === 200 && size <= length))
      throw new Error(`${this.url}: the server answered ${response.status} to a Range request: it must answer 206`);
    return { data: await response.arrayBuffer() };
  }
}

let protocol: Protocol | null = null;

/** Registers the pmtiles:// protocol with MapLibre, once per page. */
export function usePmtiles(): void {
  if (protocol) return;
  protocol = new Protocol();
  addProtocol('pmtiles', protocol.tile);
}

/** The source URL of an archive served by this app, at `path` under the site's base (e.g. data/tiles/region.pmtiles). */
export const pmtilesUrl = (path: string, base: string = import.meta.env.BASE_URL): string => `pmtiles://${base}${path}`;

/** Readies the archive at `url` (a path on this origin) and returns its pmtiles:// source URL. */
export function useArchive(url: string): string {
  usePmtiles();
  if (!protocol!.get(url)) protocol!.add(new PMTiles(new NoStoreSource(url)));
  return `pmtiles://${url}`;
}

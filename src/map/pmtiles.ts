/**
 * Tile archives (PMTiles, written at build time by src/tiles/) read by MapLibre through the `pmtiles`
 * package: a source's `pmtiles://…` URL is answered with HTTP Range requests to the page's own origin,
 * and gzip-compressed tiles are opened with the browser's DecompressionStream (no WebAssembly, so the
 * CSP needs no wasm-unsafe-eval).
 *
 * Each archive is read through ArchiveSource, which fetches as io/fetch.ts does for the JSON files, so a
 * failure is said in the same words; MapLibre reports it as the source's error.
 */
import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
import { PMTILES } from '../basemap/archives';
import { fetchData } from '../io/fetch';

class ArchiveSource implements Source {
  constructor(private readonly url: string) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const response = await fetchData(this.url, { signal, headers: { range: `bytes=${offset}-${offset + length - 1}` } });
    const data = await response.arrayBuffer();
    // A server that ignores Range sends the whole archive for every tile: refuse it rather than be slow.
    if (response.status !== 206 && data.byteLength > length)
      throw new Error(`the server sent ${data.byteLength} bytes for a Range request of ${length}: it must answer Range (206)`);
    return {
      data,
      etag: response.headers.get('etag') ?? undefined,
      cacheControl: response.headers.get('cache-control') ?? undefined,
      expires: response.headers.get('expires') ?? undefined,
    };
  }
}

let protocol: Protocol | null = null;

/**
 * Readies the archive a style names as `pmtiles://<url>` (archiveUrl): registers the pmtiles:// protocol
 * with MapLibre on first use, and reads the archive through ArchiveSource. Call before the map asks for it.
 */
export function useArchive(sourceUrl: string): void {
  if (!sourceUrl.startsWith(PMTILES)) throw new Error(`not a pmtiles:// URL: ${sourceUrl}`);
  if (!protocol) {
    protocol = new Protocol();
    // The package types its TileJSON answer as unknown; it is the TileJSON MapLibre asked for.
    addProtocol('pmtiles', protocol.tilev4 as AddProtocolAction);
  }
  const url = sourceUrl.slice(PMTILES.length);
  if (!protocol.get(url)) protocol.add(new PMTiles(new ArchiveSource(url)));
}

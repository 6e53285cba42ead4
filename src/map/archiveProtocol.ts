/**
 * The `pmtiles://` protocol: tile archives (PMTiles, written at build time by src/tiles/) read with the
 * `pmtiles` package, through HTTP Range requests to the page's own origin. Gzip-compressed tiles are opened
 * with the browser's DecompressionStream (no WebAssembly, so the CSP needs no wasm-unsafe-eval).
 *
 * Run in MapLibre's worker (mapWorker.ts), where MapLibre asks for tiles; the page never reads an archive
 * (worker.ts). No `maplibre-gl` here but its types.
 *
 * Each archive is read through ArchiveSource, which fetches as io/fetch.ts does for the JSON files, so a
 * failure is said in the same words; MapLibre reports it as the source's error.
 */
import type { AddProtocolAction } from 'maplibre-gl';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
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

/** `pmtiles://<archive>` (its TileJSON) or `pmtiles://<archive>/z/x/y` (a tile). */
const REQUEST = /^pmtiles:\/\/(.+?)(?:\/\d+\/\d+\/\d+)?$/;

/**
 * The protocol's handler: each archive a request names is opened on first use, read through ArchiveSource,
 * and kept (its header and directories are cached by the package).
 */
export function archiveProtocol(): AddProtocolAction {
  const protocol = new Protocol();
  return (params, abortController) => {
    const url = REQUEST.exec(params.url)?.[1];
    if (!url) throw new Error(`not a pmtiles:// URL: ${params.url}`);
    if (!protocol.get(url)) protocol.add(new PMTiles(new ArchiveSource(url)));
    // The package types its TileJSON answer as unknown; it is the TileJSON MapLibre asked for.
    return (protocol.tilev4 as AddProtocolAction)(params, abortController);
  };
}

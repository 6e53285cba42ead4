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
import { Compression, PMTiles, Protocol, SharedPromiseCache, type RangeResponse, type Source } from 'pmtiles';
import { errorText, fetchData } from '../io/fetch';

export class ArchiveSource implements Source {
  constructor(
    private readonly url: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const first = await this.read(offset, length, signal);
    if (!first.short) return first.answer;
    // A body shorter than its own Content-Range. Seen in the end-to-end tests on a loaded machine as "0 bytes
    // of a tile or directory are not valid gzip", on pages whose camera kept moving while the map cancelled
    // reads of the same archive; not reproduced on demand. The server sends whole bodies (its tests count
    // them), so the likely source is the browser's HTTP cache, which keeps ranges of an archive apart and
    // answers a range again from its copy. Asked once more past that cache; a second short answer is an
    // error that says so.
    const again = await this.read(offset, length, signal, 'no-store');
    if (again.short) throw new Error(`bytes ${offset}-${offset + length - 1}: ${again.short}, twice`);
    return again.answer;
  }

  /** One Range read. `short`: the body was shorter than the Content-Range it came with (said how). */
  private async read(
    offset: number,
    length: number,
    signal: AbortSignal | undefined,
    cache?: RequestCache,
  ): Promise<{ answer: RangeResponse; short: string | null }> {
    const [first, last] = [offset, offset + length - 1];
    const range = `bytes ${first}-${last}`;
    const init: RequestInit = { signal, headers: { range: `bytes=${first}-${last}` }, ...(cache ? { cache } : {}) };
    const response = await fetchData(this.url, init, this.fetchFn);
    // The answer must be of the bytes asked for: a tile read from other bytes would fail later, as bad gzip
    // or a broken tile, with no word of where it came from.
    const answered = response.headers.get('content-range');
    if (response.status === 206 && !answered?.startsWith(`bytes ${first}-`))
      throw new Error(`${range}: the server answered with ${answered ? answered : 'no Content-Range'}`);
    let data: ArrayBuffer;
    try {
      data = await response.arrayBuffer();
    } catch (err) {
      if (signal?.aborted) throw err;
      // The headers came and the body broke off. Chromium says only "Failed to fetch" for that.
      throw new Error(`${range}: the answer broke off (${errorText(err)})`, { cause: err });
    }
    // Cancelled while the body came: whatever came is not the tile.
    signal?.throwIfAborted();
    // A server that ignores Range sends the whole archive for every tile: refuse it rather than be slow.
    // Bytes past those asked for would read as junk after a tile's gzip.
    if (data.byteLength > length)
      throw new Error(
        response.status === 206
          ? `${range}: the server sent ${data.byteLength} bytes`
          : `the server sent ${data.byteLength} bytes for a Range request of ${length}: it must answer Range (206)`,
      );
    const span = response.status === 206 ? /^bytes (\d+)-(\d+)\//.exec(answered!) : null;
    const promised = span ? Number(span[2]) - Number(span[1]) + 1 : null;
    return {
      answer: {
        data,
        etag: response.headers.get('etag') ?? undefined,
        cacheControl: response.headers.get('cache-control') ?? undefined,
        expires: response.headers.get('expires') ?? undefined,
      },
      short:
        promised !== null && data.byteLength < promised
          ? `${data.byteLength} bytes came of the ${promised} of ${answered}`
          : null,
    };
  }
}

/**
 * Opens a tile or a directory of an archive (the archives of src/tiles/ gzip both). The stream is read
 * here rather than through a Response, which Chromium fails with "Failed to fetch" whatever went wrong.
 */
export async function gunzip(data: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return data;
  if (compression !== Compression.Gzip)
    throw new Error(`the archive is compressed with ${Compression[compression]}; only gzip is read (src/tiles/ writes gzip)`);
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      size += r.value.byteLength;
    }
  } catch (err) {
    throw new Error(`${data.byteLength} bytes of a tile or directory are not valid gzip (${errorText(err)})`, { cause: err });
  }
  const out = new Uint8Array(size);
  chunks.reduce((at, c) => (out.set(c, at), at + c.byteLength), 0);
  return out.buffer;
}

/**
 * An archive as the map reads it: through ArchiveSource, its directories (opened by the package's cache)
 * and its tiles opened with gunzip.
 */
export function openArchive(url: string, fetchFn: typeof fetch = fetch): PMTiles {
  return new PMTiles(new ArchiveSource(url, fetchFn), new SharedPromiseCache(100, true, gunzip), gunzip);
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
    if (!protocol.get(url)) protocol.add(openArchive(url));
    // The package types its TileJSON answer as unknown; it is the TileJSON MapLibre asked for.
    return (protocol.tilev4 as AddProtocolAction)(params, abortController);
  };
}

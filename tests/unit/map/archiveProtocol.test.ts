/**
 * Reading a tile archive in the map's worker (src/map/archiveProtocol.ts): the app's Range reads and its
 * gunzip give the tiles the `pmtiles` package reads on its own, and each way a read goes wrong is said
 * with the bytes it concerns.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Compression } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { archiveReader } from '../../support/helpers';
import { ArchiveSource, gunzip, openArchive } from '../../../src/map/archiveProtocol';

const archive = new Uint8Array(readFileSync('geodata/tiles/world.pmtiles'));

/** A server's answers to Range requests for `file`, as src/server/serve.ts gives them. */
function rangeServer(file: Uint8Array): typeof fetch {
  return async (_url, init) => {
    const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init?.headers).get('range')!)!;
    const last = Math.min(Number(b), file.length - 1);
    return new Response(file.slice(Number(a), last + 1), {
      status: 206,
      headers: { 'content-type': 'application/vnd.pmtiles', 'content-range': `bytes ${a}-${last}/${file.length}` },
    });
  };
}

const bytes = (b: ArrayBuffer | undefined) => Buffer.from(new Uint8Array(b!));

describe('ArchiveSource and gunzip', () => {
  it('read the tiles of the real world archive as the pmtiles package reads them alone', async () => {
    const ours = openArchive('/data/tiles/world.pmtiles', rangeServer(archive));
    const theirs = archiveReader(archive);
    const header = await ours.getHeader();
    expect(header.tileCompression).toBe(Compression.Gzip);
    let compared = 0;
    for (const [z, x, y] of [
      [0, 0, 0],
      [3, 4, 2],
      [4, 9, 5],
    ]) {
      const want = await theirs.getZxy(z, x, y);
      expect(want, `tile ${z}/${x}/${y} is in the archive`).toBeDefined();
      expect(bytes((await ours.getZxy(z, x, y))?.data)).toEqual(bytes(want!.data));
      compared++;
    }
    expect(compared).toBe(3);
  });

  it('opens the directories with gunzip too: a broken one is named', async () => {
    const header = await archiveReader(archive).getHeader();
    const broken = archive.slice();
    broken.fill(7, header.rootDirectoryOffset, header.rootDirectoryOffset + header.rootDirectoryLength);
    await expect(archiveReader(broken).getZxy(0, 0, 0)).rejects.toThrow();
    const ours = openArchive('/w.pmtiles', rangeServer(broken));
    await expect(ours.getZxy(0, 0, 0)).rejects.toThrow(
      `${header.rootDirectoryLength} bytes of a tile or directory are not valid gzip`,
    );
  });

  it('refuses an answer of other bytes than were asked for', async () => {
    const wrong: typeof fetch = async () =>
      new Response(archive.slice(0, 10), { status: 206, headers: { 'content-range': `bytes 0-9/${archive.length}` } });
    await expect(new ArchiveSource('/w.pmtiles', wrong).getBytes(100, 10)).rejects.toThrow(
      'bytes 100-109: the server answered with bytes 0-9/',
    );
    const more: typeof fetch = async () =>
      new Response(archive.slice(100, 120), { status: 206, headers: { 'content-range': `bytes 100-119/${archive.length}` } });
    await expect(new ArchiveSource('/w.pmtiles', more).getBytes(100, 10)).rejects.toThrow(
      'bytes 100-109: the server sent 20 bytes',
    );
    const none: typeof fetch = async () => new Response(archive.slice(100, 110), { status: 206 });
    await expect(new ArchiveSource('/w.pmtiles', none).getBytes(100, 10)).rejects.toThrow(
      'bytes 100-109: the server answered with no Content-Range',
    );
  });

  it('says which bytes broke off after the headers, and passes an abort on as it is', async () => {
    const breaking =
      (controller?: AbortController): typeof fetch =>
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(new Uint8Array(4));
              if (controller) controller.abort();
              c.error(controller ? new DOMException('aborted', 'AbortError') : new TypeError('connection reset'));
            },
          }),
          { status: 206, headers: { 'content-range': 'bytes 20-29/100' } },
        );
    await expect(new ArchiveSource('/w.pmtiles', breaking()).getBytes(20, 10)).rejects.toThrow(
      'bytes 20-29: the answer broke off (connection reset)',
    );
    const controller = new AbortController();
    await expect(new ArchiveSource('/w.pmtiles', breaking(controller)).getBytes(20, 10, controller.signal)).rejects.toThrow(
      /^aborted$/,
    );
  });

  it('asks once more past the HTTP cache for a body shorter than its Content-Range, and names one short twice', async () => {
    /** Answers with the bytes asked for, the first `short` times with none of them; records each request's cache mode. */
    const shortThen = (short: number) => {
      const asked: (RequestCache | undefined)[] = [];
      const fetchFn: typeof fetch = async (url, init) => {
        asked.push(init?.cache);
        const whole = await rangeServer(archive)(url, init);
        return asked.length <= short ? new Response(new Uint8Array(0), { status: 206, headers: whole.headers }) : whole;
      };
      return { asked, fetchFn };
    };
    const once = shortThen(1);
    const answer = await new ArchiveSource('/w.pmtiles', once.fetchFn).getBytes(100, 10);
    expect(bytes(answer.data)).toEqual(Buffer.from(archive.slice(100, 110)));
    expect(once.asked).toEqual([undefined, 'no-store']);
    const twice = shortThen(2);
    await expect(new ArchiveSource('/w.pmtiles', twice.fetchFn).getBytes(100, 10)).rejects.toThrow(
      `bytes 100-109: 0 bytes came of the 10 of bytes 100-109/${archive.length}, twice`,
    );
    // Shorter than asked but whole by its Content-Range (the header's read past the end of a small archive): taken.
    const small = archive.slice(0, 50);
    const end = await new ArchiveSource('/s.pmtiles', rangeServer(small)).getBytes(0, 16384);
    expect(end.data.byteLength).toBe(50);
  });

  it('passes on an abort that came while the body was read, whatever the body held', async () => {
    const controller = new AbortController();
    const abortedAfter: typeof fetch = async (url, init) => {
      const whole = await rangeServer(archive)(url, init);
      const body = await whole.arrayBuffer();
      controller.abort();
      return new Response(body, { status: 206, headers: whole.headers });
    };
    await expect(new ArchiveSource('/w.pmtiles', abortedAfter).getBytes(100, 10, controller.signal)).rejects.toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('refuses a whole archive sent for a range', async () => {
    const whole: typeof fetch = async () => new Response(archive, { status: 200 });
    await expect(new ArchiveSource('/w.pmtiles', whole).getBytes(0, 16384)).rejects.toThrow(
      `the server sent ${archive.length} bytes for a Range request of 16384: it must answer Range (206)`,
    );
  });

  it('gunzip opens gzip, passes uncompressed bytes, and names bytes that are not gzip', async () => {
    const text = 'Kyiv, Rostov-on-Don, Minsk '.repeat(500);
    const packed = gzipSync(text);
    const opened = await gunzip(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength), Compression.Gzip);
    expect(new TextDecoder().decode(opened)).toBe(text);
    const plain = new Uint8Array([1, 2, 3]).buffer;
    expect(await gunzip(plain, Compression.None)).toBe(plain);
    await expect(gunzip(new Uint8Array(40).fill(7).buffer, Compression.Gzip)).rejects.toThrow(
      /^40 bytes of a tile or directory are not valid gzip \(.+\)$/,
    );
    // Cut short: what a range that broke off unnoticed would give.
    const cut = packed.subarray(0, packed.length - 20);
    await expect(gunzip(cut.buffer.slice(cut.byteOffset, cut.byteOffset + cut.byteLength), Compression.Gzip)).rejects.toThrow(
      `${cut.length} bytes of a tile or directory are not valid gzip`,
    );
    await expect(gunzip(plain, Compression.Brotli)).rejects.toThrow('the archive is compressed with Brotli; only gzip is read');
  });
});

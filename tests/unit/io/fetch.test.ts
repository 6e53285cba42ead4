/**
 * Fetching the app's data files (src/io/fetch.ts): each way a request can fail becomes words a reader can
 * act on, and an abort stays an abort. The loaders add the file's name (tests/unit/story/load.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { errorText, fetchData, fetchJson } from '../../../src/io/fetch';

/** A fetch that answers every request with `make()`. */
const answering =
  (make: () => Response | Promise<Response>): typeof fetch =>
  async () =>
    make();
const json = (body: string, type = 'application/json') => new Response(body, { headers: { 'content-type': type } });

describe('fetchData', () => {
  it('gives the response of a data file', async () => {
    const r = await fetchData(
      '/data/story.json',
      {},
      answering(() => json('{"a":1}')),
    );
    expect(await r.json()).toEqual({ a: 1 });
  });

  it('says there was no answer, with the reason, where the request itself failed', async () => {
    const refused = answering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchData('/data/story.json', {}, refused)).rejects.toThrow('could not be fetched (Failed to fetch)');
  });

  it('says what the server answered, for an error status', async () => {
    const missing = answering(() => new Response('nope', { status: 404, statusText: 'Not Found' }));
    await expect(fetchData('/x.json', {}, missing)).rejects.toThrow(/^the server answered 404 Not Found$/);
    const bare = answering(() => new Response('', { status: 503 }));
    await expect(fetchData('/x.json', {}, bare)).rejects.toThrow(/^the server answered 503$/);
  });

  it('refuses a web page where data was asked for (an error page, a server sending index.html)', async () => {
    const page = answering(() => json('<!doctype html><p>Not here</p>', 'text/html; charset=utf-8'));
    await expect(fetchData('/x.json', {}, page)).rejects.toThrow(/served as a web page \(text\/html\), not as data/);
  });

  it('passes an abort on as it is, so that a superseded request is not reported as a failure', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const aborting: typeof fetch = async () => {
      controller.abort();
      throw abort;
    };
    await expect(fetchData('/x.json', { signal: controller.signal }, aborting)).rejects.toBe(abort);
  });
});

describe('fetchJson', () => {
  it('parses the answer', async () => {
    expect(
      await fetchJson(
        '/x.json',
        answering(() => json('[1, 2]')),
      ),
    ).toEqual([1, 2]);
  });

  it('says what came when it is not JSON: its size and type, and that it may be cut short', async () => {
    const cut = answering(() => json('{"type": "Fea', 'application/geo+json'));
    await expect(fetchJson('/x.geojson', cut)).rejects.toThrow(
      'is not valid JSON (13 bytes of application/geo+json; truncated or corrupt?)',
    );
  });
});

describe('errorText', () => {
  it("is an Error's message, or the thrown value in words", () => {
    expect(errorText(new Error('disk full'))).toBe('disk full');
    expect(errorText('a string')).toBe('a string');
    expect(errorText(42)).toBe('42');
  });
});

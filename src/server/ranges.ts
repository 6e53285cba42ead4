/**
 * Conditional and partial answers for one file (RFC 9110 §13 and §14), for both servers that send the
 * app's files: the production server (serve.ts, whole files through sirv) and the development server's
 * data mounts (vite.config.ts). One function decides, so the two cannot answer a tile archive's Range
 * read differently. Parsing is left to the libraries Express's `send` is built on: `range-parser` for
 * Range (suffix ranges, "bytes=0-0", unsatisfiable ranges) and `fresh` for If-None-Match (with "*") and
 * If-Modified-Since. range-parser stays on 1.x: 2.0 asks for Node 22 (an engine warning on Node 20), and
 * the two cases 1.x reads otherwise than RFC 9110 (a reversed spec, a suffix longer than the file) are
 * handled before it, each with a test in tests/unit/server/data-mounts.test.ts.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import fresh from 'fresh';
import parseRange from 'range-parser';

/** What the answer depends on: the file's length and last modification. */
export interface Version {
  size: number;
  mtime: Date;
}

/** The validator of a file's own bytes, as sirv writes it for the file: its size and time in milliseconds. */
const etagOf = ({ size, mtime }: Version): string => `W/"${size}-${mtime.getTime()}"`;

/** Last-Modified: whole seconds, as HTTP dates are. */
const lastModifiedOf = ({ mtime }: Version): string => mtime.toUTCString();

/**
 * Whether an If-Range validator still names the file as it is: its ETag or its Last-Modified date.
 * The ETag is weak (sirv's, which Chromium sends back for a partly cached tile archive) where §13.1.5
 * asks for a strong one; refusing it would send the whole archive for each tile. The tag changes with
 * the file's size or modification time, so a stale part is never joined to a new file.
 */
function ifRangeHolds(ifRange: string, version: Version): boolean {
  const v = ifRange.trim();
  const tag = etagOf(version);
  return v === tag || v === tag.slice(2) || v === lastModifiedOf(version);
}

type Answer =
  | { status: 304 }
  | { status: 416 }
  | { status: 206; start: number; end: number }
  /** The whole file: no Range, a range it will not serve as asked (reversed, several, not bytes), or If-Range fails. */
  | { status: 200 };

/**
 * The answer to a GET or HEAD of a file that exists. A precondition comes before a range (§13.2.2), so a
 * 304 wins over a Range header; a malformed range or several are ignored (the whole file, as §14.2
 * allows); a range wholly past the end is 416.
 */
/** Whether any spec of a bytes Range header ends before it starts ("bytes=5-2"). */
const reversed = (range: string) =>
  [...range.replace(/^bytes=/, '').matchAll(/(?:^|,)\s*(\d+)\s*-\s*(\d+)\s*(?=,|$)/g)].some(([, a, b]) => Number(a) > Number(b));

export function answerFor(headers: IncomingHttpHeaders, version: Version): Answer {
  if (fresh(headers, { etag: etagOf(version), 'last-modified': lastModifiedOf(version) })) return { status: 304 };
  const range = headers.range;
  if (range === undefined) return { status: 200 };
  const ifRange = headers['if-range'] as string | undefined;
  if (ifRange !== undefined && !ifRangeHolds(ifRange, version)) return { status: 200 };
  // A spec whose last byte is before its first is invalid, not unsatisfiable (§14.1.1): the header is
  // ignored. range-parser 1 (2 asks for Node 22) drops such a spec as if it were past the end.
  if (reversed(range)) return { status: 200 };
  // A suffix longer than the file is the whole file, as a 206 (§14.1.2); range-parser 1 finds it past the
  // start and calls it unsatisfiable. Shortened to the file's length first, it is read as the spec says.
  const parsed = parseRange(
    version.size,
    range.replace(/(^bytes=|,)\s*-\s*(\d+)/g, (_m, lead: string, n: string) => `${lead}-${Math.min(Number(n), version.size)}`),
  );
  if (parsed === -2 || (parsed !== -1 && parsed.type !== 'bytes')) return { status: 200 };
  if (parsed === -1) return version.size === 0 ? { status: 200 } : { status: 416 };
  if (parsed.length > 1) return { status: 200 };
  return { status: 206, start: parsed[0].start, end: parsed[0].end };
}

/** The headers every answer about the file carries (a 304 too: §15.4.5). */
export function validatorHeaders(version: Version): Record<string, string> {
  return { ETag: etagOf(version), 'Last-Modified': lastModifiedOf(version), 'Accept-Ranges': 'bytes' };
}

/**
 * Sends a 304, 416 or 206 answer; the 206 reads the bytes with `read(start, end)` (inclusive). Returns
 * false, having sent nothing, when the answer is the whole file, which the caller sends its own way.
 */
export function sendPartial(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Answer,
  version: Version,
  contentType: string,
  read: (start: number, end: number) => Buffer | Readable,
): boolean {
  if (answer.status === 200) return false;
  const headers = validatorHeaders(version);
  if (answer.status === 304) {
    res.writeHead(304, headers);
    res.end();
  } else if (answer.status === 416) {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${version.size}`, 'Content-Length': 0 });
    res.end();
  } else {
    const { start, end } = answer;
    res.writeHead(206, {
      ...headers,
      'Content-Type': contentType,
      'Content-Range': `bytes ${start}-${end}/${version.size}`,
      'Content-Length': end - start + 1,
    });
    if (req.method === 'HEAD') res.end();
    else {
      const body = read(start, end);
      if (Buffer.isBuffer(body)) res.end(body);
      else body.on('error', (err) => res.destroy(err)).pipe(res);
    }
  }
  return true;
}

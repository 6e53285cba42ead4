/**
 * The data the reader's map fetches by name: the story's layers, the basemap's tile archives and the
 * labels' glyphs. The development server (vite.config.ts) and the editor's server (src/editor/server.ts)
 * serve them from here, and the build writes the same bytes into dist/, so the app reads exactly the
 * files the tests check (and no copy under public/ can drift from them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { glyphFile, LABEL_FONTS } from '../basemap/labelFonts';
import { fontGlyphs } from '../tiles/glyphs';
import { contentType } from './content-types';
import { answerFor, sendPartial, validatorHeaders, type Version } from './ranges';

/** Files the app fetches, by name: listed, and read when asked for. */
interface DataFiles {
  names(): string[];
  read(name: string): { body: Buffer; mtime: Date };
}

/** A folder of generated, committed data under geodata/ (none yet, in a new project: no names). */
export const folder = (dir: string): DataFiles => ({
  names: () => (existsSync(dir) ? readdirSync(dir) : []),
  read: (name) => ({ body: readFileSync(path.join(dir, name)), mtime: statSync(path.join(dir, name)).mtime }),
});

/**
 * The labels' ready-made glyphs (src/tiles/glyphs.ts), cut from the npm font files once per build (or
 * server), when first asked for: NotoSans-Regular.0-255.pbf and its bold.
 */
function labelGlyphs(): DataFiles {
  let files: Map<string, Buffer> | undefined;
  let made: Date | undefined;
  const make = () => {
    made ??= new Date(Math.floor(Date.now() / 1000) * 1000);
    return (files ??= new Map(LABEL_FONTS.map((font) => [glyphFile(font.stack), fontGlyphs(font)])));
  };
  return { names: () => [...make().keys()], read: (name) => ({ body: make().get(name)!, mtime: made! }) };
}

/** URL prefix (no leading slash) → the data files under it, for the project in `root`. */
export function dataMounts(root: string): Record<string, DataFiles> {
  return {
    'data/layers/': folder(path.join(root, 'geodata/layers')),
    'data/tiles/': folder(path.join(root, 'geodata/tiles')),
    'data/glyphs/': labelGlyphs(),
  };
}

/**
 * Answers a GET or HEAD under one of the mounts (true), or leaves the request alone (false). A name the
 * mount lacks is a 404, not a fallback page with a 200. Tile archives are read in parts (Range), answered
 * by ranges.ts as the production server answers them.
 */
export function serveData(mounts: Record<string, DataFiles>, req: IncomingMessage, res: ServerResponse): boolean {
  const url = (req.url ?? '').split(/[?#]/, 1)[0].replace(/^\//, '');
  const prefix = Object.keys(mounts).find((p) => url.startsWith(p));
  if (prefix === undefined) return false;
  const files = mounts[prefix];
  const name = url.slice(prefix.length);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${url}: only GET and HEAD\n`);
  } else if (!files.names().includes(name)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${url} not found\n`);
  } else {
    const { body, mtime } = files.read(name);
    const version: Version = { size: body.length, mtime };
    const type = contentType(name);
    const answer = answerFor(req.headers, version);
    if (!sendPartial(req, res, answer, version, type, (start, end) => body.subarray(start, end + 1))) {
      res.writeHead(200, { ...validatorHeaders(version), 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
  }
  return true;
}

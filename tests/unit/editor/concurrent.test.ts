/**
 * Two editor processes (src/editor/server.ts, as `npm run editor` runs it) on one project, saving at the
 * same moment, round after round: both saves' new places are in places.json afterwards, and both answer
 * ok (the second waits for the first's lock, then reads what it wrote: src/editor/lock.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Place } from '../../../src/catalogue/schema';
import { loadGazetteer } from '../../../src/draft/gazetteer';
import { LOCK_NAME } from '../../../src/editor/lock';
import { ROOT } from '../../support/helpers';
import { draftWire, wireProject, WIRE_ID } from '../../support/wire-draft';
import { full } from '../../support/tier';

const ID = WIRE_ID;
let root: string;
let places: Map<string, Place>;
const children: ChildProcess[] = [];

/** Starts `npm run editor` on the project and resolves with its URL. */
function editor(): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/editor/server.ts'), '--root', root, '--port', '0'],
    {
      cwd: ROOT,
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /review screen: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`the editor exited with ${code}: ${err}`)));
  });
}

beforeAll(() => {
  const drafted = draftWire(loadGazetteer());
  // Two drafts of one article, one for each editor.
  root = wireProject(drafted, [ID, `${ID}-b`], 'editors-');
  places = new Map(drafted.draft.places.map(({ draft: _draft, ...p }) => [p.id, p as Place]));
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

const save = (url: string, id: string, ids: string[]) =>
  fetch(new URL('/api/save', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, places: ids.map((p) => places.get(p)), events: [] }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { ok?: boolean; error?: string } }));

full.describe('two editor processes saving at once', () => {
  it('lose nothing: both answer ok and places.json has both saves’ places, every round', async () => {
    const [a, b] = await Promise.all([editor(), editor()]);
    const catalogue = path.join(root, 'geodata/catalogue');
    const seed = readFileSync(path.join(catalogue, 'places.json'), 'utf8');
    // Two rounds: a save validates the whole catalogue, 10–15 s each on a busy machine (without the lock, 9 rounds in 10 lost a save).
    for (let round = 0; round < 2; round++) {
      writeFileSync(path.join(catalogue, 'places.json'), seed);
      for (const id of [ID, `${ID}-b`]) rmSync(path.join(catalogue, `${id}.events.json`), { force: true });
      const [ra, rb] = await Promise.all([save(a, ID, ['baranovichi', 'kharkiv']), save(b, `${ID}-b`, ['minsk'])]);
      expect([ra, rb], `round ${round}`).toEqual([
        { status: 200, body: expect.objectContaining({ ok: true }) },
        { status: 200, body: expect.objectContaining({ ok: true }) },
      ]);
      const ids = (JSON.parse(readFileSync(path.join(catalogue, 'places.json'), 'utf8')) as { places: Place[] }).places.map(
        (p) => p.id,
      );
      expect(ids.slice(-3).sort(), `round ${round}`).toEqual(['baranovichi', 'kharkiv', 'minsk']);
      expect(existsSync(path.join(catalogue, LOCK_NAME))).toBe(false);
    }
  }, 180_000);
});

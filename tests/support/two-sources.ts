/**
 * The seed article and a short fixture article written for the tests (tests/fixtures/second-source),
 * built together through the real validator and layer build, and served in place of the seed's layers.
 */
import type { Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLayers } from '../../src/layers/build';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import { seedProject } from './seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');

/** The two-source story's layers: file name → text. */
export const buildTwoSources = (): Map<string, string> => buildWithFixture(FIXTURE);

/**
 * A story of the seed's places and a fixture's sources and events (tests/fixtures/<name>), with the seed
 * article's own sources and events as well unless `seed` is false, tiled when `tiled` is: file name → text.
 * The sources named in `drafts` are published unreviewed: their events files say `"review": "draft"`, as
 * the editor's unreviewed publish writes them.
 */
export function buildWithFixture(
  fixture: string,
  { seed = true, tiled = false, drafts = [] as string[] } = {},
): Map<string, string> {
  return buildFixture(fixture, { seed, tiled, drafts }).files;
}

/** The same, with a tiled story's archives too (file name → bytes): what its map reads. */
export function buildFixture(
  fixture: string,
  { seed = true, tiled = false, drafts = [] as string[] } = {},
): { files: Map<string, string>; archives?: Map<string, Uint8Array> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-story-'));
  try {
    for (const sub of ['sources', 'catalogue']) {
      // The seed alone (support/seed.ts): articles an editor adds to geodata/ stay out of the fixture's story.
      if (seed) cpSync(path.join(seedProject(), 'geodata', sub), path.join(dir, sub), { recursive: true });
      cpSync(path.join(fixture, sub), path.join(dir, sub), { recursive: true });
    }
    for (const id of drafts) {
      const file = path.join(dir, 'catalogue', `${id}.events.json`);
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), review: 'draft' }, null, 2));
    }
    if (!seed) cpSync(path.join(seedProject(), 'geodata/catalogue/places.json'), path.join(dir, 'catalogue/places.json'));
    const folders = { ...defaultFolders(ROOT), sources: path.join(dir, 'sources'), catalogue: path.join(dir, 'catalogue') };
    const { input, errors } = loadInputs(folders);
    if (!input || errors.length) throw new Error(`${fixture}: the catalogue did not load: ${JSON.stringify(errors)}`);
    const result = buildLayers(input, { tiled: tiled || undefined });
    if (!result.ok) throw new Error(`${fixture}: the catalogue did not build: ${JSON.stringify(result.errors)}`);
    return { files: result.files, archives: result.archives };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves those layers at /data/layers/ for the page, in place of the build's. */
export async function serveLayers(page: Page, layers: Map<string, string>): Promise<void> {
  await page.route('**/data/layers/*', (route) => {
    const text = layers.get(path.posix.basename(new URL(route.request().url()).pathname));
    return text === undefined ? route.fallback() : route.fulfill({ body: text, contentType: 'application/json' });
  });
}

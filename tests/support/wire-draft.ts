/**
 * The wire-copy fixture article drafted as `npm run draft` drafts it, and a throw-away project holding
 * it: what the editor's tests review and save.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Place } from '../../src/catalogue/schema';
import { draftArticle } from '../../src/draft/draft';
import type { Gazetteer } from '../../src/draft/gazetteer';
import { stableJson } from '../../src/io/files';
import { readBasemap } from '../../src/layers/basemap';
import { ROOT, seedProject, tempProject } from './helpers';

export const WIRE_ID = 'wire-kiev';

export type Drafted = ReturnType<typeof draftArticle>;

/** The fixture drafted against the repository's basemap and catalogue. */
export function draftWire(gazetteer: Gazetteer): Drafted {
  const basemap = readBasemap(ROOT).index;
  const existing = (
    JSON.parse(readFileSync(path.join(seedProject(), 'geodata/catalogue/places.json'), 'utf8')) as { places: Place[] }
  ).places;
  return draftArticle(
    readFileSync(path.join(ROOT, 'tests/fixtures/draft/wire-kiev/article.txt'), 'utf8'),
    { id: WIRE_ID, publisher: 'Example Wire', published: '2022-02-03', textName: `${WIRE_ID}.txt`, capturedFrom: 'article.txt' },
    { gazetteer, basemap, existing },
  );
}

/** A copy of the project with the source and the draft, under each of `draftIds`, written as `npm run draft` writes them. */
export function wireProject(drafted: Drafted, draftIds: string[] = [WIRE_ID], prefix?: string): string {
  const root = tempProject(['geodata/sources', 'geodata/catalogue', 'geodata/basemap'], seedProject(), prefix);
  writeFileSync(path.join(root, 'geodata/sources', `${WIRE_ID}.txt`), drafted.text);
  writeFileSync(path.join(root, 'geodata/sources', `${WIRE_ID}.json`), stableJson(drafted.source));
  for (const id of draftIds) writeFileSync(path.join(root, 'geodata/catalogue', `${id}.draft.json`), stableJson(drafted.draft));
  return root;
}

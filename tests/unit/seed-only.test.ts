/**
 * The tests of the seed's own facts read the seed alone (tests/support/helpers.ts seedProject), so an editor who
 * adds articles to geodata/ as the README says keeps `npm test` green: a project with another article
 * published gives the same seed project as the repository's seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/draft/gazetteer';
import { publishUnreviewed } from '../../src/editor/api';
import { seedProject, SEED_ID } from '../support/helpers';
import { draftWire, wireProject, WIRE_ID } from '../support/wire-draft';

describe('the seed alone', () => {
  it('is the same project whatever other articles geodata/ holds', async () => {
    const gazetteer = loadGazetteer();
    const root = wireProject(draftWire(gazetteer));
    const published = await publishUnreviewed({ root, gazetteer: () => gazetteer }, WIRE_ID);
    expect(published.errors).toEqual([]);
    // The project now holds two articles and their layers ...
    expect(
      readdirSync(path.join(root, 'geodata/catalogue'))
        .filter((n) => n.endsWith('.events.json'))
        .sort(),
    ).toEqual([`${SEED_ID}.events.json`, `${WIRE_ID}.events.json`]);
    const seed = seedProject(root);
    expect(seed).not.toBe(root);
    // ... and its seed project only the seed's, with the places only the other article names left out.
    expect(readdirSync(path.join(seed, 'geodata/catalogue')).sort()).toEqual([`${SEED_ID}.events.json`, 'places.json']);
    expect(readdirSync(path.join(seed, 'geodata/sources')).sort()).toEqual([`${SEED_ID}.json`, `${SEED_ID}.txt`]);
    const placeIds = (dir: string) =>
      (
        JSON.parse(readFileSync(path.join(dir, 'geodata/catalogue/places.json'), 'utf8')) as { places: { id: string }[] }
      ).places.map((p) => p.id);
    const repo = seedProject();
    expect(placeIds(seed)).toEqual(placeIds(repo));
    // Its layers are the seed's layers, byte for byte.
    const layers = (dir: string) => readdirSync(path.join(dir, 'geodata/layers')).sort();
    expect(layers(seed)).toEqual(layers(repo));
    for (const name of layers(repo))
      expect(
        readFileSync(path.join(seed, 'geodata/layers', name)).equals(readFileSync(path.join(repo, 'geodata/layers', name))),
        name,
      ).toBe(true);
  }, 120_000);
});

/**
 * The seed and the fixture corpus give a side for every claimant (the validator checks a map that is
 * there; these files must have one), and the seed's sides are the ones read from the article.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDES } from '../../../src/catalogue/schema';

interface EventsFile {
  claimants?: Record<string, string>;
  events: { id: string; claim: { by: string; kind: string } }[];
}
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as EventsFile;
const SEED = 'geodata/catalogue/nbc-2022-01-26.events.json';
const CORPUS = 'tests/fixtures/across-sources/catalogue';
const FILES = [SEED, ...readdirSync(CORPUS).map((f) => path.join(CORPUS, f))];

describe('claimants and their sides', () => {
  it.each(FILES)('%s names a known side for each of its claimants', (f) => {
    const json = read(f);
    expect(json.claimants, 'a claimants map').toBeDefined();
    const missing = json.events
      .filter((e) => e.claim.kind !== 'article' && !(SIDES as readonly string[]).includes(json.claimants![e.claim.by]))
      .map((e) => `${e.id}: ${e.claim.by}`);
    expect(missing).toEqual([]);
  });

  it("gives the seed's claimants the sides the article gives them", () => {
    const sides = read(SEED).claimants!;
    const by = (side: string) =>
      Object.keys(sides)
        .filter((k) => sides[k] === side)
        .sort();
    expect(by('russia')).toEqual(['Kremlin spokesperson Dmitri Peskov', 'Russia', 'Russian Foreign Minister Sergey Lavrov']);
    expect(by('ukraine')).toEqual(['Ukrainian President Volodymyr Zelenskyy']);
    expect(by('nato')).toEqual(['Britain', 'NATO']);
    expect(by('us')).toContain('President Joe Biden');
    expect(by('us')).toContain('a U.S. defense official and a Western intelligence official');
  });
});

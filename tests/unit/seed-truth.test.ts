/**
 * The seed catalogue read beside the article, sentence by sentence (shared truth rules): what the second
 * fact-check found a mark saying more than, or less than, its words. Each check is a rule about the built
 * story where it can be one, and otherwise names the event it was found on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLayers } from '../../src/layers/build';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import type { CatalogueEvent } from '../../src/catalogue/schema';
import { ROOT } from '../helpers';

const { input } = loadInputs(defaultFolders(ROOT));
const result = buildLayers(input!);
interface Built {
  event_id: string;
  title: string;
  quantity: string | null;
  quantity_previous: string | null;
  stance: string;
  date_expr: string;
  excerpts: { text: string }[];
}
const story = JSON.parse(result.ok ? result.files.get('story.json')! : '{"events":[]}') as { events: Built[] };
const built = new Map(story.events.map((e) => [e.event_id, e]));
const catalogue = new Map(
  (
    JSON.parse(readFileSync(path.join(ROOT, 'geodata/catalogue/nbc-2022-01-26.events.json'), 'utf8')) as {
      events: CatalogueEvent[];
    }
  ).events.map((e) => [e.id, e]),
);
const event = (id: string) => {
  const e = catalogue.get(id);
  if (!e) throw new Error(`no event ${id} in the seed catalogue`);
  return e;
};

describe('the seed story against the article', () => {
  it('builds', () => expect(result.ok).toBe(true));

  it('prints a figure in its own words: every part of a quantity label is in its excerpts verbatim', () => {
    const withFigures = story.events.filter((e) => e.quantity);
    expect(withFigures.length).toBeGreaterThanOrEqual(2);
    for (const e of withFigures) {
      const words = e.excerpts.map((x) => x.text).join('\n');
      for (const part of [e.quantity!, e.quantity_previous ?? '']) expect(words, `${e.event_id}: "${part}"`).toContain(part);
    }
    // The 62 keep "at this time last week" (in the panel: the map's label prints the figure, not the comparison);
    // the title keeps "in the area".
    expect(built.get('battalion-tactical-groups')?.quantity).toBe('62 Russian battalion tactical groups');
    expect(built.get('battalion-tactical-groups')?.quantity_previous).toBe('up from 59 at this time last week');
    expect(event('battalion-tactical-groups').claim.stance).toBe('asserted');
    expect(event('battalion-tactical-groups').title).toContain('in the area');
    expect(event('battalion-tactical-groups').title).toContain('with several more on the way');
  });

  it('dates nothing the article leaves undated: the forces exercising in Belarus are in the present tense', () => {
    // "Russian forces conducting exercises in Belarus are also in a position…": no day, like "Putin continues".
    expect(event('forces-exercising-in-belarus').date.expr).toBe('undated');
    expect(event('military-presence-enlarged').date.expr).toBe('undated');
  });

  it('says what a caption shows, and keeps "including" where the article gives a list in part', () => {
    const sullivan = event('letter-delivered-moscow');
    expect(sullivan.excerpts[0].text).toContain('enters the Russian Foreign Ministry');
    // The caption shows him entering; it does not say where he delivered the response.
    expect(sullivan.title).not.toMatch(/delivered the response at/);
    expect(sullivan.title).toMatch(/\benters\b/);
    const demands = event('russia-security-demands');
    expect(demands.excerpts[0].text).toContain('including');
    expect(demands.title).toMatch(/\bincluding\b/);
  });

  it('shows each excerpt under its own speaker: the article voice is not a named person', () => {
    // An excerpt under a person's claim names them (surname or office), quotes them, or continues a sentence
    // that does (it opens in lower case: "he plans to speak…"). "Washington worked to help shield Europe…"
    // is the article's, not Psaki's; the headline is not Blinken's.
    const unspoken: string[] = [];
    for (const e of catalogue.values()) {
      if (e.claim.kind !== 'person') continue;
      const words = e.claim.by.split(' ');
      const names = [words[words.length - 1], words.slice(0, -2).join(' ')].filter((w) => w !== '').map((w) => w.toLowerCase());
      for (const x of e.excerpts) {
        const own = names.some((n) => x.text.toLowerCase().includes(n)) || /^["“'‘]/.test(x.text) || /^[a-z]/.test(x.text);
        if (!own) unspoken.push(`${e.id}: ${x.text.slice(0, 50)}`);
      }
    }
    expect(unspoken).toEqual([]);
    for (const id of ['us-shields-europe-energy', 'letter-headline', 'biden-involved-in-letter', 'ukraine-plays-down-threat'])
      expect(event(id).claim, id).toMatchObject({ kind: 'article', stance: 'reported' });
  });
});

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
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { aboutGroups } from '../../src/story/format';
import { ROOT } from '../support/helpers';

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
    // The 62 keep "at this time last week" (in the panel and on the map's label, story-model.test.ts);
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

  it('shows each excerpt under its own speaker: the article voice is not a named person or government', () => {
    // An excerpt under a person's or a government's claim names them (surname, office or the government's
    // name), quotes them, or continues a sentence that does (it opens in lower case: "he plans to speak…", or
    // with "He said").
    // "Washington worked to help shield Europe…" is the article's, not Psaki's; the headline is not Blinken's.
    const unspoken: string[] = [];
    for (const e of catalogue.values()) {
      if (e.claim.kind !== 'person' && e.claim.kind !== 'government') continue;
      const words = e.claim.by.split(' ');
      const names = (e.claim.kind === 'government' ? [e.claim.by] : [words[words.length - 1], words.slice(0, -2).join(' ')])
        .filter((w) => w !== '')
        .map((w) => w.toLowerCase());
      for (const x of e.excerpts) {
        const own =
          names.some((n) => x.text.toLowerCase().includes(n)) ||
          /^["“'‘]/.test(x.text) ||
          /^[a-z]/.test(x.text) ||
          /^(He|She) said\b/.test(x.text);
        if (!own) unspoken.push(`${e.id}: ${x.text.slice(0, 50)}`);
      }
    }
    expect(unspoken).toEqual([]);
    for (const id of ['us-shields-europe-energy', 'letter-headline', 'biden-involved-in-letter', 'ukraine-plays-down-threat'])
      expect(event(id).claim, id).toMatchObject({ kind: 'article', stance: 'reported' });
  });

  it("keeps the article's own clauses out of a speaker's excerpts, after a comma too", () => {
    // Outside quotes, an excerpt under a person or a government says what they said, signaled, warned…:
    // - it has a verb of saying or a quote ("Blinken's remarks Wednesday" is the article's noun phrase);
    // - where it opens with the speaker, the speaker's first verb is one of saying ("Blinken did not offer
    //   specifics…" is the article telling what he did);
    // - it does not close on the article's comment on the claim: ", a sign of the measures being
    //   considered…" after Biden's words, "as the Kremlin showed no signs of backing down" after Russia's.
    const SAYING =
      /\b(said|says|say|saying|speaking|warned|warns|denied|denies|signaled|announced|urged|urge|reiterated|plans?|told|described|accusing)\b/;
    const ARTICLE_COMMENT = /(,\s+an? \w+ of\b|\bas the \w+ (showed|shows|signaled)\b)/;
    const found: string[] = [];
    for (const e of catalogue.values()) {
      if (e.claim.kind !== 'person' && e.claim.kind !== 'government') continue;
      const words = e.claim.by.split(' ');
      const name = e.claim.kind === 'government' ? e.claim.by : words[words.length - 1];
      for (const x of e.excerpts) {
        // The words the article gives as the speaker's own are theirs whatever they say.
        const outside = x.text.replace(/“[^”]*”|"[^"]*"/g, '"…"');
        const quoted = outside !== x.text;
        if (!quoted && !SAYING.test(outside)) found.push(`${e.id}: no verb of saying: ${x.text.slice(0, 50)}`);
        const opening = outside.match(new RegExp(`^${name}\\b([^,]*)`));
        if (opening && !SAYING.test(opening[1].split(/\b(that|which|who)\b/)[0]))
          found.push(`${e.id}: the speaker's first verb is not one of saying: ${x.text.slice(0, 50)}`);
        if (ARTICLE_COMMENT.test(outside)) found.push(`${e.id}: closes on the article's comment: ${x.text.slice(0, 50)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the EU gas condition whole: "should Moscow decide to cut off supplies as leverage"', () => {
    expect(event('eu-gas-dependence').title).toContain('should Moscow decide to cut off supplies as leverage');
  });

  it('draws an announced plan where it was announced, not where it would happen: NATO makes no troops site of eastern Europe', () => {
    // "just days after NATO announced it would place forces on standby and reinforce eastern Europe": the window
    // dates the announcement, which the article does not place; eastern Europe is what it is about.
    const nato = event('nato-standby');
    expect(nato.places).toEqual([]);
    expect(nato.about).toContain('eastern-europe');
    expect(nato.claim.stance).toBe('announced');
    const places = JSON.parse(result.ok ? result.files.get('places.geojson')! : '{"features":[]}') as {
      features: { properties: { place_id: string; categories: string } }[];
    };
    const east = places.features.find((f) => f.properties.place_id === 'eastern-europe');
    expect(east?.properties.categories.split(',')).not.toContain('troops');
    // No plan or announcement in the seed is drawn as having happened at the place it would happen at,
    // unless the stance says it is a plan.
    for (const e of catalogue.values()) {
      if (!/\b(announced it would|plans? to|will|were due to|next month)\b/.test(e.excerpts[0].text)) continue;
      if (e.site === 'happened' && e.places.length > 0) expect(['planned', 'announced'], e.id).toContain(e.claim.stance);
    }
  });

  it("does not borrow another quote's place: Blinken's undated warning on civilians is listed at the seat, not the State Department", () => {
    const warning = event('civilians-warning');
    expect(warning.date.expr).toBe('undated');
    expect(warning.site).toBe('seat');
    expect(warning.places).toEqual(['washington']);
    // A place a statement "was said" at is named in its own excerpts (the State Department, the Parliament).
    const names: Record<string, RegExp> = {
      'state-department': /State Department headquarters/,
      'russian-parliament': /Russian Parliament/,
      washington: /\bWashington\b|WASHINGTON/,
    };
    for (const e of catalogue.values())
      if (e.site === 'said')
        expect(
          e.excerpts.some((x) => names[e.places[0]]?.test(x.text)),
          `${e.id} is said at ${e.places[0]}`,
        ).toBe(true);
  });

  it('lists an event the article places nowhere as such, not as "elsewhere"', () => {
    const incursion = built.get('incursion-likelihood') as unknown as { places: string[] };
    expect(incursion.places).toEqual([]);
    const groups = aboutGroups('Ukraine', [incursion, { places: ['kyiv'] }]);
    expect(groups.map((g) => [g.heading, g.list.length])).toEqual([
      ['About Ukraine, elsewhere', 1],
      ['About Ukraine: where, the article does not say', 1],
    ]);
    expect(aboutGroups('Ukraine', [incursion]).map((g) => g.heading)).toEqual(['About Ukraine: where, the article does not say']);
  });

  it('lists a seat-listed event at the capital of the government that acted or spoke', () => {
    // Nobody speaks in "Washington put 8,500 troops on heightened alert": the seat is the acting government's.
    const government: Record<string, RegExp> = {
      washington: /\bU\.S\.|Washington|Biden|Blinken|Psaki|White House/,
      moscow: /Russia|Moscow|Kremlin/,
      kyiv: /Ukrain/,
      london: /Britain/,
    };
    const seats = [...catalogue.values()].filter((e) => e.site === 'seat');
    expect(seats.length).toBeGreaterThan(10);
    for (const e of seats) {
      expect(Object.keys(government), e.id).toContain(e.places[0]);
      expect(`${e.claim.by} ${e.excerpts[0].text}`, e.id).toMatch(government[e.places[0]]);
    }
  });

  it('has the statements the second fact-check found missing, each in an excerpt with a title of its own', () => {
    const wanted = [
      'the concerns of the U.S., Ukraine and its allies',
      "Ukraine's sovereignty and territorial integrity",
      '"right of states to choose their own security arrangements and alliances."',
      "won't be released publicly",
      'the U.S. is stepping up efforts to support European allies',
      'with several more on the way',
      'so far failed to reach a breakthrough',
    ];
    for (const words of wanted) {
      const holder = [...catalogue.values()].find((e) => e.excerpts[0].text.includes(words));
      expect(holder, words).toBeDefined();
    }
    expect(event('letter-not-public').title).toContain("won't be released publicly");
    expect(event('no-breakthrough').title).toContain('so far failed to reach a breakthrough');
    expect(event('letter-contents').title).toContain('could undermine security');
    expect(event('letter-reiterates').title).toMatch(/sovereignty and territorial integrity/);
  });

  it('draws "in the Arctic" as Russia\'s Arctic: no Norwegian or Finnish town inside the hatched area', () => {
    const places = JSON.parse(result.ok ? result.files.get('places.geojson')! : '{"features":[]}') as {
      features: { properties: { place_id: string }; geometry: Polygon | MultiPolygon }[];
    };
    const arctic = places.features.find((f) => f.properties.place_id === 'arctic')!.geometry;
    const inside = (lng: number, lat: number) => booleanPointInPolygon([lng, lat], arctic);
    // Kirkenes and Vardø (Norway), Salla (Finland): the polygon's bounds took them in.
    expect(inside(30.05, 69.73), 'Kirkenes').toBe(false);
    expect(inside(31.11, 70.37), 'Vardø').toBe(false);
    expect(inside(28.67, 66.83), 'Salla').toBe(false);
    // Russia's coast and the Barents Sea stay.
    expect(inside(33.08, 68.97), 'Murmansk').toBe(true);
    expect(inside(40, 72), 'the Barents Sea').toBe(true);
  });
});

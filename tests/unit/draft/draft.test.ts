/**
 * The drafting tool (src/draft) on small texts of its own: each test names a trap an unseen article sets.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBasemap } from '../../../src/layers/basemap';
import { checkDraft } from '../../../src/draft/check';
import { findDates } from '../../../src/draft/dates';
import { draftArticle } from '../../../src/draft/draft';
import { loadGazetteer } from '../../../src/draft/gazetteer';
import { findPlaces } from '../../../src/draft/places';
import { findQuantities } from '../../../src/draft/quantities';
import { looseKey, strictKey } from '../../../src/draft/text';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const gaz = loadGazetteer();
const places = (text: string) => findPlaces(text, gaz).mentions;
const entryOf = (text: string, word: string) => places(text).find((m) => m.text.includes(word))?.entry;

describe('place mentions', () => {
  it('resolves the Russian spellings Kiev and Kharkov to the Ukrainian cities', () => {
    expect(entryOf('Troops moved toward Kiev on Monday.', 'Kiev')).toBe('geonames:703448');
    expect(entryOf('Shelling was reported in Kharkov overnight.', 'Kharkov')).toBe('geonames:706483');
    expect(entryOf('Separatists in Lugansk said so.', 'Lugansk')).toBe('geonames:702658');
  });

  it('folds soft signs, apostrophes and ё in its keys', () => {
    expect(strictKey("Khar'kov")).toBe(strictKey('Kharkov'));
    expect(strictKey('Семёновка')).toBe(strictKey('Семеновка'));
    expect(looseKey('Semyonovka')).toBe(looseKey('Semenovka'));
  });

  it('leaves a training ground unresolved even where a village has its name', () => {
    const m = places('Units arrived at the Pogonovo training ground and the Kapustin Yar range.');
    const ground = m.find((x) => x.text === 'Pogonovo training ground');
    const range = m.find((x) => x.text === 'Kapustin Yar range');
    expect(ground?.entry).toBeNull();
    expect(range?.entry).toBeNull();
    expect(range?.draft.alternatives.map((a) => a.id)).toContain('geonames:552999');
    expect(m.some((x) => x.entry === 'geonames:552999')).toBe(false);
  });

  it('does not take a first name, Union or Congress for a place', () => {
    const m = places('Secretary of State Antony Blinken met Antony in Congress; the Union said nothing.');
    expect(m.filter((x) => x.entry).map((x) => x.text)).toEqual([]);
    expect(entryOf('The European Union agreed.', 'European')).toBe('group:EU');
  });

  it('reads adjectival forms before a place or force noun, and not elsewhere', () => {
    const m = places(
      'Jets landed at Belarusian airfields near the Ukrainian border as Russian troops waited. Russian officials spoke.',
    );
    expect(m.filter((x) => x.form === 'adjective').map((x) => [x.text, x.entry, x.head])).toEqual([
      ['Belarusian', 'country:BY', 'airfields'],
      ['Ukrainian', 'country:UA', 'border'],
      ['Russian', 'country:RU', 'troops'],
    ]);
  });

  it('takes "X region" as the admin-1 unit, not the city', () => {
    expect(places('Drills were held in the Rostov region.').map((x) => [x.text, x.entry])).toEqual([
      ['Rostov region', 'admin1:RU-ROS'],
    ]);
  });
});

describe('dates', () => {
  it('resolves a weekday to the latest such day on or before publication', () => {
    const d = findDates('He spoke on Tuesday and again on Thursday.', '2022-01-26');
    expect(d.map((x) => [x.text, x.resolved?.value, x.resolved?.precision])).toEqual([
      ['Tuesday', '2022-01-25', 'day'],
      ['Thursday', '2022-01-20', 'day'],
    ]);
  });

  it('keeps a window a window and a month a month', () => {
    const d = findDates(
      'Talks are expected in the coming days, with drills in early February and more next month.',
      '2022-01-26',
    );
    expect(d.map((x) => [x.text, x.resolved?.value, x.resolved?.precision])).toEqual([
      ['in the coming days', '2022-01-27/2022-02-09', 'window'],
      ['early February', '2022-02-01/2022-02-10', 'window'],
      ['next month', '2022-02', 'month'],
    ]);
  });

  it("flags a misprinted year and keeps the text's date", () => {
    const [d] = findDates('The letter arrived on Jan. 26, 2021, officials said.', '2022-01-28');
    expect(d.resolved?.value).toBe('2021-01-26');
    expect(d.draft.confidence).toBeLessThanOrEqual(0.3);
    expect(d.draft.alternatives.map((a) => a.id)).toEqual(['2022-01-26']);
  });
});

describe('quantities', () => {
  const q = (text: string) => findQuantities(text, findDates(text, '2022-01-26'));

  it('does not count model names, years or dates', () => {
    expect(q('Su-35 jets, S-400 systems, F-16s and Il-76 planes arrived on Jan. 26 in 2022.')).toEqual([]);
  });

  it('reads a wire dateline\'s "Feb 2" as a date, not as 2 of anything', () => {
    const text = 'KIEV, Feb 2 (Wire) - About 2,000 more troops arrived.';
    expect(q(text).map((x) => x.value)).toEqual([2000]);
    const [d] = findDates(text, '2022-02-02');
    expect([d.text, d.resolved?.value]).toEqual(['Feb 2', '2022-02-02']);
  });

  it('gives "tens of thousands" a range and no value', () => {
    const [x] = q('Tens of thousands of troops massed nearby.');
    expect(x.value).toBeNull();
    expect(x.range).toEqual([20000, 99999]);
    expect(x.qualifier).toBe('tens of thousands');
  });

  it('keeps the qualifier and the earlier value', () => {
    const [x] = q('They counted over 62 groups in the area, up from 59 at this time last week.');
    expect([x.value, x.qualifier, x.previous?.value, x.previous?.date]).toEqual([62, 'over', 59, 'at this time last week']);
  });
});

describe('a whole draft', () => {
  const basemap = readBasemap(ROOT).index;
  const raw = readFileSync(path.join(ROOT, 'tests/fixtures/draft/ministry-release/article.txt'), 'utf8');
  const { source, text, draft } = draftArticle(
    raw,
    { id: 'fixture', publisher: 'Example', published: '2022-02-10', textName: 'fixture.txt', capturedFrom: 'test' },
    { gazetteer: gaz, basemap, existing: [] },
  );

  it('anchors every proposal at offsets that slice to its text', () => {
    const anchored = [...draft.mentions, ...draft.dates, ...draft.quantities, ...draft.events.flatMap((e) => e.excerpts)];
    expect(anchored.length).toBeGreaterThan(20);
    for (const a of anchored) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('reports the chrome line it removed and passes its own check and the catalogue validator', () => {
    expect(source.removed).toEqual(['Share this']);
    expect(checkDraft('fixture.draft.json', draft, { file: 'fixture.json', record: source, text }, basemap, gaz)).toEqual([]);
  });

  it('catches a changed anchor', () => {
    const broken = { ...draft, mentions: draft.mentions.map((m, i) => (i === 0 ? { ...m, start: m.start + 1 } : m)) };
    const errors = checkDraft('fixture.draft.json', broken, { file: 'fixture.json', record: source, text }, basemap, gaz);
    expect(errors.map((e) => `${e.id} ${e.field}`)).toEqual(['mentions[0] text']);
  });
});

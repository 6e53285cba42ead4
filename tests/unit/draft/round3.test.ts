/**
 * Round 3 of the drafting rules (issue 26): seas, region and relation phrases, facilities, date ranges,
 * open intervals and misprints, stances and claimants. Each test names a trap an unseen article sets.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBasemap } from '../../../src/layers/basemap';
import type { Place } from '../../../src/catalogue/schema';
import { checkDraft } from '../../../src/draft/check';
import { draftArticle } from '../../../src/draft/draft';
import { categoryOf, claimOf } from '../../../src/draft/claims';
import { findDates } from '../../../src/draft/dates';
import { loadGazetteer } from '../../../src/draft/gazetteer';
import { findQuantities } from '../../../src/draft/quantities';
import { findPlaces } from '../../../src/draft/places';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const gaz = loadGazetteer();
const basemap = readBasemap(ROOT).index;
const catalogue = (JSON.parse(readFileSync(path.join(ROOT, 'geodata/catalogue/places.json'), 'utf8')) as { places: Place[] })
  .places;
/** A whole draft of `raw`, with the seed catalogue's places as the existing ones; it must pass its own check. */
function draftOf(raw: string, published = '2022-02-10') {
  const meta = { id: 'fixture', publisher: 'Example', published, textName: 'fixture.txt', capturedFrom: 'test' };
  const { source, text, draft } = draftArticle(raw, meta, { gazetteer: gaz, basemap, existing: catalogue });
  expect(checkDraft('fixture.draft.json', draft, { file: 'fixture.json', record: source, text }, basemap, gaz)).toEqual([]);
  return draft;
}
const eventWith = (draft: ReturnType<typeof draftOf>, words: string) =>
  [...draft.events, ...draft.pending].find((e) => e.excerpts[0].text.includes(words));
const places = (text: string) => findPlaces(text, gaz).mentions;
const entryOf = (text: string, phrase: string) => places(text).find((m) => m.text.includes(phrase))?.entry;

describe('seas, straits and gulfs', () => {
  it('resolves a sea written in full, "Sea of X" included, never to a namesake town', () => {
    expect(entryOf('Ships sailed into the Black Sea on Monday.', 'Black Sea')).toBe('sea:black-sea');
    expect(entryOf('Drills in the Sea of Azov continued.', 'Azov')).toBe('sea:sea-of-azov');
    expect(entryOf('Patrols in the Norwegian Sea grew.', 'Norwegian')).toBe('sea:norwegian-sea');
    expect(entryOf('A ferry crossed the Kerch Strait.', 'Kerch')).toBe('sea:kerch-strait');
  });

  it('takes a short sea name only where the words say a sea', () => {
    expect(entryOf('Warships of the Black Sea and Caspian fleets sailed.', 'Caspian')).toBe('sea:caspian-sea');
    expect(entryOf('Exercises in the Baltic and the North Sea.', 'Baltic')).toBe('sea:baltic-sea');
    expect(places('Leaders of the Baltic states met.').some((m) => m.entry === 'sea:baltic-sea')).toBe(false);
    expect(places('Baltic leaders met in Riga.').some((m) => m.entry === 'sea:baltic-sea')).toBe(false);
  });

  it('still finds the town of Azov by its own name', () => {
    expect(entryOf('Shelling was heard in Azov overnight.', 'Azov')).toMatch(/^geonames:/);
  });
});

describe('relation phrases', () => {
  it('proposes the catalogue\'s near-border zone for "near the Ukrainian border", reusing its id', () => {
    const draft = draftOf('Russia has moved more troops near the Ukrainian border, Moscow said.\n\nRussia denied it.');
    const event = eventWith(draft, 'near the Ukrainian border');
    expect(event?.places).toContain('russia-near-ukraine-border');
    expect(event?.places).not.toContain('ukraine');
  });

  it('reads "its border with Ukraine" the same way', () => {
    const draft = draftOf('Russia has massed troops along its border with Ukraine, officials said.');
    expect(eventWith(draft, 'border with Ukraine')?.places).toContain('russia-near-ukraine-border');
  });
});

describe('locating adjectives', () => {
  it('places "relocated to Belarusian airfields" in Belarus though Russia is named too', () => {
    const draft = draftOf('Russian units from Pskov have been relocated to Belarusian airfields, the ministry said.');
    const event = eventWith(draft, 'Belarusian airfields');
    expect(event?.places).toContain('belarus');
  });

  it('does not locate an event by a force adjective ("Russian troops")', () => {
    const draft = draftOf('Russian troops arrived in Gomel on Monday, officials said.');
    expect(eventWith(draft, 'Gomel')?.places).not.toContain('russia');
  });
});

describe('dates: ranges, open intervals, misprints', () => {
  const one = (text: string, published = '2022-01-14') => findDates(text, published);
  it('reads a range of days as a window, never a day plus a figure', () => {
    for (const phrase of [
      'February 10-20',
      'Feb. 10–20',
      'between 10 and 20 February',
      '10-20 February',
      'from 10 to 20 February',
    ]) {
      const text = `The exercise will be held ${phrase} in Belarus.`;
      const dates = one(text);
      expect(
        dates.map((d) => d.resolved?.value),
        phrase,
      ).toEqual(['2022-02-10/2022-02-20']);
      expect(findQuantities(text, dates), phrase).toEqual([]);
    }
  });

  it('reads "since" as a window from its date to publication, the phrase as the date', () => {
    expect(one('Such drills have been held since 2014.')[0]).toMatchObject({
      text: 'since 2014',
      expr: 'since 2014',
      resolved: { value: '2014-01-01/2022-01-14' },
    });
    expect(one('Convoys have passed since mid-January.', '2022-02-10')[0].resolved?.value).toBe('2022-01-11/2022-02-10');
  });

  it('gives "early next year" the first third of the year', () => {
    expect(one('The next exercise is expected early next year.')[0].resolved?.value).toBe('2023-01-01/2023-04-30');
  });

  it('flags a past event dated after publication, with the year before as the alternative', () => {
    const [d] = one('The decision was taken in December 2022 at a meeting.');
    expect(d.draft.confidence).toBeLessThanOrEqual(0.3);
    expect(d.draft.alternatives.map((a) => a.id)).toContain('2021-12');
    // A plan for a later date is not a misprint.
    expect(one('The exercise will be held in December 2022.')[0].draft.confidence).toBeGreaterThan(0.3);
  });
});

describe('claimants, stances, categories', () => {
  const countries = new Set(gaz.entries.filter((e) => e.kind === 'country').map((e) => e.name));
  const claim = (sentence: string, publisher?: string) => claimOf(sentence, undefined, countries, publisher).claim;
  it('reads organisations and countries as bodies of their kind, not persons', () => {
    expect(claim("Ukraine's border guard service said it had reinforced its posts.").kind).toBe('agency');
    expect(claim('The White House said it had prepared sanctions.').kind).toBe('government');
    expect(claim('The Ministry of Defence of the Russian Federation reported that warships sailed.').kind).toBe('ministry');
    expect(claim('Latvia and Lithuania said they pledged helmets.').kind).toBe('government');
    expect(claim('Britain separately said it would supply missiles.').kind).toBe('government');
    expect(claim('Defence Secretary Ben Wallace said troops remain.').kind).toBe('person');
  });

  it("gives a ministry release's own sentences to the ministry, and the article's to the article", () => {
    expect(claim('Units have been relocated to airfields.', 'Example Ministry of Defence')).toMatchObject({
      kind: 'ministry',
      stance: 'asserted',
    });
    expect(claim('Units have been relocated to airfields.', 'Example Wire').kind).toBe('article');
  });

  it('reads a future or passive plan as planned', () => {
    for (const s of [
      'The exercise will be held from February 10-20.',
      'The stage will take place in mid-February.',
      'Drills will continue, the ministry said.',
    ])
      expect(claim(s).stance, s).toBe('planned');
  });

  it('says "uncertain" where no category word stands in the sentence instead of passing off a fallback', () => {
    expect(categoryOf('The mood was calm, officials added.', true)).toMatchObject({ category: 'statement', uncertain: true });
    expect(categoryOf('Warships of the Northern Fleet joined the exercises.', false)).toMatchObject({
      category: 'naval',
      uncertain: false,
    });
  });
});

describe('a category from what is spoken of, not from the speaking', () => {
  it('reads "said" as who speaks: what they speak of is the category', () => {
    expect(categoryOf('The border guard service said Russia had reinforced its posts near the border.', true).category).toBe(
      'troops',
    );
    expect(categoryOf('Monitors said they recorded more than 500 explosions overnight.', true).category).toBe('conflict');
    expect(categoryOf('The ministry said consultations with the OSCE are planned.', true).category).toBe('diplomacy');
  });

  it('takes a speaker on an attack that may come for a statement, not the attack', () => {
    for (const sentence of [
      'Officials warned that Russia could attack Ukraine within weeks.',
      'The Kremlin said Moscow has no plans to attack its neighbour.',
      'Zelenskyy said Kyiv would not be provoked.',
    ])
      expect(categoryOf(sentence, true).category, sentence).toBe('statement');
    // The article's own report of an attack is the attack.
    expect(categoryOf('Separatists shelled a kindergarten in Stanytsia Luhanska.', false).category).toBe('conflict');
  });
});

describe('facilities, credits and bylines', () => {
  it('returns every facility as an unresolved mention with its kind, attached to its event', () => {
    const text =
      'Jets were relocated to Baranovichi airfield and the Obuz-Lesnovsky training ground in Belarus, the ministry said.';
    const m = places(text).filter((x) => x.entry === null);
    expect(m.map((x) => [x.text, x.feature])).toEqual([
      ['Baranovichi airfield', 'airfield'],
      ['Obuz-Lesnovsky training ground', 'training ground'],
    ]);
    const event = eventWith(draftOf(text), 'Baranovichi');
    expect(event?.draft.unresolved).toEqual(['Baranovichi airfield', 'Obuz-Lesnovsky training ground']);
  });

  it('takes no place from a photo credit or a byline', () => {
    expect(places('Troops drilled near Kharkiv.\n\nAlex Brandon/POOL\n\nBy Anna Smith in Odesa')).toEqual([
      expect.objectContaining({ text: 'Kharkiv' }),
    ]);
    expect(places('A convoy (Jane Doe / Example Agency) crossed.').map((m) => m.text)).toEqual([]);
    // A credit after a sentence takes none of the sentence's places.
    expect(places('Talks will resume over Ukraine. Alexei Doe / AP').map((m) => m.text)).toEqual(['Ukraine']);
    // A slash between two places mid-sentence is not a credit.
    expect(places('The Kyiv/Moscow talks stalled in Minsk.').map((m) => m.text)).toContain('Kyiv');
  });
});

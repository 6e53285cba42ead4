/**
 * Round 5 of the drafting rules (issues 26 and 27): what the review benchmark (tests/bench/review-actions.ts)
 * showed a person still fixing by hand in a short wire story. Each test names a trap an unseen article sets:
 * "since" as a date the catalogue holds, a distance that says the event is near a place and not in it, a
 * capital that speaks for its government, "ahead of joint drills later this month" as a plan of its own,
 * the claimant as the sentence names it ("the ministry says"), and the place's catalogue name in a title.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveDate } from '../../../src/catalogue/dates';
import { readBasemap } from '../../../src/layers/basemap';
import { checkDraft } from '../../../src/draft/check';
import { draftArticle } from '../../../src/draft/draft';
import { loadGazetteer } from '../../../src/draft/gazetteer';
import { withClaimant } from '../../../src/draft/title';
import { claimOf } from '../../../src/draft/claims';
import { findQuantities } from '../../../src/draft/quantities';
import { numbersIn, wordNumberValue } from '../../../src/catalogue/numbers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const gaz = loadGazetteer();
const basemap = readBasemap(ROOT).index;

function draftOf(raw: string, published: string) {
  const meta = { id: 'fixture', publisher: 'Example', published, textName: 'fixture.txt', capturedFrom: 'test' };
  const { source, text, draft } = draftArticle(raw, meta, { gazetteer: gaz, basemap, existing: [] });
  expect(checkDraft('fixture.draft.json', draft, { file: 'fixture.json', record: source, text }, basemap, gaz)).toEqual([]);
  return { all: [...draft.events, ...draft.pending], draft };
}
const starting = (all: ReturnType<typeof draftOf>['all'], words: string) =>
  all.find((e) => e.excerpts.some((x) => x.text.startsWith(words)));

describe('"since" is a window up to the report', () => {
  it('resolves "since Jan. 26" from that day to the publication day', () => {
    expect(resolveDate('since Jan. 26', '2022-02-03')).toEqual({
      value: '2022-01-26/2022-02-03',
      precision: 'window',
      start: '2022-01-26',
      end: '2022-02-03',
    });
    expect(resolveDate('since Friday', '2022-02-07').start).toBe('2022-02-04');
    expect(resolveDate('since mid-January', '2022-02-07').value).toBe('2022-01-11/2022-02-07');
  });

  it('refuses a "since" that starts after the report', () => {
    expect(() => resolveDate('since March 3', '2022-02-03')).toThrow(/after publication/);
  });

  it('dates an event "since Jan. 26", not undated', () => {
    const { all } = draftOf(
      'Planes\n\nAbout 30 transport planes had landed in Minsk since Jan. 26, officials said.\n',
      '2022-02-03',
    );
    expect(starting(all, 'About 30')!.date.expr).toBe('since Jan. 26');
  });
});

describe('a distance says the event is near a place, not in it', () => {
  it('puts the place of "within 200 km of Kharkiv" in about', () => {
    const { all } = draftOf('Troops\n\nRussian troops were within 200 km of Kharkiv on Monday, officials said.\n', '2022-02-03');
    const e = starting(all, 'Russian troops')!;
    expect(e.places).toEqual([]);
    expect(e.about).toEqual(['kharkiv']);
    expect(e.draft.notes.join(' ')).toMatch(/kharkiv.*near it, not in it/);
  });

  it('keeps a place the sentence also puts the event in', () => {
    const { all } = draftOf('Drills\n\nDrills began in Belgorod, 40 km from Kharkiv, on Monday, officials said.\n', '2022-02-03');
    expect(starting(all, 'Drills began')!.places).toEqual(['belgorod']);
  });
});

describe('a capital that speaks for its government', () => {
  it('draws "Washington was ready to talk" at its seat', () => {
    const { all } = draftOf(
      'Talks\n\nBlinken said Washington was ready to talk but would respond if Russia invaded.\n',
      '2022-02-03',
    );
    expect(starting(all, 'Blinken said')!.site).toBe('seat');
  });

  it('keeps a capital where something happened as happened', () => {
    const { all } = draftOf('Planes\n\nAbout 30 transport planes landed in Minsk on Wednesday, officials said.\n', '2022-02-03');
    expect(starting(all, 'About 30')!.site).toBe('happened');
  });

  it('reads "Kiev says" as a government, not a person', () => {
    const { all } = draftOf('Drills\n\nRussia moved tanks to Belarus on Monday, Kiev says.\n', '2022-02-03');
    expect(starting(all, 'Russia moved')!.claim).toMatchObject({ by: 'Kiev', kind: 'government' });
  });
});

describe('"ahead of joint drills later this month"', () => {
  const WIRE =
    "Jets\n\nRussia has moved Su-35 fighter jets to Belarus ahead of joint drills later this month, Ukraine's defence ministry said on Thursday.\n";

  it('is a plan of its own, at the place of the move, with its date', () => {
    const { all } = draftOf(WIRE, '2022-02-03');
    const drills = all.find((e) => e.excerpts.some((x) => x.text === 'ahead of joint drills later this month'))!;
    expect(drills).toBeDefined();
    expect(drills).toMatchObject({
      places: ['belarus'],
      category: 'drills',
      title: 'Joint drills in Belarus later this month',
      date: { expr: 'later this month' },
      claim: { by: "Ukraine's defence ministry", stance: 'planned' },
    });
  });

  it('leaves the move its own date and stance', () => {
    const move = starting(draftOf(WIRE, '2022-02-03').all, 'Russia has moved')!;
    expect(move.date.expr).toBe('undated');
    expect(move.claim.stance).toBe('asserted');
    expect(move.category).toBe('aircraft');
  });

  it('does not split "ahead of" with no event noun after it', () => {
    const { all } = draftOf(
      'Jets\n\nRussian jets landed in Belarus ahead of schedule on Monday, officials said.\n',
      '2022-02-03',
    );
    expect(all).toHaveLength(1);
  });
});

describe('the claimant as the sentence names it', () => {
  it('says "the ministry" when the full name does not fit', () => {
    const t = 'The jets landed at Belarusian airfields near Baranovichi on Wednesday';
    expect(withClaimant(t, "Ukraine's defence ministry", 'government')).toBe(`${t}, the ministry says`);
    expect(withClaimant('Troops moved', "Ukraine's defence ministry", 'government')).toBe(
      "Troops moved, Ukraine's defence ministry says",
    );
  });

  it('names the place in a title as the map does', () => {
    const { all } = draftOf('Troops\n\nRussian troops were now near Kharkov and Lugansk, officials said.\n', '2022-02-03');
    expect(starting(all, 'Russian troops')!.title).toBe('Russian troops were now near Kharkiv and Luhansk, officials say');
  });

  it("leaves a place's name inside a quotation as the speaker said it", () => {
    const { all } = draftOf('Talks\n\n"We will defend Kiev," the minister told reporters in Kharkov.\n', '2022-02-03');
    expect(starting(all, '"We will')!.title).toMatch(/^"We will defend Kiev," /);
  });
});

describe('a headline that repeats the lead, whoever it credits', () => {
  it("is one event with the lead, the claimant's words aside", () => {
    const raw =
      "Russian warplanes land in Belarus ahead of drills, Kiev says\n\nKIEV, Feb. 3 (Example Wire) — Russia has moved Su-35 fighter jets and S-400 air defence systems to Belarus ahead of joint drills later this month, Ukraine's defence ministry said on Thursday.\n";
    const { all } = draftOf(raw, '2022-02-03');
    expect(all.filter((e) => e.excerpts.some((x) => x.start === 0))).toHaveLength(1);
    expect(starting(all, 'Russian warplanes')!.excerpts).toHaveLength(2);
  });
});

describe('a claimant of its kind', () => {
  const GOVERNMENTS = new Set(['Russia', 'Ukraine', 'Kiev', 'Moscow']);
  it.each([
    ['TASS reported that the drills would begin on Monday.', 'TASS', 'media'],
    ['State television said the drills would begin on Monday.', 'State television', 'media'],
    ['The news agency RIA Novosti said the drills would begin on Monday.', 'The news agency RIA Novosti', 'media'],
    ["Ukraine's defence ministry said the drills would begin on Monday.", "Ukraine's defence ministry", 'ministry'],
    ['The Pentagon said the drills would begin on Monday.', 'The Pentagon', 'ministry'],
    ['The Southern Military District said the drills would begin on Monday.', 'The Southern Military District', 'military'],
    ["Ukraine's border guard service said the drills would begin on Monday.", "Ukraine's border guard service", 'agency'],
    ['The OSCE monitoring mission said the drills would begin on Monday.', 'The OSCE monitoring mission', 'agency'],
    ['The Kremlin said the drills would begin on Monday.', 'The Kremlin', 'government'],
    ['Russia said the drills would begin on Monday.', 'Russia', 'government'],
    ['Defence Minister Sergei Shoigu said the drills would begin on Monday.', 'Defence Minister Sergei Shoigu', 'person'],
    ['Russian officials said the drills would begin on Monday.', 'Russian officials', 'official'],
  ])('%s → %s, %s', (sentence, by, kind) => {
    expect(claimOf(sentence, undefined, GOVERNMENTS).claim).toMatchObject({ by, kind });
  });

  it('gives "the press service" the kind of the body that spoke before', () => {
    const c = claimOf('The ministry held an inspection, the press service said.', undefined, GOVERNMENTS, undefined, [
      'The Ministry of Defence of the Russian Federation',
    ]);
    expect(c.claim).toMatchObject({ by: 'the press service', kind: 'ministry' });
  });
});

describe('counts in words as long as the words run', () => {
  it.each([
    ['Twenty-five tanks crossed.', 25, 'tanks'],
    ['Two hundred and fifty vehicles were seen.', 250, 'vehicles'],
    ['A dozen transport flights landed.', 12, 'transport flights'],
    ['Some forty-two jets landed.', 42, 'jets'],
    ['Three thousand troops arrived.', 3000, 'troops'],
  ])('%s → %d %s', (sentence, value, unit) => {
    expect(findQuantities(sentence, []).map((q) => [q.value, q.unit])).toEqual([[value, unit]]);
  });

  it('reads no figure from "one official" or "a two-day exercise"', () => {
    expect(findQuantities('One official said a two-day exercise began.', [])).toEqual([]);
  });

  it('lets the validator read the same value from the words', () => {
    expect(numbersIn('twenty-five tanks')).toContain(25);
    expect(numbersIn('two hundred and fifty vehicles')).toContain(250);
    expect(wordNumberValue('twenty five')).toBe(25);
    expect(wordNumberValue('banana')).toBeNull();
  });
});

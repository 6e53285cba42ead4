/**
 * The review screen's own rules (src/editor/model.ts): the article cut into runs that are its text and
 * nothing else, a new event quoting exactly the selected words, what a save sends, and which card shows
 * each of the validator's errors.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogueEvent, Place } from '../../../src/catalogue/schema';
import {
  acceptEvent,
  acceptRest,
  dateReading,
  decidePlace,
  rejectEvent,
  releasePlaces,
  withDateAdditions,
  errorsByRecord,
  eventFromSelection,
  claimantsBefore,
  figureFromSelection,
  freshId,
  mergeEvents,
  placeFromForm,
  renamePlace,
  runsOf,
  saveRequest,
  splitEvent,
  type OutsideForm,
  type Review,
} from '../../../src/editor/model';

const text = 'Russia moved jets to Belarus on Wednesday. 🚀 Officials said "<b>no</b>".';

describe('the article as runs of text', () => {
  it('joins back to the text exactly, each run under the marks over it', () => {
    const marks = [
      { kind: 'place' as const, start: 0, end: 6, label: 'place: country:RU' },
      { kind: 'excerpt' as const, start: 0, end: 42, label: 'event a' },
      { kind: 'date' as const, start: 32, end: 41, label: 'date' },
      // Out of bounds or empty: ignored, never a broken run.
      { kind: 'quantity' as const, start: 80, end: 500, label: 'bad' },
      { kind: 'quantity' as const, start: 5, end: 5, label: 'empty' },
    ];
    const runs = runsOf(text, marks);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (const r of runs) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(runs[0]).toMatchObject({ text: 'Russia', kinds: ['place', 'excerpt'] });
    expect(runs.find((r) => r.text === 'Wednesday')?.kinds).toEqual(['excerpt', 'date']);
    expect(runs.at(-1)?.kinds).toEqual([]);
  });

  it('reads what it can from the selected words and their sentence: claimant, stance, category, date, title', () => {
    const article =
      "Russia has moved jets to Belarus ahead of joint drills later this month, Ukraine's defence ministry said. " +
      'The ministry said the jets landed on Wednesday and that tens of thousands of Russian troops were now within 200 km of Kharkiv.';
    const pick = (words: string) => {
      const start = article.indexOf(words);
      return eventFromSelection(article, { start, end: start + words.length }, 'wire', [], {
        published: '2022-02-03',
        claimants: ["Ukraine's defence ministry"],
      });
    };
    const troops = pick('tens of thousands of Russian troops were now within 200 km of Kharkiv');
    expect(troops.claim).toEqual({ by: "Ukraine's defence ministry", kind: 'ministry', stance: 'asserted' });
    expect(troops.category).toBe('troops');
    expect(troops.title).toBe('Tens of thousands of Russian troops were now within 200 km of Kharkiv, the ministry says');
    const drills = pick('ahead of joint drills later this month');
    expect(drills.category).toBe('drills');
    expect(drills.claim.stance).toBe('planned');
    expect(drills.claim.by).toBe("Ukraine's defence ministry");
    expect(drills.date.expr).not.toBe('undated');
    // The claimants named before a selection, in the article's order, for the editor to pass in.
    const quoted = (by: string, start: number, kind: 'government' | 'article' = 'government') =>
      ({ ...troops, claim: { by, kind, stance: 'asserted' }, excerpts: [{ start, end: start + 5, text: 'x' }] }) as typeof troops;
    expect(claimantsBefore([quoted('B', 40), quoted('A', 10), quoted('the article', 5, 'article'), quoted('C', 90)], 50)).toEqual(
      ['A', 'B'],
    );
    // Nothing to read: the article's own voice, a statement, undated.
    const bare = eventFromSelection('It was cold.', { start: 0, end: 11 }, 'wire', []);
    expect(bare.claim.kind).toBe('article');
    expect(bare.date.expr).toBe('undated');
  });

  it('makes an event that quotes the selection at its UTF-16 offsets, with a fresh id', () => {
    const start = text.indexOf('🚀');
    const end = text.length;
    const e = eventFromSelection(text, { start, end }, 'wire', ['rocket-officials-said-b-no-b']);
    expect(e.excerpts).toEqual([{ start, end, text: text.slice(start, end) }]);
    expect(e.id).toBe('officials-said-b-no-b');
    expect(freshId('Officials said', ['officials-said', 'officials-said-2'])).toBe('officials-said-3');
    expect(e.source).toBe('wire');
  });
});

const place = (id: string): Place => ({
  id,
  names: { en: id },
  kind: 'city',
  geometry: { point: [30, 50] },
  precision: 'city',
  basis: 'article',
});
const event = (id: string, places: string[]): CatalogueEvent => ({
  id,
  source: 'wire',
  places,
  site: 'happened',
  category: 'troops',
  title: id,
  date: { expr: 'undated' },
  claim: { by: 'the article', kind: 'article', stance: 'reported' },
  excerpts: [{ start: 0, end: 6, text: 'Russia' }],
});
const item = (status: 'proposed' | 'accepted' | 'rejected') => ({
  status,
  origin: 'draft' as const,
  confidence: 0.5,
  notes: [],
});

describe('saving and its errors', () => {
  const review: Review = {
    places: [
      { place: place('a'), ...item('accepted'), mentions: [] },
      { place: place('b'), ...item('rejected'), mentions: [] },
    ],
    events: [
      { event: event('e1', ['a']), ...item('accepted'), unresolved: [] },
      { event: event('e2', ['b']), ...item('proposed'), unresolved: [] },
    ],
  };

  it('sends the accepted records only, as plain catalogue records', () => {
    const request = saveRequest('wire', review);
    expect(request).toEqual({ id: 'wire', places: [place('a')], events: [event('e1', ['a'])] });
    request.places[0].names.en = 'changed';
    expect(review.places[0].place.names.en).toBe('a');
  });

  it("puts each error on its record's card, and the rest apart", () => {
    const files = { events: 'geodata/catalogue/wire.events.json', places: 'geodata/catalogue/places.json' };
    const errors = [
      { file: files.events, id: 'e1', field: 'date.expr', message: 'unknown' },
      { file: files.events, id: 'e1', field: 'title', message: 'empty' },
      { file: files.places, id: 'a', field: 'geometry', message: 'bad' },
      { file: 'geodata/catalogue/nbc.events.json', id: 'e1', field: 'x', message: 'elsewhere' },
      { file: files.places, id: 'ukraine', field: 'x', message: 'not ours' },
    ];
    const grouped = errorsByRecord(errors, files, review);
    expect(grouped.events.get('e1')?.map((e) => e.field)).toEqual(['date.expr', 'title']);
    expect(grouped.places.get('a')?.map((e) => e.field)).toEqual(['geometry']);
    expect(grouped.other.map((e) => e.message)).toEqual(['elsewhere', 'not ours']);
  });
});

describe('fixing what a draft got wrong', () => {
  const review = (): Review => ({
    places: [
      { place: place('volgograd'), ...item('accepted'), mentions: [] },
      { place: place('minsk'), ...item('accepted'), mentions: [] },
    ],
    events: [
      { event: { ...event('e1', ['volgograd', 'minsk']), about: ['volgograd'] }, ...item('accepted'), unresolved: [] },
      { event: event('e2', ['minsk']), ...item('proposed'), unresolved: [] },
    ],
  });

  it('renames a place and every reference to it, or says why not', () => {
    const r = review();
    expect(renamePlace(r, 'volgograd', 'volgograd-oblast')).toBeNull();
    expect(r.places.map((p) => p.place.id)).toEqual(['volgograd-oblast', 'minsk']);
    expect(r.events[0].event.places).toEqual(['volgograd-oblast', 'minsk']);
    expect(r.events[0].event.about).toEqual(['volgograd-oblast']);
    expect(r.events[1].event.places).toEqual(['minsk']);
    const before = JSON.stringify(r);
    expect(renamePlace(r, 'minsk', 'volgograd-oblast')).toMatch(/taken/);
    expect(renamePlace(r, 'minsk', 'belarus', ['belarus'])).toMatch(/taken/);
    expect(renamePlace(r, 'minsk', 'Minsk City')).toMatch(/not an id/);
    expect(renamePlace(r, 'nowhere', 'somewhere')).toMatch(/no place "nowhere"/);
    expect(JSON.stringify(r)).toBe(before);
  });

  it('reads a figure from the selected words as the drafting does, keeping the words', () => {
    const t = 'Officials counted about 6,000 servicemen, two battalions and nearly 200.000 rounds near Yelnya.';
    const at = (w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length });
    expect(figureFromSelection(t, at('about 6,000 servicemen'))).toEqual({
      value: 6000,
      unit: 'servicemen',
      qualifier: 'about',
      text: 'about 6,000 servicemen',
    });
    expect(figureFromSelection(t, at('two battalions'))).toMatchObject({ value: 2, unit: 'battalions' });
    expect(figureFromSelection(t, at('near Yelnya'))).toBeNull();
  });
});

it('sends no emptied qualifier and no empty list of figures', () => {
  const e = { ...event('e', ['a']), quantities: [{ value: 6, unit: 'jets', qualifier: ' ', text: '6 jets' }] };
  const f = { ...event('f', ['a']), quantities: [] };
  const sent = saveRequest('x', { places: [], events: [e, f].map((event) => ({ event, ...item('accepted'), unresolved: [] })) });
  expect(sent.events[0].quantities).toEqual([{ value: 6, unit: 'jets', text: '6 jets' }]);
  expect('quantities' in sent.events[1]).toBe(false);
});

describe('a place the gazetteer lacks', () => {
  const form = (over: Partial<OutsideForm>): OutsideForm => ({
    name: 'Black Sea Fleet base',
    kind: 'building',
    precision: 'exact',
    basis: 'article',
    note: 'Drawn at the harbour the article names.',
    shape: 'point',
    coordinates: '33.52, 44.62',
    along: '',
    within: '',
    km: '50',
    ...over,
  });

  it('makes a point, a closed polygon, or a border band, with a fresh id and its note', () => {
    expect(placeFromForm(form({}), ['black-sea-fleet-base'])).toEqual({
      place: {
        id: 'black-sea-fleet-base-2',
        names: { en: 'Black Sea Fleet base' },
        kind: 'building',
        geometry: { point: [33.52, 44.62] },
        precision: 'exact',
        basis: 'article',
        note: 'Drawn at the harbour the article names.',
      },
    });
    const area = placeFromForm(form({ shape: 'polygon', coordinates: '36 47; 41 47; 41 44;' }), []);
    expect('place' in area && area.place.geometry).toEqual({
      polygon: [
        [36, 47],
        [41, 47],
        [41, 44],
        [36, 47],
      ],
    });
    const band = placeFromForm(form({ shape: 'border-band', along: 'ua', within: 'RU, by', km: '50' }), []);
    expect('place' in band && band.place.geometry).toEqual({ recipe: 'border-band', along: 'UA', within: ['RU', 'BY'], km: 50 });
  });

  it('says every reason at once, and makes nothing', () => {
    const bad = placeFromForm(form({ name: ' ', note: '', coordinates: '200, 10' }), []);
    expect('errors' in bad && bad.errors).toEqual([
      'name: a name is needed',
      'note: say why the place is drawn this way (what the article gives, what is a convention)',
      'coordinates: "longitude, latitude" in degrees expected, "200, 10" found',
    ]);
    const flat = placeFromForm(form({ shape: 'polygon', coordinates: '36 47; 41 47; 36 47' }), []);
    expect('errors' in flat && flat.errors).toEqual(['coordinates: three corners or more expected']);
    const band = placeFromForm(form({ shape: 'border-band', along: 'Ukraine', within: '', km: '0' }), []);
    expect('errors' in band && band.errors).toHaveLength(3);
  });
});

describe('an event kept keeps its places', () => {
  const review = (): Review => ({
    places: ['a', 'b', 'c', 'd'].map((id) => ({
      place: place(id),
      ...item(id === 'c' ? 'rejected' : 'proposed'),
      mentions: [],
    })),
    events: [
      { event: { ...event('e1', ['a']), about: ['b'] }, ...item('proposed'), unresolved: [] },
      { event: event('e2', ['c', 'd']), ...item('proposed'), unresolved: [] },
      { event: event('e3', ['d']), ...item('rejected'), unresolved: [] },
      { event: event('pending', []), ...item('proposed'), unresolved: ['Salla'] },
    ],
  });
  const statuses = (r: Review) =>
    Object.fromEntries([...r.places, ...r.events].map((x) => ['place' in x ? x.place.id : x.event.id, x.status]));

  it('accepting an event accepts the proposed places it names, where and about; a rejected place stays rejected', () => {
    const r = review();
    expect(acceptEvent(r, r.events[0]).map((p) => p.place.id)).toEqual(['a', 'b']);
    expect(statuses(r)).toMatchObject({ e1: 'accepted', a: 'accepted', b: 'accepted', c: 'rejected', d: 'proposed' });
    // The save then holds the event and its places: nothing it names is missing.
    const saved = saveRequest('wire', r);
    expect(saved.places.map((p) => p.id)).toEqual(['a', 'b']);
    expect(saved.events.map((e) => e.id)).toEqual(['e1']);
  });

  it('"accept the rest" keeps every event still proposed that has a place; decided ones and pending ones stay', () => {
    const r = review();
    expect(acceptRest(r)).toBe(2);
    expect(statuses(r)).toEqual({
      a: 'accepted',
      b: 'accepted',
      c: 'rejected',
      d: 'accepted',
      e1: 'accepted',
      e2: 'accepted',
      e3: 'rejected',
      pending: 'proposed',
    });
    expect(acceptRest(r)).toBe(0);
  });

  it('a place that only came with an event goes back to proposed when no kept event names it; one the editor accepted stays', () => {
    const r = review();
    acceptEvent(r, r.events[0]);
    acceptEvent(r, r.events[1]);
    decidePlace(r.places[0], 'accepted');
    // a: the editor's own decision now; b came with e1 alone, d with e2.
    r.events[1].event.places = ['c'];
    expect(releasePlaces(r).map((p) => p.place.id)).toEqual(['d']);
    rejectEvent(r, r.events[0]);
    expect(statuses(r)).toMatchObject({ a: 'accepted', b: 'proposed', d: 'proposed', e1: 'rejected', e2: 'accepted' });
    expect(saveRequest('wire', r).places.map((p) => p.id)).toEqual(['a']);
  });
});

describe('splitting and merging events', () => {
  const two = (): Review => ({
    places: [],
    events: [
      {
        event: {
          ...event('e1', ['a']),
          excerpts: [
            { start: 0, end: 6, text: 'Russia' },
            { start: 20, end: 28, text: 'to Belar' },
          ],
        },
        ...item('accepted'),
        unresolved: [],
      },
      {
        event: { ...event('e2', ['b']), quantities: [{ value: 6, unit: 'jets', text: '6 jets' }] },
        ...item('proposed'),
        unresolved: ['Baranovichi airfield'],
      },
    ],
  });

  it('splits one event in two, the last excerpt moving to the copy beside it', () => {
    const r = two();
    const made = splitEvent(r, r.events[0]);
    expect(r.events.map((e) => e.event.id)).toEqual(['e1', 'e1-2', 'e2']);
    expect(r.events[0].event.excerpts.map((x) => x.text)).toEqual(['Russia']);
    expect(made.event.excerpts.map((x) => x.text)).toEqual(['to Belar']);
    expect(made.event.places).toEqual(['a']);
    // One excerpt: both quote it.
    const again = splitEvent(r, r.events[0]);
    expect(again.event.excerpts).toEqual(r.events[0].event.excerpts);
    expect(again.event.id).toBe('e1-3');
  });

  it('merges two events into one, each excerpt, place and figure once, the other rejected', () => {
    const r = two();
    mergeEvents(r.events[0], r.events[1]);
    mergeEvents(r.events[0], r.events[1]);
    const e = r.events[0].event;
    expect(e.excerpts.map((x) => x.start)).toEqual([0, 20]);
    expect(e.places).toEqual(['a', 'b']);
    expect(e.quantities).toEqual([{ value: 6, unit: 'jets', text: '6 jets' }]);
    expect(r.events[0].unresolved).toEqual(['Baranovichi airfield']);
    expect(r.events[1].status).toBe('rejected');
    expect(r.events[1].notes).toContain('merged into e1');
  });
});

describe('the card says what a date expression comes to', () => {
  it('gives its precision and days, a window as a convention, and an unreadable one as an error', () => {
    expect(dateReading({ expr: 'Tuesday' }, '2022-01-26')).toEqual({ text: 'a day: 2022-01-25', ok: true });
    expect(dateReading({ expr: 'last week' }, '2022-01-26')).toEqual({ text: 'a week: 2022-01-17 to 2022-01-23', ok: true });
    expect(dateReading({ expr: 'undated' }, '2022-01-26')).toEqual({ text: 'undated: no time on the map', ok: true });
    expect(dateReading({ expr: 'in the coming days' }, '2022-01-26').text).toMatch(
      /^a window: 2022-01-2\d to 2022-0\d-\d\d, its bounds a stated convention$/,
    );
    // What the article adds to a weekday: one to come, and a duration from it; a weekend is its two days.
    expect(dateReading({ expr: 'Tuesday', ahead: true }, '2022-01-26')).toEqual({ text: 'a day: 2022-02-01', ok: true });
    expect(dateReading({ expr: 'Sunday', lasting: { days: 2, text: 'two-day' } }, '2022-01-26')).toEqual({
      text: 'a window: 2022-01-23 to 2022-01-24',
      ok: true,
    });
    expect(dateReading({ expr: 'over the weekend' }, '2022-01-26')).toEqual({
      text: 'a window: 2022-01-22 to 2022-01-23',
      ok: true,
    });
    expect(dateReading({ expr: 'next week', ahead: true }, '2022-01-26').ok).toBe(false);
    expect(dateReading({ expr: 'Sunday', lasting: { days: 3, text: 'two-day' } }, '2022-01-26').text).toContain(
      'does not say 3 days',
    );
    const bad = dateReading({ expr: 'sometime soonish' }, '2022-01-26');
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('sometime soonish');
  });
});

describe("the card's additions to a date phrase", () => {
  it('sets and clears "to come" and a duration, reading the days from the words', () => {
    const ahead = withDateAdditions({ expr: 'Wednesday' }, { ahead: true });
    expect(ahead).toEqual({ expr: 'Wednesday', ahead: true });
    const both = withDateAdditions(ahead, { lasting: 'three-day' });
    expect(both).toEqual({ expr: 'Wednesday', ahead: true, lasting: { days: 3, text: 'three-day' } });
    expect(dateReading(both, '2022-02-07')).toEqual({ text: 'a window: 2022-02-09 to 2022-02-11', ok: true });
    expect(withDateAdditions(both, { ahead: false, lasting: ' ' })).toEqual({ expr: 'Wednesday' });
    const wrong = withDateAdditions({ expr: 'Sunday' }, { lasting: 'a long' });
    expect(dateReading(wrong, '2022-02-14').ok).toBe(false);
  });
});

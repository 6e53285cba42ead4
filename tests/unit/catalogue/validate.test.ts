/**
 * One test per kind of catalogue error, each checking the exact report (file, id, field, message), on a
 * small catalogue built here; and that every error of a run is reported at once.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RING, validateCatalogue, type BasemapIndex, type CatalogueInput } from '../../../src/catalogue/validate';

const TEXT = 'Headline here\n\nRussia held drills in the Rostov region on Tuesday. Over 100,000 troops massed.';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, text: quote });
const BASEMAP: BasemapIndex = {
  units: new Set(['RU-ROS']),
  countries: new Set(['UA', 'RU']),
  gazetteer: new Set(['geonames:703448']),
  neighbours: new Set(['RU UA']),
};

type Json = Record<string, unknown>;
function catalogue(change: (c: { source: Json; places: Json[]; events: Json[] }) => void = () => {}): CatalogueInput {
  const c = {
    source: {
      id: 'src',
      title: 'T',
      publisher: 'P',
      published: '2022-01-26',
      text: 'src.txt',
      captured_from: 'seed.txt',
      removed: [],
      captions: [],
      blocks: [
        { kind: 'headline', start: 0, end: 13 },
        { kind: 'paragraph', start: 15, end: TEXT.length },
      ],
    } as Json,
    places: [
      {
        id: 'rostov',
        names: { en: 'Rostov region' },
        kind: 'region',
        geometry: { units: ['RU-ROS'] },
        precision: 'region',
        basis: 'article',
      },
      {
        id: 'kyiv',
        names: { en: 'Kyiv' },
        kind: 'city',
        geometry: { gazetteer: 'geonames:703448' },
        precision: 'city',
        basis: 'article',
      },
    ] as Json[],
    events: [
      {
        id: 'drills',
        source: 'src',
        places: ['rostov'],
        site: 'happened',
        category: 'drills',
        title: 'Drills',
        date: { expr: 'Tuesday' },
        quantities: [{ value: 100000, unit: 'troops', qualifier: 'over', text: '100,000 troops' }],
        claim: { by: 'the article', kind: 'article', stance: 'reported' },
        excerpts: [at('Russia held drills in the Rostov region on Tuesday.'), at('Over 100,000 troops massed.')],
      },
    ] as Json[],
  };
  change(c);
  return {
    sources: [{ file: 'sources/src.json', record: c.source, text: TEXT }],
    places: { file: 'catalogue/places.json', json: { places: c.places } },
    events: [{ file: 'catalogue/src.events.json', json: { events: c.events } }],
  };
}
const ev = (c: { events: Json[] }) => c.events[0];
/** A closed ring, for polygon places. */
const RING = [
  [28, 66],
  [60, 66],
  [60, 76],
  [28, 66],
];
const errorsOf = (input: CatalogueInput) => validateCatalogue(input, BASEMAP);

describe('validateCatalogue', () => {
  it('accepts a well-formed catalogue', () => {
    expect(errorsOf(catalogue())).toEqual([]);
  });

  const E = 'catalogue/src.events.json';
  const P = 'catalogue/places.json';
  it.each<[string, Parameters<typeof catalogue>[0], { file: string; id: string; field: string; message: string | RegExp }]>([
    [
      'an excerpt that is not the source text at its offsets',
      (c) => ((ev(c).excerpts as Json[])[0] = { ...at('Russia held drills'), text: 'Russia held exercises' }),
      {
        file: E,
        id: 'drills',
        field: 'excerpts[0].text',
        message: 'does not match the source at 15–33, which reads "Russia held drills"; the quoted text is not in the source',
      },
    ],
    [
      'an excerpt whose offsets are shifted',
      (c) => ((ev(c).excerpts as Json[])[0] = { ...at('Russia held drills'), start: 16, end: 34 }),
      {
        file: E,
        id: 'drills',
        field: 'excerpts[0].text',
        message: 'does not match the source at 16–34, which reads "ussia held drills "; the quoted text is at 15–33',
      },
    ],
    [
      'an empty excerpt',
      (c) => ((ev(c).excerpts as Json[])[1] = { start: 20, end: 20, text: '' }),
      { file: E, id: 'drills', field: 'excerpts[1].text', message: 'must not be empty' },
    ],
    [
      'no excerpts at all',
      (c) => (ev(c).excerpts = []),
      { file: E, id: 'drills', field: 'excerpts', message: 'must not be empty' },
    ],
    [
      'offsets out of bounds',
      (c) => ((ev(c).excerpts as Json[])[1] = { start: 90, end: 500, text: 'x' }),
      {
        file: E,
        id: 'drills',
        field: 'excerpts[1].start',
        message: `offsets 90–500 out of bounds: the text has ${TEXT.length} characters, and start < end`,
      },
    ],
    [
      'overlapping excerpts',
      (c) => ((ev(c).excerpts as Json[])[1] = at('drills in the Rostov')),
      { file: E, id: 'drills', field: 'excerpts[1].start', message: 'overlaps excerpts[0] (15–66)' },
    ],
    [
      'an unknown place',
      (c) => (ev(c).places = ['rostov', 'atlantis']),
      { file: E, id: 'drills', field: 'places[1]', message: 'unknown place "atlantis"' },
    ],
    [
      'an unknown source',
      (c) => (ev(c).source = 'nope'),
      { file: E, id: 'drills', field: 'source', message: 'unknown source "nope"' },
    ],
    [
      'an unknown category',
      (c) => (ev(c).category = 'weather'),
      { file: E, id: 'drills', field: 'category', message: /^one of troops, drills, .* expected, "weather" found$/ },
    ],
    [
      'a date phrase it cannot resolve',
      (c) => (ev(c).date = { expr: 'soon' }),
      { file: E, id: 'drills', field: 'date.expr', message: /^unknown date phrase "soon"/ },
    ],
    [
      'a date the excerpts do not give',
      (c) => (ev(c).date = { expr: 'Monday' }),
      {
        file: E,
        id: 'drills',
        field: 'date.expr',
        message: '"Monday" does not appear in the event\'s excerpts: a date must be the article\'s own',
      },
    ],
    [
      'an impossible publication date',
      (c) => (c.source.published = '2022-02-30'),
      { file: 'sources/src.json', id: 'src', field: 'published', message: 'no such day: 2022-02-30' },
    ],
    [
      'a malformed publication date',
      (c) => (c.source.published = '26/01/2022'),
      { file: 'sources/src.json', id: 'src', field: 'published', message: 'ISO date YYYY-MM-DD expected, "26/01/2022" found' },
    ],
    [
      'a latitude out of range (swapped coordinates)',
      (c) => (c.places[1].geometry = { point: [30.5, 150.4] }),
      { file: P, id: 'kyiv', field: 'geometry.point', message: 'latitude 150.4 out of range -90..90 (is [lng, lat] swapped?)' },
    ],
    [
      'a longitude out of range',
      (c) => (c.places[1].geometry = { point: [200, 50] }),
      { file: P, id: 'kyiv', field: 'geometry.point', message: 'longitude 200 out of range -180..180' },
    ],
    [
      'an unknown basemap unit',
      (c) => (c.places[0].geometry = { units: ['RU-ZZZ'] }),
      { file: P, id: 'rostov', field: 'geometry.units[0]', message: 'unknown basemap unit (ISO 3166-2) "RU-ZZZ"' },
    ],
    [
      'a duplicate place id',
      (c) => (c.places[1].id = 'rostov'),
      { file: P, id: 'rostov', field: 'id', message: 'duplicate places id (also in catalogue/places.json)' },
    ],
    [
      'a duplicate event id',
      (c) => c.events.push({ ...ev(c) }),
      { file: E, id: 'drills', field: 'id', message: 'duplicate events id (also in catalogue/src.events.json)' },
    ],
    [
      'an id that is not kebab-case',
      (c) => (ev(c).id = 'Drills 1'),
      { file: E, id: 'events[0]', field: 'id', message: 'lower-case words joined by hyphens expected, "Drills 1" found' },
    ],
    [
      'a source marked fictional with anything but true',
      (c) => (c.source.fictional = 'yes'),
      { file: 'sources/src.json', id: 'src', field: 'fictional', message: 'true or nothing expected, "yes" found' },
    ],
    [
      'an agency story named by an empty string',
      (c) => (c.source.carries = ' '),
      { file: 'sources/src.json', id: 'src', field: 'carries', message: 'must not be empty' },
    ],
    [
      'a misspelt field',
      (c) => (ev(c).catgory = 'drills'),
      { file: E, id: 'drills', field: 'catgory', message: /^unknown field \(known: id, source, places/ },
    ],
    [
      'a number the quoted words do not give',
      (c) => ((ev(c).quantities as Json[])[0].value = 10000),
      { file: E, id: 'drills', field: 'quantities[0].value', message: '10000 is not the number "100,000 troops" gives' },
    ],
    [
      'a huge number',
      (c) => ((ev(c).quantities as Json[])[0].value = 1e300),
      { file: E, id: 'drills', field: 'quantities[0].value', message: 'a number from 0 to 1000000000000 expected, 1e+300 found' },
    ],
    [
      'a broken UTF-16 surrogate',
      (c) => (ev(c).title = 'Drills \uD800'),
      { file: E, id: 'drills', field: 'title', message: 'contains a broken UTF-16 surrogate' },
    ],
    [
      'a general-knowledge place without a note',
      (c) => (c.places[0].basis = 'context'),
      {
        file: P,
        id: 'rostov',
        field: 'note',
        message: 'a place drawn from general knowledge (basis "context") must say so in a note',
      },
    ],
    [
      'a wrong type',
      (c) => (ev(c).places = 'rostov'),
      { file: E, id: 'drills', field: 'places', message: 'array expected, string found' },
    ],
    [
      'a seat of government that is not a city (a seat is a capital)',
      (c) => (ev(c).site = 'seat'),
      { file: E, id: 'drills', field: 'places[0]', message: 'a seat of government is a capital city; "rostov" is a region' },
    ],
    [
      'no place and nothing it is about',
      (c) => (ev(c).places = []),
      { file: E, id: 'drills', field: 'places', message: 'must not be empty' },
    ],
    [
      'an approximate zone drawn as a point',
      (c) => Object.assign(c.places[1], { precision: 'zone' }),
      {
        file: P,
        id: 'kyiv',
        field: 'precision',
        message: 'an approximate zone must be drawn as an area (units, countries, polygon or recipe), not a point',
      },
    ],
    [
      'a polygon ring that is not closed',
      (c) =>
        Object.assign(c.places[0], {
          geometry: { polygon: [...RING.slice(0, 3), [28, 76]] },
          note: 'A drawing convention.',
        }),
      { file: P, id: 'rostov', field: 'geometry.polygon', message: 'the ring must end where it starts' },
    ],
    [
      'a polygon less the land of a country the basemap does not have',
      (c) =>
        Object.assign(c.places[0], {
          geometry: { polygon: RING, except: ['NO', 'XX'] },
          note: 'A drawing convention.',
        }),
      { file: P, id: 'rostov', field: 'geometry.except[1]', message: 'unknown basemap country (ISO 3166-1 alpha-2) "XX"' },
    ],
    [
      'a polygon without a note saying what bounds it',
      (c) =>
        Object.assign(c.places[0], {
          geometry: { polygon: RING },
        }),
      {
        file: P,
        id: 'rostov',
        field: 'note',
        message: 'a polygon given outright is a drawing convention: the note must say what bounds it',
      },
    ],
    [
      'an article URL that is not https',
      (c) => (c.source.url = 'javascript:alert(1)'),
      {
        file: 'sources/src.json',
        id: 'src',
        field: 'url',
        message: 'an https URL of the original article expected, "javascript:alert(1)" found',
      },
    ],
    [
      'a clip box the wrong way round',
      (c) => Object.assign(c.places[0], { geometry: { countries: ['RU'], clip: [45, 34, -25, 72] } }),
      { file: P, id: 'rostov', field: 'geometry.clip', message: /^\[west, south, east, north\]/ },
    ],
  ])('reports %s', (_what, change, expected) => {
    const errors = errorsOf(catalogue(change));
    expect(errors).toContainEqual(
      typeof expected.message === 'string' ? expected : { ...expected, message: expect.stringMatching(expected.message) },
    );
  });

  it('accepts an event with no place when it says what it is about (the article gives none)', () => {
    expect(errorsOf(catalogue((c) => Object.assign(ev(c), { places: [], about: ['kyiv'] })))).toEqual([]);
  });

  it('a measure needs two different countries: a border of a country with itself is its internal lines', () => {
    const input = catalogue();
    const measure = (border: string[]) => {
      (input.places.json as Json).measures = [{ id: 'kyiv-to-border', from: 'kyiv', to: { border } }];
      return errorsOf(input);
    };
    expect(measure(['UA', 'RU'])).toEqual([]);
    expect(measure(['UA', 'UA'])).toEqual([
      {
        file: 'catalogue/places.json',
        id: 'kyiv-to-border',
        field: 'to.border',
        message: 'two different basemap country codes expected, ["UA","UA"] found',
      },
    ]);
  });

  it('reports every error of a run at once, across files', () => {
    const errors = errorsOf(
      catalogue((c) => {
        c.source.published = '2022-13-01';
        c.places[1].geometry = { point: [0, 95] };
        ev(c).category = 'weather';
        ev(c).places = ['atlantis'];
      }),
    );
    expect(errors.map((e) => `${e.file}:${e.field}`)).toEqual(
      expect.arrayContaining([
        'sources/src.json:published',
        'catalogue/places.json:geometry.point',
        `${E}:category`,
        `${E}:places[0]`,
      ]),
    );
  });

  it("checks a file's claimants map: every claimant's side given, known, and used, all errors at once", () => {
    const input = catalogue((c) => {
      ev(c).claim = { by: 'a ministry', kind: 'government', stance: 'asserted' };
      c.events.push({ ...ev(c), id: 'second', claim: { by: 'an official', kind: 'official', stance: 'reported' } });
    });
    const file = input.events[0];
    const E = file.file;
    // No map: the file gives no sides, and that is not an error (shown as "side not given").
    expect(errorsOf(input)).toEqual([]);
    (file.json as Json).claimants = { 'a ministry': 'russia', 'an official': 'us' };
    expect(errorsOf(input)).toEqual([]);
    (file.json as Json).claimants = { 'a ministry': 'Kremlin', 'nobody here': 'nato', 'the article': 'media' };
    expect(errorsOf(input).map((e) => `${e.file}: ${e.id}: ${e.field}: ${e.message}`)).toEqual([
      `${E}: (file): claimants["a ministry"]: one of russia, ukraine, us, nato, other-government, media expected, "Kremlin" found`,
      `${E}: second: claim.by: no side for "an official": add it to the file's "claimants" map (one of russia, ukraine, us, nato, other-government, media)`,
      `${E}: (file): claimants["nobody here"]: no event of this file has this claimant`,
      `${E}: (file): claimants["the article"]: no event of this file has this claimant`,
    ]);
    (file.json as Json).claimants = ['russia'];
    expect(errorsOf(input).map((e) => `${e.id}: ${e.field}: ${e.message}`)).toEqual([
      '(file): claimants: object expected, array found',
    ]);
  });

  it("checks what an event's date adds to its phrase: a weekday to come, a duration in the excerpt's words", () => {
    const withDate = (date: Json) =>
      errorsOf(catalogue((c) => (ev(c).date = date))).map((e) => `${e.id}: ${e.field}: ${e.message}`);
    expect(withDate({ expr: 'Tuesday', ahead: true })).toEqual([]);
    expect(withDate({ expr: 'Tuesday', ahead: 'yes' })).toEqual(['drills: date.ahead: true or absent expected, "yes" found']);
    expect(withDate({ expr: 'Tuesday', lasting: { days: 2, text: 'two-day' } })).toEqual([
      `drills: date.lasting.text: "two-day" does not appear in the event's excerpts: a duration must be the article's own`,
    ]);
    expect(withDate({ expr: 'Tuesday', when: 'later' })).toEqual([
      'drills: date.when: unknown field (known: expr, ahead, lasting)',
    ]);
  });

  it('an events file may say it is a draft published unreviewed, and nothing else', () => {
    const input = catalogue(() => {});
    const file = input.events[0];
    (file.json as Json).review = 'draft';
    expect(errorsOf(input)).toEqual([]);
    (file.json as Json).review = 'reviewed';
    expect(errorsOf(input).map((e) => `${e.file}: ${e.id}: ${e.field}: ${e.message}`)).toEqual([
      `${file.file}: (file): review: "draft" or nothing expected, "reviewed" found`,
    ]);
  });

  it("holds one article per events file: its source known, every event that source's, no other field", () => {
    const input = catalogue(() => {});
    const file = input.events[0];
    const lines = () => errorsOf(input).map((e) => `${e.id}: ${e.field}: ${e.message}`);
    (file.json as Json).source = 'src';
    expect(lines()).toEqual([]);
    (file.json as Json).source = 'another-article';
    (file.json as Json).reviewed_by = 'me';
    expect(lines().sort()).toEqual(
      [
        '(file): reviewed_by: unknown field (known: source, review, claimants, events)',
        '(file): source: unknown source "another-article"',
        'drills: source: "src" is another article\'s source: this file holds "another-article"\'s events (put the event in that article\'s file)',
      ].sort(),
    );
  });

  it('refuses a polygon that crosses itself, and one of more points than a person draws', () => {
    const withRing = (ring: number[][]) =>
      errorsOf(
        catalogue((c) => {
          c.places[0] = { ...c.places[0], geometry: { polygon: ring }, precision: 'zone', note: 'Drawn by hand.' };
        }),
      ).map((e) => `${e.id}: ${e.field}: ${e.message}`);
    expect(withRing(RING)).toEqual([]);
    // A bow tie: its two edges cross at [44, 71].
    const bowTie = [
      [28, 66],
      [60, 76],
      [60, 66],
      [28, 76],
      [28, 66],
    ];
    expect(withRing(bowTie)).toEqual([
      'rostov: geometry.polygon: the ring crosses itself (1 crossing, the first at [44, 71]): an area drawn across itself has no inside a reader can trust',
    ]);
    // A circle of 200,000 points: refused by its size, before any crossing is looked for.
    const n = 200_000;
    const circle = Array.from({ length: n }, (_, i) => [
      40 + 5 * Math.cos((2 * Math.PI * i) / n),
      70 + 3 * Math.sin((2 * Math.PI * i) / n),
    ]);
    circle.push(circle[0]);
    expect(withRing(circle)).toEqual([
      `rostov: geometry.polygon: at most ${MAX_RING} points expected, ${n + 1} found: simplify it`,
    ]);
  });

  it('never throws, whatever the input', () => {
    for (const junk of [null, 42, 'text', [], { places: 'x' }, { events: [null, 1, 'x', []] }]) {
      const input = catalogue();
      expect(() =>
        validateCatalogue({ ...input, places: { file: 'p', json: junk }, events: [{ file: 'e', json: junk }] }, BASEMAP),
      ).not.toThrow();
    }
  });
});

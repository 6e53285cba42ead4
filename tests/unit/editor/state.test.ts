/**
 * The review screen's state and actions without a browser or a server (issue 25, point 4:
 * src/editor/state.svelte.ts), driven as the page drives them, with the server's answers from a fake that
 * records every request: the queue loaded and its first draft opened (and moved to "in review"), proposals
 * accepted and rejected by click and by key, what Save sends and says, the map's preview, the next article
 * and a rejected one, and a failing server's message shown, never swallowed.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogueEvent, Place, Source } from '../../../src/catalogue/schema';
import type { DraftEvent, DraftFile, DraftPlace } from '../../../src/draft/types';
import { eventFromSelection } from '../../../src/editor/model';
import type { DraftSummary, OpenedDraft, SaveResult } from '../../../src/editor/protocol';
import { EditorState, type EditorApi } from '../../../src/editor/state.svelte';

const TEXT = 'Jets land in Minsk\n\nRussia moved jets to Minsk on Wednesday, the ministry said. About 30 planes landed.';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const info = { confidence: 0.8, alternatives: [], notes: ['a note'] };

/** A city as the catalogue holds it. */
const city = (id: string, name: string, point: [number, number]): Place => {
  return { id, names: { en: name }, kind: 'city', geometry: { point }, precision: 'city', basis: 'article' };
};
const MINSK = city('minsk', 'Minsk', [27.56, 53.9]);

/** A proposed place, as the drafting writes one. */
const proposed = (p: Place): DraftPlace => ({ ...p, draft: { ...info, entry: `gazetteer:${p.id}`, mentions: [] } });
const country = (id: string, name: string, code: string): DraftPlace =>
  proposed({ ...MINSK, id, names: { en: name }, kind: 'country', geometry: { countries: [code] }, precision: 'country' });

/** A proposed event quoting `words`, read from them as the editor's own "Add an event" reads them. */
const event = (id: string, words: string, places: string[]): DraftEvent => ({
  ...eventFromSelection(TEXT, at(words), 'a', [], { published: '2022-02-03' }),
  id,
  places,
  draft: { ...info, mentions: [], dates: [], quantities: [], unresolved: [] },
});

const draft: DraftFile = {
  draft: { generator: 'test', source: 'a', published: '2022-02-03', gazetteer: { sources: [] }, focus: {}, milliseconds: 1 },
  places: [proposed(MINSK), country('russia', 'Russia', 'RU'), country('belarus', 'Belarus', 'BY')],
  events: [
    event('jets-moved', 'Russia moved jets to Minsk on Wednesday', ['minsk', 'russia']),
    event('planes-landed', 'About 30 planes landed', ['minsk']),
  ],
  pending: [],
  mentions: [],
  dates: [],
  quantities: [],
};

const publication = { title: 'Jets land in Minsk', publisher: 'Example Wire', published: '2022-02-03', captured_from: 'paste' };
const blocks: Source['blocks'] = [
  { kind: 'headline', start: 0, end: 18 },
  { kind: 'paragraph', start: 20, end: TEXT.length },
];

const openedDraft = (id: string): OpenedDraft => ({
  id,
  file: `geodata/catalogue/${id}.draft.json`,
  eventsFile: `geodata/catalogue/${id}.events.json`,
  draft,
  source: { ...publication, id, text: `${id}.txt`, removed: [], captions: [], blocks },
  text: TEXT,
  catalogue: [city('kyiv', 'Kyiv', [30.5, 50.4])],
  saved: null,
});

const summary = (id: string, status: DraftSummary['status'], unreviewed = false): DraftSummary => ({
  id,
  file: `geodata/catalogue/${id}.draft.json`,
  saved: status === 'published',
  status,
  unreviewed,
});

type Request = { method: 'GET' | 'POST'; url: string; body?: unknown };

/**
 * The editor's server as a fake: a queue of drafts it moves as /api/status asks, each draft opened as
 * openedDraft makes it, and `answers` for the rest (a function of the body, or an Error to throw).
 */
function fakeServer(drafts: DraftSummary[], initial: string | null, answers: Record<string, unknown> = {}) {
  const requests: Request[] = [];
  let queue = drafts.map((d) => ({ ...d }));
  const answer = (key: string, body: unknown, fallback: () => unknown) => {
    const a = answers[key];
    if (a instanceof Error) throw a;
    return a === undefined ? fallback() : typeof a === 'function' ? (a as (b: unknown) => unknown)(body) : a;
  };
  const api: EditorApi = {
    async get<T>(url: string) {
      requests.push({ method: 'GET', url });
      const [path, query] = url.split('?');
      if (path === '/api/draft') {
        const id = new URLSearchParams(query).get('id')!;
        return answer(path, id, () => openedDraft(id)) as T;
      }
      return answer(path, undefined, () => ({ drafts: queue, initial })) as T;
    },
    async post<T>(url: string, body: unknown) {
      // A copy, as the wire has it: not the screen's own state.
      requests.push({ method: 'POST', url, body: JSON.parse(JSON.stringify(body)) });
      return answer(url, body, () => {
        if (url !== '/api/status') throw new Error(`no answer for ${url}`);
        const { id, status } = body as { id: string; status: DraftSummary['status'] };
        queue = queue.map((d) => (d.id === id ? { ...d, status } : d));
        return queue.find((d) => d.id === id);
      }) as T;
    },
  };
  return { api, requests, setQueue: (q: DraftSummary[]) => (queue = q) };
}

/** The screen with the queue loaded and draft `a` opened from it. */
async function opened(answers: Record<string, unknown> = {}) {
  const server = fakeServer([summary('a', 'to review'), summary('b', 'to review'), summary('c', 'published')], 'a', answers);
  const editor = new EditorState(server.api);
  await editor.load();
  return { editor, ...server };
}

const eventItem = (editor: EditorState, id: string) => editor.review.events.find((e) => e.event.id === id)!;
const placeItem = (editor: EditorState, id: string) => editor.review.places.find((p) => p.place.id === id)!;
const statuses = (editor: EditorState) => Object.fromEntries(editor.review.places.map((p) => [p.place.id, p.status]));

describe('EditorState', () => {
  it('loads the queue and opens its initial draft, moving it from "to review" to "in review"', async () => {
    const { editor, requests } = await opened();
    expect(requests).toEqual([
      { method: 'GET', url: '/api/drafts' },
      { method: 'GET', url: '/api/draft?id=a' },
      { method: 'POST', url: '/api/status', body: { id: 'a', status: 'in review' } },
    ]);
    expect(editor.chosen).toBe('a');
    expect(editor.opened?.id).toBe('a');
    expect(editor.message).toBe('');
    expect(editor.counts).toEqual([
      ['to review', 1],
      ['in review', 1],
      ['published', 1],
      ['rejected', 0],
    ]);
    expect(editor.review.events.map((e) => [e.event.id, e.status])).toEqual([
      ['jets-moved', 'proposed'],
      ['planes-landed', 'proposed'],
    ]);
    // Places an event may name: the review's, then the catalogue's it does not repeat.
    expect(editor.choices.map((c) => `${c.id}:${c.status}`)).toEqual([
      'minsk:proposed',
      'russia:proposed',
      'belarus:proposed',
      'kyiv:catalogue',
    ]);
    expect(editor.marks.filter((m) => m.kind === 'excerpt').map((m) => m.label)).toEqual([
      'event jets-moved',
      'event planes-landed',
    ]);
  });

  it('opens the only draft when the server names none, and nothing when there are several', async () => {
    const one = fakeServer([summary('solo', 'in review')], null);
    const single = new EditorState(one.api);
    await single.load();
    expect(single.opened?.id).toBe('solo');
    // Already in review: not moved again.
    expect(one.requests.map((r) => r.url)).toEqual(['/api/drafts', '/api/draft?id=solo']);

    const two = fakeServer([summary('a', 'to review'), summary('b', 'to review')], null);
    const several = new EditorState(two.api);
    await several.load();
    expect(several.opened).toBeNull();
    expect(several.drafts.map((d) => d.id)).toEqual(['a', 'b']);
    expect(two.requests.map((r) => r.url)).toEqual(['/api/drafts']);
  });

  it('an event accepted keeps the places it names; rejected, it lets go of those only it brought', async () => {
    const { editor } = await opened();
    editor.decideEvent(eventItem(editor, 'jets-moved'), 'accepted');
    expect(statuses(editor)).toEqual({ minsk: 'accepted', russia: 'accepted', belarus: 'proposed' });
    // A place decided by the editor stays as decided.
    editor.decidePlace(placeItem(editor, 'russia'), 'accepted');
    editor.decidePlace(placeItem(editor, 'belarus'), 'rejected');
    editor.decideEvent(eventItem(editor, 'jets-moved'), 'rejected');
    expect(eventItem(editor, 'jets-moved').status).toBe('rejected');
    expect(statuses(editor)).toEqual({ minsk: 'proposed', russia: 'accepted', belarus: 'rejected' });
    expect(editor.views.has('russia')).toBe(true);
    expect(editor.views.has('minsk')).toBe(false);
  });

  it('the keys a and r decide the card at their index; A accepts the rest, saying how many', async () => {
    const { editor } = await opened();
    editor.decideCard('event', 1, 'rejected');
    editor.decideCard('place', 2, 'accepted');
    // No card there: nothing happens.
    editor.decideCard('event', 9, 'accepted');
    expect(editor.review.events.map((e) => e.status)).toEqual(['proposed', 'rejected']);
    expect(placeItem(editor, 'belarus').status).toBe('accepted');
    editor.acceptTheRest();
    expect(editor.review.events.map((e) => e.status)).toEqual(['accepted', 'rejected']);
    expect(editor.message).toBe(
      'Accepted the one event still proposed, with the places they name. Reject what you do not keep, then Save.',
    );
    editor.acceptTheRest();
    expect(editor.message).toBe('No event with a place is still proposed.');
  });

  it('sends nothing to check or save before an event is accepted, and says so', async () => {
    const { editor, requests } = await opened();
    const before = requests.length;
    await editor.submit(true);
    await editor.submit(false);
    expect(requests.length).toBe(before);
    expect(editor.message).toMatch(/^Nothing accepted yet: .* Nothing was checked or written\.$/);
  });

  it('saves the accepted places and events, says what it wrote, and reloads the queue', async () => {
    const saved: SaveResult = {
      ok: true,
      errors: [],
      written: ['geodata/catalogue/places.json', 'geodata/catalogue/a.events.json'],
      layers: { folder: 'geodata/layers', summary: '3 places, 2 events' },
    };
    const { editor, requests, setQueue } = await opened({ '/api/save': saved });
    editor.decideEvent(eventItem(editor, 'planes-landed'), 'accepted');
    editor.review.captions = [20];
    eventItem(editor, 'planes-landed').event.title = 'About 30 planes land in Minsk';
    setQueue([summary('a', 'published'), summary('b', 'to review'), summary('c', 'published')]);
    await editor.submit(false);
    const { draft: _info, ...landed } = draft.events[1];
    expect(requests.at(-2)).toEqual({
      method: 'POST',
      url: '/api/save',
      body: {
        id: 'a',
        places: [MINSK],
        events: [{ ...landed, title: 'About 30 planes land in Minsk' } satisfies CatalogueEvent],
        captions: [20],
      },
    });
    expect(requests.at(-1)).toEqual({ method: 'GET', url: '/api/drafts' });
    expect(editor.message).toBe(
      'Saved: geodata/catalogue/places.json, geodata/catalogue/a.events.json. geodata/layers built again (3 places, 2 events): reload the reader (npm run dev), or start it again (npm start).',
    );
    expect(editor.counts[2]).toEqual(['published', 2]);
    expect(editor.busy).toBe(false);
  });

  it("shows a refused save's errors on the cards of the records they name, and the rest apart", async () => {
    const refused: SaveResult = {
      ok: false,
      written: [],
      errors: [
        { file: 'geodata/catalogue/a.events.json', id: 'jets-moved', field: 'date.expr', message: 'unknown phrase' },
        { file: 'geodata/catalogue/places.json', id: 'minsk', field: 'geometry', message: 'no such point' },
        { file: 'geodata/catalogue/other.events.json', id: 'x', field: 'places', message: 'unknown place' },
      ],
    };
    const { editor, requests } = await opened({ '/api/validate': refused });
    editor.decideEvent(eventItem(editor, 'jets-moved'), 'accepted');
    await editor.submit(true);
    expect(requests.at(-1)?.url).toBe('/api/validate');
    expect(editor.message).toBe('Not saved: 3 problem(s), shown below at each record. Nothing was written.');
    expect(editor.grouped?.events.get('jets-moved')?.map((e) => e.field)).toEqual(['date.expr']);
    expect(editor.grouped?.places.get('minsk')?.map((e) => e.field)).toEqual(['geometry']);
    expect(editor.grouped?.other.map((e) => e.id)).toEqual(['x']);
  });

  it("shows the server's error as the message, never swallowing it", async () => {
    const lock = new Error('Another save holds geodata/catalogue/.editor-save.lock: try again in a moment');
    const { editor } = await opened({ '/api/save': lock, '/api/preview': new Error('preview: 500 Internal Server Error') });
    editor.decideEvent(eventItem(editor, 'jets-moved'), 'accepted');
    await editor.submit(false);
    expect(editor.message).toBe(lock.message);
    expect(editor.busy).toBe(false);
    await editor.showPreview('a', editor.previewPlaces);
    expect(editor.message).toBe('preview: 500 Internal Server Error');

    // A queue that cannot be read, or a draft that cannot be opened.
    const down = fakeServer([], null, { '/api/drafts': new Error('connect ECONNREFUSED 127.0.0.1:4390') });
    const unreachable = new EditorState(down.api);
    await unreachable.load();
    expect(unreachable.message).toBe('connect ECONNREFUSED 127.0.0.1:4390');
    const gone = fakeServer([summary('a', 'to review')], 'a', { '/api/draft': new Error('No draft "a" in geodata/catalogue') });
    const missing = new EditorState(gone.api);
    await missing.load();
    expect(missing.opened).toBeNull();
    expect(missing.message).toBe('No draft "a" in geodata/catalogue');
  });

  it('previews the accepted places, and the place being drawn once its corners make one', async () => {
    const preview = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { place_id: 'minsk' }, geometry: null }],
    };
    const { editor, requests } = await opened({ '/api/preview': { ok: true, places: preview } });
    await editor.showPreview('a', editor.previewPlaces);
    // Nothing accepted: an empty map, asked of no one.
    expect(editor.preview).toEqual({ type: 'FeatureCollection', features: [] });
    expect(requests.at(-1)?.url).toBe('/api/status');
    editor.decidePlace(placeItem(editor, 'minsk'), 'accepted');
    expect(editor.previewPlaces.map((p) => p.id)).toEqual(['minsk']);
    editor.outside.shape = 'polygon';
    editor.drawing = true;
    for (const point of [
      [30, 50],
      [31, 50],
      [30.5, 51],
    ] as [number, number][])
      editor.addPoint(point);
    expect(editor.outside.coordinates).toBe('30.000 50.000; 31.000 50.000; 30.500 51.000');
    expect(editor.previewPlaces.map((p) => [p.id, p.geometry])).toEqual([
      ['minsk', { point: [27.56, 53.9] }],
      [
        'drawn-place',
        {
          polygon: [
            [30, 50],
            [31, 50],
            [30.5, 51],
            [30, 50],
          ],
        },
      ],
    ]);
    await editor.showPreview('a', editor.previewPlaces);
    expect((requests.at(-1)?.body as { places: Place[] }).places.map((p) => p.id)).toEqual(['minsk', 'drawn-place']);
    expect(editor.preview).toEqual(preview);
  });

  it('adds an event, a figure and a caption from the selected words, or says why not', async () => {
    const { editor } = await opened();
    editor.selection = at('About 30 planes landed');
    expect(editor.selected).toBe('About 30 planes landed');
    editor.addEvent();
    const added = editor.review.events.at(-1)!;
    expect(added).toMatchObject({ status: 'accepted', origin: 'added' });
    expect(added.event.id).toBe('about-30-planes-landed');
    expect(added.event.excerpts).toEqual([{ ...at('About 30 planes landed'), text: 'About 30 planes landed' }]);
    editor.addFigure(added);
    expect(added.event.quantities).toEqual([{ value: 30, unit: 'planes', qualifier: 'about', text: 'About 30 planes landed' }]);
    editor.selection = at('the ministry said');
    editor.addFigure(added);
    expect(editor.figureError).toBe('No number in "the ministry said": select the words that give it.');
    editor.markCaption();
    expect(editor.review.captions).toEqual([20]);
    editor.markCaption();
    expect(editor.captionError).toBe('That paragraph is marked as a photo caption already.');
    editor.selection = at('Jets land');
    editor.markCaption();
    expect(editor.captionError).toBe('A headline is not a photo caption.');
  });

  it('renames a place (its events follow), and refuses a taken id, saying why', async () => {
    const { editor } = await opened();
    const minsk = placeItem(editor, 'minsk');
    expect(editor.rename(minsk, ' minsk-city ')).toBeNull();
    expect(eventItem(editor, 'planes-landed').event.places).toEqual(['minsk-city']);
    const russia = placeItem(editor, 'russia');
    expect(editor.rename(russia, 'kyiv')).toBe('"kyiv" is taken by another place');
    expect(editor.renameErrors.get(russia)).toBe('"kyiv" is taken by another place');
    expect(russia.place.id).toBe('russia');
  });

  it('rejects the article and opens the next still to review; with none left, says so', async () => {
    const { editor, requests } = await opened();
    await editor.rejectArticle();
    expect(requests.slice(-3)).toEqual([
      { method: 'POST', url: '/api/status', body: { id: 'a', status: 'rejected' } },
      { method: 'GET', url: '/api/draft?id=b' },
      { method: 'POST', url: '/api/status', body: { id: 'b', status: 'in review' } },
    ]);
    expect(editor.opened?.id).toBe('b');
    expect(editor.counts.map(([, n]) => n)).toEqual([0, 1, 1, 1]);
    await editor.openNext();
    expect(editor.message).toBe('Nothing left to review.');
    expect(editor.opened?.id).toBe('b');
  });
});

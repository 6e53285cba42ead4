/**
 * Every figure of an event reaches the story (README, "The catalogue"): a draft can give one sentence
 * several figures and the editor can add more, so none is validated and then dropped. In both forms, in
 * story.json full and compact, and in the features; `quantity` stays the first, the one a label prints.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLayers, type BuildInput, type BuildOptions } from '../../../src/layers/build';
import { decodeShard, decodeStory, shardFile, type StoryEvent, type TiledStoryFile } from '../../../src/layers/format';
import { realBasemap, syntheticCatalogue } from '../../support/synthetic';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const basemap = realBasemap(ROOT);
const c = syntheticCatalogue(300, basemap);
// The sentence of a figure's event also says "(report N)": its second figure, in the article's words.
const two = c.events.filter((e) => e.quantities);
for (const e of two) e.quantities!.push({ value: Number(e.id.slice(3)), unit: 'report', text: `report ${e.id.slice(3)}` });
const input: BuildInput = {
  sources: [{ file: 'synthetic/synthetic.json', record: c.source, text: c.text }],
  places: { file: 'synthetic/places.json', json: { places: c.places } },
  events: [{ file: 'synthetic/synthetic.events.json', json: { events: c.events } }],
  basemap,
};
const build = (options: BuildOptions) => {
  const r = buildLayers(input, options);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
};
const want = (id: string) =>
  c.events.find((e) => e.id === id)!.quantities?.map((q) => ({ text: q.text, previous: q.previous?.text ?? null })) ?? [];

describe("an event's figures", () => {
  it('all reach story.json, full and compact, the first still `quantity`', () => {
    expect(two.length).toBeGreaterThan(10);
    for (const compactStory of [false, true]) {
      const story = decodeStory(JSON.parse(build({ appOnly: true, compactStory }).files.get('story.json')!));
      for (const e of story.events) {
        expect(e.quantities, e.event_id).toEqual(want(e.event_id));
        expect(e.quantity).toBe(e.quantities[0]?.text ?? null);
      }
    }
  });

  it('all reach the features, beside the first one’s number and unit', () => {
    const features = build({}).files.get('events.geojson')!.trim().split('\n').slice(1, -1);
    const props = features.map(
      (l) => (JSON.parse(l.replace(/,$/, '')) as { properties: StoryEvent & { quantity_value: number | null } }).properties,
    );
    for (const p of props) expect(p.quantities, p.event_id).toEqual(want(p.event_id));
    for (const p of props.filter((x) => x.quantities.length === 2))
      expect(p.quantity_value).toBe(c.events.find((e) => e.id === p.event_id)!.quantities![0].value);
  });

  it('all reach the tiled form’s shards', () => {
    const tiled = build({ appOnly: true, tiled: true });
    const summary = JSON.parse(tiled.files.get('story.json')!) as TiledStoryFile;
    const events = Array.from({ length: summary.tiled.shards }, (_, i) =>
      decodeShard(JSON.parse(tiled.files.get(shardFile(i))!), shardFile(i)),
    ).flatMap((s) => s.events);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(300);
    for (const e of events) expect(e.quantities, e.event_id).toEqual(want(e.event_id));
  });

  it('are left out of the compact form when there is only the first, which quantity gives', () => {
    const compact = JSON.parse(build({ appOnly: true, compactStory: true }).files.get('story.json')!) as {
      events: Record<string, unknown>[];
    };
    for (const e of compact.events) expect('quantities' in e, String(e.event_id)).toBe(two.some((x) => x.id === e.event_id));
  });
});

/**
 * The data export (src/story/export.ts) on the seed story (its command line: tests/unit/export/cli.test.ts): the
 * records are the visibility rule's, place by place the Excerpts panel's; the GeoJSON passes
 * check-geojson and opens in GDAL's ogrinfo; the CSV parses back (csv-parse) to the same records, its
 * excerpts the article's own characters at their offsets, its accents intact behind a BOM.
 */
import { getIssues } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterOf, readHash } from '../../../src/state/hash';
import { CSV_COLUMNS, EXCERPT_SEPARATOR, exportCsv, exportGeoJson } from '../../../src/story/export';
import { eventsAt } from '../../../src/story/model';
import type { Story } from '../../../src/story/types';
import { draftSources, figureWords, isVisible } from '../../../src/story/visibility';
import { seedStory } from '../../support/helpers';

const story: Story = seedStory();
const text = new Map(story.sources.map((s) => [s.id, s.text_content]));
const placeIds = story.places.features.map((f) => f.properties.place_id);

/** Views a link can set: everything, categories hidden, a window in each mode, a source. */
const LINKS = [
  '',
  '#hide=energy,diplomacy',
  '#t=2022-01-24/2022-01-26',
  '#tmode=within&t=2022-01-26',
  '#source=nbc-2022-01-26&hide=troops',
];

const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true });

describe.each(LINKS)('the export of the view %j', (hash) => {
  const filter = filterOf(readHash(hash).view, draftSources(story.sources));
  const fc = exportGeoJson(story, filter);
  let csv = '';
  let rows: Record<string, string>[] = [];
  beforeAll(async () => {
    csv = await exportCsv(story, filter);
    rows = rowsOf(csv);
  });

  it('holds exactly the visible events, each at every place it has', () => {
    const visible = story.events.filter((e) => isVisible(e, filter));
    expect(new Set(fc.features.map((f) => f.properties.event_id))).toEqual(new Set(visible.map((e) => e.event_id)));
    expect(fc.features.length).toBe(visible.reduce((n, e) => n + Math.max(1, e.places.length), 0));
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('counts, place by place, what the Excerpts panel lists there as happening or said there', () => {
    for (const id of placeIds) {
      const [entry] = eventsAt(story, [id], filter);
      expect(
        rows.filter((r) => r.place_id === id).map((r) => r.event_id),
        id,
      ).toEqual(entry.here.map((e) => e.event_id));
    }
  });

  it('is CSV that parses back to the same records, excerpts the article’s characters at their offsets', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(fc.features.length);
    rows.forEach((r, i) => {
      const p = fc.features[i].properties;
      expect([r.event_id, r.place_id, r.title, r.claim_by, r.stance]).toEqual([
        p.event_id,
        p.place_id ?? '',
        p.title,
        p.claim_by,
        p.stance,
      ]);
      const offsets = r.excerpt_offsets.split(';').map((o) => o.split('-').map(Number));
      const words = offsets.map(([start, end]) => text.get(r.source_id)!.slice(start, end));
      expect(r.excerpt_text).toBe(words.join(EXCERPT_SEPARATOR));
      // Every figure in its words; no cell is an object written as JSON.
      expect(r.quantities).toBe(p.quantities.map(figureWords).join(EXCERPT_SEPARATOR));
      for (const [column, cell] of Object.entries(r)) expect(cell, column).not.toMatch(/^[[{]/);
      expect(r.source_publisher).toBe('NBC News');
      expect(r.source_published).toBe('2022-01-26');
    });
  });

  it('is GeoJSON that check-geojson finds no issue in', () => {
    expect(getIssues(JSON.stringify(fc))).toEqual([]);
  });
});

describe('the CSV in a spreadsheet', () => {
  it('keeps non-ASCII characters as UTF-8 (the article’s curly quotes and dashes)', async () => {
    const csv = await exportCsv(story, filterOf(readHash('').view, draftSources(story.sources)));
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const accented = rowsOf(csv).filter((r) => /[^ -~]/.test(r.excerpt_text + r.title + r.place_note));
    expect(accented.length).toBeGreaterThan(0);
    expect(bytes.toString('utf8')).toBe(csv);
  });
});

/**
 * The data export (src/story/export.ts) and its command line (src/export/cli.ts), on the seed story: the
 * records are the visibility rule's, place by place the Excerpts panel's; the GeoJSON passes
 * check-geojson and opens in GDAL's ogrinfo; the CSV parses back (csv-parse) to the same records, its
 * excerpts the article's own characters at their offsets, its accents intact behind a BOM.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeStory } from '../../../src/layers/format';
import { filterOf, readHash } from '../../../src/state/hash';
import { CSV_COLUMNS, EXCERPT_SEPARATOR, exportCsv, exportGeoJson } from '../../../src/story/export';
import { eventsAt } from '../../../src/story/model';
import type { Story } from '../../../src/story/types';
import { draftSources, isVisible } from '../../../src/story/visibility';
import { ogrinfo } from '../../support/gdal';
import { runTsx, seedProject } from '../../support/helpers';
import { full } from '../../support/tier';

const LAYERS = path.join(seedProject(), 'geodata/layers');
const story: Story = {
  ...decodeStory(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8'))),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')),
};
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
  const csv = exportCsv(story, filter);
  const rows = rowsOf(csv);

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
      expect(r.source_publisher).toBe('NBC News');
      expect(r.source_published).toBe('2022-01-26');
    });
  });

  it('is GeoJSON that check-geojson finds no issue in', () => {
    expect(getIssues(JSON.stringify(fc))).toEqual([]);
  });
});

describe('the CSV in a spreadsheet', () => {
  it('keeps non-ASCII characters as UTF-8 (the article’s curly quotes and dashes)', () => {
    const csv = exportCsv(story, filterOf(readHash('').view, draftSources(story.sources)));
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const accented = rowsOf(csv).filter((r) => /[^ -~]/.test(r.excerpt_text + r.title + r.place_note));
    expect(accented.length).toBeGreaterThan(0);
    expect(bytes.toString('utf8')).toBe(csv);
  });
});

full.describe('npm run export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'export-'));
  const link = 'http://127.0.0.1:4173/#5/50/35&hide=energy&t=2022-01-24/2022-01-26';
  const filter = filterOf(readHash(new URL(link).hash).view, draftSources(story.sources));

  it('writes what the app exports for the same link, as GeoJSON and as CSV', () => {
    const geo = runTsx('src/export/cli.ts', ['--format', 'geojson', '--view', link, '--layers', LAYERS]);
    expect(geo.stderr).toBe('');
    expect(geo.status).toBe(0);
    expect(JSON.parse(geo.stdout)).toEqual(JSON.parse(JSON.stringify(exportGeoJson(story, filter))));
    const csv = runTsx('src/export/cli.ts', ['--format', 'csv', '--view', link, '--layers', LAYERS]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(exportCsv(story, filter));
  });

  it('opens in GDAL (ogrinfo) with every record, or says loudly that it could not check', () => {
    const file = path.join(dir, 'view.geojson');
    expect(runTsx('src/export/cli.ts', ['--format', 'geojson', '--view', link, '--layers', LAYERS, '--out', file]).status).toBe(
      0,
    );
    const info = ogrinfo(file);
    if (info === null) return;
    expect(info).toMatch(new RegExp(`Feature Count: ${exportGeoJson(story, filter).features.length}\\b`));
    expect(info).toMatch(/source_url: String/);
  });

  it('says what the link named that the story does not have, and refuses a format it does not write', () => {
    const run = runTsx('src/export/cli.ts', ['--format', 'csv', '--view', '#place=atlantis&hide=weather']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Ignored from the link: layer “weather”, place “atlantis”.');
    const bad = runTsx('src/export/cli.ts', ['--format', 'kml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--format must be one of geojson, csv; got kml');
    writeFileSync(path.join(dir, 'story.json'), '{"sources": 1}');
    const broken = runTsx('src/export/cli.ts', ['--format', 'csv', '--layers', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${dir}/story.json: not a story file`);
    rmSync(dir, { recursive: true, force: true });
  });
});

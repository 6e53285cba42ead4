/**
 * `npm run export` (src/export/cli.ts), run as a person runs it, on the seed story: the same records as
 * the app's export for the same link (src/story/export.ts, tests/unit/story/export.test.ts), a file GDAL
 * opens, and clear refusals. Each run starts another process: the full unit tier only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filterOf, readHash } from '../../../src/state/hash';
import { exportCsv, exportGeoJson } from '../../../src/story/export';
import { draftSources } from '../../../src/story/visibility';
import { ogrinfo } from '../../support/gdal';
import { runTsx, seedStory } from '../../support/helpers';
import { seedLayers } from '../../support/seed';
import { full } from '../../support/tier';

const LAYERS = seedLayers();
const story = seedStory();

full.describe('npm run export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'export-'));
  const link = 'http://127.0.0.1:4173/#5/50/35&hide=energy&t=2022-01-24/2022-01-26';
  const filter = filterOf(readHash(new URL(link).hash).view, draftSources(story.sources));

  it('writes what the app exports for the same link, as GeoJSON and as CSV', async () => {
    const geo = runTsx('src/export/cli.ts', ['--format', 'geojson', '--view', link, '--layers', LAYERS]);
    expect(geo.stderr).toBe('');
    expect(geo.status).toBe(0);
    expect(JSON.parse(geo.stdout)).toEqual(JSON.parse(JSON.stringify(exportGeoJson(story, filter))));
    const csv = runTsx('src/export/cli.ts', ['--format', 'csv', '--view', link, '--layers', LAYERS]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(await exportCsv(story, filter));
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

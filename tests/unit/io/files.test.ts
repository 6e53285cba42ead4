/**
 * Writing the catalogue's and the build's files (src/io/files.ts): committed JSON as the format check
 * wants it, GeoJSON one feature a line, and a folder replaced whole or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import { afterEach, describe, expect, it } from 'vitest';
import { featureLines, formattedJson, replaceFolder, stableJson } from '../../../src/io/files';
import { ROOT } from '../../support/helpers';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'io-files-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('stableJson and formattedJson', () => {
  it('stableJson: two spaces, a newline at the end', () => {
    expect(stableJson({ a: [1, 2] })).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}\n');
  });

  it("formattedJson passes the repository's format check, for a file of the project or of a copy without a configuration", async () => {
    const value = { id: 'x', places: ['kyiv', 'belarus'], excerpts: [{ start: 1, end: 20, text: 'A “quoted” line' }] };
    const inRepo = path.join(ROOT, 'geodata/catalogue/example.events.json');
    const elsewhere = path.join(tempDir(), 'geodata/catalogue/example.events.json');
    for (const file of [inRepo, elsewhere]) {
      const text = await formattedJson(file, value);
      const options = (await prettier.resolveConfig(path.join(ROOT, 'package.json'))) ?? {};
      expect(await prettier.check(text, { ...options, filepath: file }), file).toBe(true);
      expect(JSON.parse(text)).toEqual(value);
    }
  });
});

describe('featureLines', () => {
  it('writes one feature a line, and reads back as the same collection', () => {
    const features = [
      { type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [30.5, 50.4] } },
      { type: 'Feature', properties: { id: 'b' }, geometry: null },
    ];
    const text = featureLines(features);
    expect(text.split('\n')).toHaveLength(features.length + 3);
    expect(text.split('\n')[1]).toBe(`${JSON.stringify(features[0])},`);
    expect(JSON.parse(text)).toEqual({ type: 'FeatureCollection', features });
  });

  it('writes an empty collection on one line', () => {
    expect(JSON.parse(featureLines([]))).toEqual({ type: 'FeatureCollection', features: [] });
    expect(featureLines([]).trim().split('\n')).toHaveLength(1);
  });
});

describe('replaceFolder', () => {
  it('leaves the folder holding exactly the files given: an old file not among them is gone', () => {
    const dir = path.join(tempDir(), 'layers');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'stale.geojson'), 'old');
    writeFileSync(path.join(dir, 'story.json'), 'old');
    replaceFolder(
      dir,
      new Map<string, string | Uint8Array>([
        ['story.json', 'new'],
        ['a.pmtiles', new Uint8Array([1, 2, 3])],
      ]),
    );
    expect(readdirSync(dir).sort()).toEqual(['a.pmtiles', 'story.json']);
    expect(readFileSync(path.join(dir, 'story.json'), 'utf8')).toBe('new');
    expect([...readFileSync(path.join(dir, 'a.pmtiles'))]).toEqual([1, 2, 3]);
  });

  it('creates the folder when there was none', () => {
    const dir = path.join(tempDir(), 'tiles');
    replaceFolder(dir, new Map([['manifest.json', '{}\n']]));
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('changes nothing when a file cannot be written: the old folder stays whole, and no temporary one is left', () => {
    const parent = tempDir();
    const dir = path.join(parent, 'layers');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'story.json'), 'old');
    // A name inside a folder that does not exist cannot be written.
    const files = new Map([
      ['story.json', 'new'],
      ['missing-folder/places.geojson', '{}'],
    ]);
    expect(() => replaceFolder(dir, files)).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['story.json']);
    expect(readFileSync(path.join(dir, 'story.json'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['layers']);
    expect(existsSync(`${dir}.tmp-${process.pid}`)).toBe(false);
  });
});

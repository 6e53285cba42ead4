/**
 * `npm run geodata:tiles`: cuts the basemap (geodata/basemap/*.topo.json, places.geojson) into the vector
 * tile archives the map reads, geodata/tiles/world.pmtiles and region.pmtiles (basemap.ts), with a
 * manifest of their sizes and sha256. The same inputs give the same bytes (tests/unit/tiles/basemap.test.ts).
 *
 *   npm run geodata:tiles            write the archives (all of them, or nothing)
 *   npm run geodata:tiles -- --check compare a fresh build with the committed archives; write nothing
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { replaceFolder, stableJson } from '../io/files';
import { archiveFile, type BasemapSource } from '../basemap/archives';
import { basemapArchives } from './basemap';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const out = path.join(ROOT, 'geodata/tiles');

const started = Date.now();
const built = basemapArchives(path.join(ROOT, 'geodata/basemap'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const files = new Map<string, Buffer | string>();
for (const [name, a] of Object.entries(built)) files.set(archiveFile(name as BasemapSource), a.archive);
files.set(
  'manifest.json',
  stableJson({
    generator: 'src/tiles/cli.ts',
    inputs: 'geodata/basemap/',
    files: Object.entries(built).map(([name, a]) => ({
      name: `${name}.pmtiles`,
      bytes: a.archive.length,
      tiles: a.tiles,
      sha256: sha(a.archive),
    })),
  }),
);

if (values.check) {
  const stale = [...files].filter(([name, body]) => {
    try {
      return !readFileSync(path.join(out, name)).equals(Buffer.from(body));
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(
      `geodata/tiles is not what geodata/basemap builds: ${stale.map(([n]) => n).join(', ')}; run npm run geodata:tiles`,
    );
    process.exit(1);
  }
  console.log('geodata/tiles is up to date');
} else {
  replaceFolder(out, files);
  for (const [name, a] of Object.entries(built)) {
    console.log(`${archiveFile(name as BasemapSource)}: ${a.tiles} tiles, ${(a.archive.length / 1024).toFixed(0)} kB`);
  }
  console.log(`wrote ${path.relative(process.cwd(), out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The data export for a pipeline: what a view of the map shows, as the app's "Download data" writes it.
 *
 *   npm run export -- --format geojson|csv [--view '#hide=energy&t=2022-01-24/2022-01-26'] [--layers DIR] [--out FILE]
 *
 * --view takes a link's hash or the whole link (the part after "#" is read, as the app reads it: hash.ts
 * readHash); without it everything is exported. The story is geodata/layers/ unless --layers names another
 * build. Written to stdout, or to --out. What the link named that the story does not have is said on
 * stderr, as the app's note says it, and left out; a bad flag or an unreadable story exits 1, writing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection, Geometry } from 'geojson';
import { errorText } from '../io/fetch';
import { featureLines } from '../io/files';
import { decodeStory, isTiledStory, type PlaceProperties } from '../layers/format';
import { storyIndex } from '../story/model';
import { exportCsv, exportGeoJson } from '../story/export';
import type { Story } from '../story/types';
import { filterOf, ignoredText, knownOnly, readHash } from '../state/hash';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FORMATS = ['geojson', 'csv'] as const;

function fail(message: string): never {
  console.error(`export: ${message}`);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        format: { type: 'string' },
        view: { type: 'string', default: '' },
        layers: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (err) {
    return fail(errorText(err));
  }
})();
const format = values.format as (typeof FORMATS)[number];
if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}; got ${values.format ?? 'nothing'}`);

const layers = path.resolve(values.layers ?? path.join(ROOT, 'geodata/layers'));
function readJson(name: string): unknown {
  const file = path.join(layers, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`${file}: ${errorText(err)}`);
  }
}
const json = readJson('story.json');
if (isTiledStory(json)) fail(`${layers}/story.json is a tiled story's summary: its events are in its archives, not exported`);
let story: Story;
try {
  const file = decodeStory(json);
  const places = readJson('places.geojson') as FeatureCollection<Geometry, PlaceProperties>;
  if (places?.type !== 'FeatureCollection' || !Array.isArray(places.features))
    fail(`${layers}/places.geojson: not a GeoJSON FeatureCollection`);
  story = { ...file, places };
} catch (err) {
  fail(`${layers}/story.json: ${errorText(err)}`);
}

const hash = values.view.includes('#') ? values.view.slice(values.view.indexOf('#')) : values.view;
const read = readHash(hash);
const known = knownOnly(read.view, storyIndex(story));
const note = ignoredText([...read.ignored, ...known.ignored]);
if (note) console.error(note);

const filter = filterOf(known.view, storyIndex(story).drafts);
// GeoJSON one feature per line, as the build writes its layers.
const text = format === 'csv' ? await exportCsv(story, filter) : featureLines(exportGeoJson(story, filter).features);
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);

/**
 * The GeoJSON form of the story: a feature per event and place, the places with their properties
 * (places.ts), story.json with every event's flat properties, and index.json saying what was built.
 */
import type { Feature } from 'geojson';
import { featureLines, stableJson } from '../io/files';
import { eventProperties, storySource, type ResolvedCatalogue } from './events';
import { compactEvent, type StoryEvent, type StoryFile } from './format';
import { labelObstacles } from './labels';
import { placeProperties, storyWithin, tallyPlaces } from './places';
import { PRECISION_RANK } from './shapes';

export interface WriteOptions {
  /** Only what the app reads: no events.geojson nor a file per place (build.ts BuildOptions). */
  appOnly?: boolean;
  /** story.json in its compact form (format.ts compactEvent). */
  compactStory?: boolean;
}

export function writeGeoJson(story: ResolvedCatalogue, options: WriteOptions): { files: Map<string, string>; summary: string } {
  const places = new Map(story.places.map((p) => [p.id, p]));
  const features: Feature[] = [];
  // Each event as the story file has it: the format's fields (format.ts), and the flat properties the GeoJSON shares.
  const storyEvents: (StoryEvent & Record<string, unknown>)[] = [];
  for (const e of story.events) {
    const { props, change } = eventProperties(e, story.sources.get(e.source)!, story.sides.get(e) ?? null);
    storyEvents.push({ ...props, change, places: e.places, about: e.about ?? [] });
    const links = [...e.places.map((id) => ({ id, role: 'site' })), ...(e.about ?? []).map((id) => ({ id, role: 'about' }))];
    for (const { id, role } of links) {
      const place = places.get(id)!;
      features.push({
        type: 'Feature',
        id: features.length,
        properties: {
          ...props,
          role,
          place_id: place.id,
          place_name: place.names.en,
          place_kind: place.kind,
          location_precision: place.precision,
          precision_rank: PRECISION_RANK[place.precision],
          place_basis: place.basis,
          place_note: place.note ?? null,
        },
        geometry: story.shapes.get(id)!,
      });
    }
  }

  const files = new Map<string, string>();
  /** Features per GeoJSON file, for index.json. */
  const featureCounts = new Map<string, number>();
  const addCollection = (name: string, fs: Feature[]) => {
    files.set(name, featureLines(fs));
    featureCounts.set(name, fs.length);
  };
  if (!options.appOnly) {
    addCollection('events.geojson', features);
    const byPlace = new Map<string, Feature[]>();
    for (const f of features) {
      const id = f.properties!.place_id as string;
      const list = byPlace.get(id);
      if (list) list.push(f);
      else byPlace.set(id, [f]);
    }
    for (const [id, fs] of [...byPlace].sort(([a], [b]) => a.localeCompare(b))) addCollection(`${id}.geojson`, fs);
  }

  const tallies = tallyPlaces(storyEvents);
  const shown = story.places.filter((p) => tallies.has(p.id));
  const obstacles = labelObstacles(
    story.basemap,
    shown.map((p) => story.shapes.get(p.id)!),
  );
  const within = storyWithin(story.places, (id) => tallies.has(id));
  const placeFeatures: Feature[] = shown.map((p, i) => {
    const shape = story.shapes.get(p.id)!;
    return {
      type: 'Feature',
      id: i,
      properties: placeProperties(p, shape, tallies.get(p.id)!, story.basemap, obstacles, within.get(p.id)),
      geometry: shape,
    };
  });
  addCollection('places.geojson', placeFeatures);

  files.set('measures.json', stableJson({ measures: story.measures }));
  const storyFile: StoryFile = {
    sources: [...story.sources.values()].map((s) => storySource(s.record, s.text, story.drafts)),
    events: storyEvents,
    measures: story.measures.filter((m) => m !== null),
  };
  files.set(
    'story.json',
    options.compactStory ? `${JSON.stringify({ ...storyFile, events: storyEvents.map(compactEvent) })}\n` : stableJson(storyFile),
  );

  const counts: Record<string, number> = {};
  for (const e of story.events) counts[e.category] = (counts[e.category] ?? 0) + 1;
  files.set(
    'index.json',
    stableJson({
      generator: 'src/layers/build.ts',
      sources: [...story.sources.values()].map((s) => ({
        id: s.record.id,
        title: s.record.title,
        publisher: s.record.publisher,
        published: s.record.published,
      })),
      events: story.events.length,
      categories: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
      files: [...files.keys()].sort().map((name) => ({ name, features: featureCounts.get(name) ?? null })),
    }),
  );
  const summary = `${story.events.length} events, ${features.length} features, ${placeFeatures.length} places, ${files.size} files`;
  return { files, summary };
}

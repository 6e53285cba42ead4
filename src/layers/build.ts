/**
 * Catalogue → the story's layers. Validates first and builds nothing if anything is wrong; otherwise returns
 * every output file as text, deterministically (same input, same bytes), for the CLI to write at once.
 * The pipeline only: the basemap (basemap.ts), each place's shape (shapes.ts), the events (events.ts), and
 * the story in one of two forms, GeoJSON (writer.ts) or tiled (tiled.ts), whose places both get their
 * properties from places.ts.
 *
 * The GeoJSON form's outputs (under geodata/layers/):
 *   <place-id>.geojson  one file per place with events: a feature per event there (role "site") or about
 *                       it (role "about"), with flat properties and the excerpt that proves it
 *   events.geojson      every feature of the above in one file, in catalogue order (for other tools: the app
 *                       reads places.geojson and story.json only)
 *   places.geojson      one feature per place: its geometry, precision, basis, note, label point, counts,
 *                       categories of what happened or was said there, and apart those listed there as a seat
 *   measures.json       distances computed from the basemap (kyiv → Belarus border)
 *   story.json          what the app reads beside places.geojson: the sources with their text, and every
 *                       event with the same flat properties as the features, without geometry
 *   index.json          what was built: sources, files, counts
 */
import type { CatalogueEvent, Measure, Place, ValidationError } from '../catalogue/schema';
import { validateCatalogue, type CatalogueInput } from '../catalogue/validate';
import type { Basemap } from './basemap';
import { draftSources, orderedSources, sidesOf } from './events';
import { drawPlaces, measure } from './shapes';
import { TILE_THRESHOLD, writeTiled } from './tiled';
import { writeGeoJson } from './writer';

export interface BuildInput extends CatalogueInput {
  basemap: Basemap;
}

export type BuildResult =
  | {
      ok: true;
      files: Map<string, string>;
      /** Binary files beside them: a tiled story's archive (tiled.ts). */
      archives?: Map<string, Uint8Array>;
      summary: string;
    }
  | { ok: false; errors: ValidationError[] };

export interface BuildOptions {
  /**
   * Write only what the app reads (story.json, places.geojson, measures.json, index.json), not the
   * per-event GeoJSON (events.geojson and one file per place). Those repeat each place's geometry once
   * per event: at 100,000 synthetic events they are gigabytes and most of the build's time.
   */
  appOnly?: boolean;
  /**
   * story.json as the app reads it and no more (see compactEvent): at 100,000 events the full form is
   * 139 MB, which the page must download and parse before it shows anything; this one is a third of that.
   */
  compactStory?: boolean;
  /**
   * Write the story as vector tiles, a summary and shards (tiled.ts), or as GeoJSON and story.json; by
   * default tiled from TILE_THRESHOLD events on.
   */
  tiled?: boolean;
}

export function buildLayers(input: BuildInput, options: BuildOptions = {}): BuildResult {
  const errors = validateCatalogue(input, input.basemap.index);
  if (errors.length) return { ok: false, errors };

  const placesFile = input.places.json as { places: Place[]; measures?: Measure[] };
  const events = input.events.flatMap((f) => (f.json as { events: CatalogueEvent[] }).events);
  // What cannot be drawn and what cannot be measured, reported at once.
  const drawing = drawPlaces(placesFile.places, input.basemap, input.places.file);
  const measuring = measure(placesFile.measures ?? [], drawing.shapes, input.basemap, input.places.file);
  if (drawing.errors.length || measuring.errors.length) return { ok: false, errors: [...drawing.errors, ...measuring.errors] };

  const story = {
    sources: orderedSources(input),
    places: placesFile.places,
    events,
    sides: sidesOf(input.events),
    drafts: draftSources(input),
    shapes: drawing.shapes,
    measures: measuring.measures,
    basemap: input.basemap,
  };
  if (options.tiled ?? events.length >= TILE_THRESHOLD) return { ok: true, ...writeTiled(story) };
  return { ok: true, ...writeGeoJson(story, options) };
}

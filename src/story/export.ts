/**
 * "Download data": exactly what a view shows, as GeoJSON (RFC 7946) and as CSV, each event with its
 * provenance. The app's buttons and the command line (src/export/cli.ts) both call these, with a filter
 * read from a view; what is visible is the one rule's to say (visibility.ts isVisible), never decided here.
 *
 * One record per event and place where it happened or was said (an event over "the border and Belarus"
 * is two), in catalogue order, then in the event's own order of places. An event the catalogue gives no
 * place is one record with no geometry (RFC 7946 §3.2 allows a null geometry). The CSV is the same
 * records, flat, written by csv-stringify (RFC 4180 quoting) with a UTF-8 byte order mark so that a
 * spreadsheet keeps the accents.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { storyIndex } from './model';
import { APP_EVENT_FIELDS } from '../layers/format';
import type { Story, StoryEvent, StoryExcerpt } from './types';
import { figureWords, isVisible, type ViewFilter } from './visibility';

/** The event's own fields a record carries: those the app reads, less the reported change (in its quantity's words). */
const EVENT_FIELDS = APP_EVENT_FIELDS.filter((k) => k !== 'change');
const PLACE_FIELDS = ['place_id', 'place_name', 'location_precision', 'place_basis', 'place_note'] as const;
const SOURCE_FIELDS = ['source_title', 'source_url', 'source_publisher', 'source_published'] as const;

/** One exported record's properties: flat values, so that GIS tools and spreadsheets read them as columns. */
type ExportProperties = Pick<StoryEvent, (typeof EVENT_FIELDS)[number]> &
  Record<(typeof PLACE_FIELDS)[number] | (typeof SOURCE_FIELDS)[number], string | null> & {
    /** The article's own words, each with its offsets in the source's text and its block (caption…). */
    excerpts: StoryExcerpt[];
  };

/** The CSV's columns, in order: the properties, with the excerpts as two flat columns. */
export const CSV_COLUMNS = [...EVENT_FIELDS, ...PLACE_FIELDS, ...SOURCE_FIELDS, 'excerpt_text', 'excerpt_offsets'];

/** Between two excerpts (or two figures) of one event in the CSV's one text cell: a mark the article's words do not contain. */
export const EXCERPT_SEPARATOR = ' ¶ ';

/** The view's records: each visible event at each place it has, as a GeoJSON feature. */
export function exportFeatures(story: Story, filter: ViewFilter): Feature<Geometry | null, ExportProperties>[] {
  const index = storyIndex(story);
  const geometry = new Map(story.places.features.map((f) => [f.properties.place_id, f.geometry]));
  const out: Feature<Geometry | null, ExportProperties>[] = [];
  for (const e of story.events) {
    if (!isVisible(e, filter)) continue;
    const s = index.sources.get(e.source_id);
    const base = {
      ...(Object.fromEntries(EVENT_FIELDS.map((k) => [k, e[k]])) as Pick<StoryEvent, (typeof EVENT_FIELDS)[number]>),
      source_title: s?.title ?? null,
      source_url: s?.url ?? null,
      source_publisher: s?.publisher ?? null,
      source_published: s?.published ?? null,
      excerpts: e.excerpts.map(({ start, end, text, block }) => ({ start, end, text, block })),
    };
    const places = e.places.length ? e.places : [null];
    for (const id of places) {
      const p = id === null ? undefined : index.places.get(id);
      out.push({
        type: 'Feature',
        geometry: (id !== null && geometry.get(id)) || null,
        properties: {
          ...base,
          place_id: id,
          place_name: p?.name ?? null,
          location_precision: p?.location_precision ?? null,
          place_basis: p?.place_basis ?? null,
          place_note: p?.place_note ?? null,
        },
      });
    }
  }
  return out;
}

/** The view as one RFC 7946 FeatureCollection (WGS 84 longitude, latitude; no "crs" member). */
export function exportGeoJson(story: Story, filter: ViewFilter): FeatureCollection<Geometry | null, ExportProperties> {
  return { type: 'FeatureCollection', features: exportFeatures(story, filter) };
}

/**
 * The view as CSV: a header, then one row per event and place; a BOM first, CRLF line ends (RFC 4180).
 * csv-stringify is loaded when a CSV is asked for: in the reader's first load it was 9.9 kB gzip of
 * script (32.6 kB minified) that only this button uses.
 */
export async function exportCsv(story: Story, filter: ViewFilter): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const rows = exportFeatures(story, filter).map(({ properties: p }) => {
    const { excerpts, ...flat } = p;
    return {
      ...flat,
      // Every figure in its words, as the Excerpts panel lists them: a cell of text, not JSON.
      quantities: flat.quantities.map(figureWords).join(EXCERPT_SEPARATOR),
      excerpt_text: excerpts.map((x) => x.text).join(EXCERPT_SEPARATOR),
      excerpt_offsets: excerpts.map((x) => `${x.start}-${x.end}`).join(';'),
    };
  });
  return stringify(rows, { header: true, columns: CSV_COLUMNS, bom: true, record_delimiter: 'windows' });
}

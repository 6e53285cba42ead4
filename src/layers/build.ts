/**
 * Catalogue → GeoJSON layers. Validates first and builds nothing if anything is wrong; otherwise returns
 * every output file as text, deterministically (same input, same bytes), for the CLI to write at once.
 *
 * Outputs (under geodata/layers/):
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
import { area, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { UnitProperties } from '../basemap/topology';
import { regionLayers } from '../basemap/topology';
import { THEATRE } from '../basemap/theatre';
import { resolveEventDate } from '../catalogue/dates';
import {
  borderBand,
  clipArea,
  dissolve,
  withoutLand,
  distanceToLineKm,
  labelAnchor,
  labelPoint,
  type LabelBoxes,
  type Obstacle,
} from './geometry';
import { featureLines, stableJson } from '../io/files';
import { compactEvent, labelName, type StoryEvent, type StoryFile, type StoryMeasure, type StorySource } from './format';
import type {
  CatalogueEvent,
  Measure,
  Place,
  PlaceGeometry,
  Precision,
  Side,
  Source,
  ValidationError,
} from '../catalogue/schema';
import { validateCatalogue, type BasemapIndex, type CatalogueInput } from '../catalogue/validate';
import { buildTiled, TILE_THRESHOLD, type TiledPlace } from './tiled';

type Area = Polygon | MultiPolygon;

/** The parts of the basemap the catalogue refers to. */
export interface Basemap {
  index: BasemapIndex;
  units: Map<string, Area>;
  countries: Map<string, Area>;
  /** Basemap places by id; `rank` as the basemap's place layers read it (rank ≤ 1: a dot at every zoom). */
  gazetteer: Map<string, { point: Point; name: string; rank: number }>;
  /** Where the basemap writes each country's name (its country_labels), by country code; `story` ones larger. */
  countryLabels: Map<string, { at: [number, number]; name: string; story: boolean }>;
  /** The border between two countries, from the shared arcs of the basemap topology. */
  border(a: string, b: string): MultiLineString;
}

export function basemapFrom(regionTopo: unknown, placesGeojson: FeatureCollection): Basemap {
  const region = regionLayers(regionTopo);
  const units = new Map<string, Area>();
  for (const f of region.units.features) if (f.properties.level === 'unit') units.set(f.properties.id, f.geometry);
  const countries = new Map(region.countries.features.map((f) => [f.properties.id, f.geometry] as const));
  const gazetteer = new Map(
    placesGeojson.features.map(
      (f) =>
        [
          String(f.properties?.id),
          { point: f.geometry as Point, name: String(f.properties?.name), rank: Number(f.properties?.rank ?? Infinity) },
        ] as const,
    ),
  );
  const countryLabels = new Map(
    region.countryLabels.features.map(
      (f) =>
        [
          f.properties.id,
          { at: f.geometry.coordinates as [number, number], name: f.properties.name, story: !!f.properties.story },
        ] as const,
    ),
  );
  const t = regionTopo as Topology;
  const unitObject = t.objects.units as GeometryCollection<UnitProperties>;
  return {
    index: { units: new Set(units.keys()), countries: new Set(countries.keys()), gazetteer: new Set(gazetteer.keys()) },
    units,
    countries,
    gazetteer,
    countryLabels,
    border(a, b) {
      return mesh(t, unitObject, (x, y) => {
        const [cx, cy] = [(x.properties as UnitProperties).country, (y.properties as UnitProperties).country];
        return (cx === a && cy === b) || (cx === b && cy === a);
      });
    },
  };
}

/**
 * Simplification tolerance in degrees by precision: a country-wide mark needs no border detail (the
 * basemap draws the borders), a region a little. Keeps the story layers a fraction of the basemap's size.
 */
const TOLERANCE: Record<Precision, number> = { exact: 0, city: 0, region: 0.01, country: 0.05, zone: 0.03 };
/** Islands below this area (km²) are dropped from country- and zone-wide marks: Russia's Arctic archipelagos. */
const MIN_PART_KM2: Record<Precision, number> = { exact: 0, city: 0, region: 0, country: 2000, zone: 2000 };

/** Most specific first: the order a list of places at a clicked spot is shown in. */
const PRECISION_RANK: Record<Precision, number> = { exact: 0, city: 1, region: 2, zone: 3, country: 4 };

function placeGeometry(g: PlaceGeometry, precision: Precision, basemap: Basemap): Geometry {
  const areas = (codes: string[], from: Map<string, Area>) => dissolve(codes.map((c) => from.get(c)!));
  if ('units' in g) return areas(g.units, basemap.units);
  if ('countries' in g) {
    // Each country on its own first: small islands go, but never a whole member (Malta is 316 km²).
    const parts = g.countries.map((c) => {
      const whole = dropSmallParts(basemap.countries.get(c)!, MIN_PART_KM2[precision]) as Area;
      return g.clip ? clipTo(whole, g.clip, c) : whole;
    });
    return dissolve(parts);
  }
  if ('gazetteer' in g) return basemap.gazetteer.get(g.gazetteer)!.point;
  if ('point' in g) return { type: 'Point', coordinates: g.point };
  if ('polygon' in g) {
    const drawn: Polygon = { type: 'Polygon', coordinates: [g.polygon] };
    return g.except ? withoutLand(drawn, areas(g.except, basemap.countries)) : drawn;
  }
  const border: MultiLineString = {
    type: 'MultiLineString',
    coordinates: g.within.flatMap((w) => basemap.border(g.along, w).coordinates),
  };
  if (border.coordinates.length === 0)
    throw new Error(`${g.along} and ${g.within.join(', ')} share no land border in the basemap`);
  return borderBand(border, areas(g.within, basemap.countries), g.km);
}

const dot = (at: number[]): Obstacle => ({ at, halfWidth: 0, halfHeight: 0 });

/**
 * The area an area's label belongs in: the area itself, or the countries a band along a border lies in
 * (the band is too thin to hold its label; its country is where the reader looks for it).
 */
function labelHome(p: Place, shape: Area, basemap: Basemap): Area {
  const g = p.geometry;
  return 'within' in g ? dissolve(g.within.map((c) => basemap.countries.get(c)!)) : shape;
}

/**
 * The zooms a label's box is judged at: the first view's (the theatre, basemap/theatre.ts) on a phone, a laptop
 * and a wide screen. Zoomed in, the same box covers less ground, so a label inside its area there stays
 * inside it.
 */
const LABEL_JUDGED_AT_ZOOMS = [3.5, 4.1, 4.5];

/**
 * A label's box in pixels, estimated from its text as the map sets it (map/storyLayers.ts: 12 px bold,
 * an area's lines of at most 9 em): its name, and the figures that may hang under it.
 */
export function labelBox(name: string, figures: string[]): LabelBoxes {
  const EM = 12;
  const MAX = 9 * EM;
  let width = 0;
  let lines = 0;
  for (const [text, advance] of [[name, 0.7], ...figures.map((f) => [f, 0.6] as const)] as [string, number][]) {
    if (!text) continue;
    const w = text.length * advance * EM;
    width = Math.max(width, Math.min(w, MAX));
    lines += Math.ceil(w / MAX);
  }
  return { width, height: lines * 1.2 * EM, gap: 0.2 * EM, zooms: LABEL_JUDGED_AT_ZOOMS, view: THEATRE };
}

/** The parts of a country inside a [west, south, east, north] box; an error if none is. */
function clipTo(geometry: Area, box: [number, number, number, number], code: string): Area {
  const clipped = clipArea(geometry, box);
  if (!clipped) throw new Error(`${code} lies wholly outside the clip box [${box.join(', ')}]`);
  return clipped;
}

function dropSmallParts(geometry: Geometry, minKm2: number): Geometry {
  if (geometry.type !== 'MultiPolygon' || !minKm2) return geometry;
  const parts = geometry.coordinates.filter((rings) => area({ type: 'Polygon', coordinates: rings }) / 1e6 >= minKm2);
  // Never drop everything: a place made only of small islands keeps its largest part.
  if (parts.length === 0) return geometry;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Drawn geometry by place geometry and precision, per basemap: the same recipe gives the same shape, and
 * a border band alone takes a second of Turf (the validator's fuzz test builds the catalogue a thousand
 * times). The build's output is the same bytes with or without it.
 */
const drawnCache = new WeakMap<Basemap, Map<string, Geometry>>();
function drawn(p: Place, basemap: Basemap): Geometry {
  // A point is only rounded (as finish does): no cache entry, which at a million events' places is memory.
  if ('point' in p.geometry) {
    const [lng, lat] = p.geometry.point;
    return { type: 'Point', coordinates: [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] };
  }
  let cache = drawnCache.get(basemap);
  if (!cache) drawnCache.set(basemap, (cache = new Map()));
  const key = `${p.precision} ${JSON.stringify(p.geometry)}`;
  let g = cache.get(key);
  if (!g) cache.set(key, (g = finish(placeGeometry(p.geometry, p.precision, basemap), p.precision, 'countries' in p.geometry)));
  return g;
}

/** Simplified and rounded; small parts dropped unless placeGeometry did so country by country. */
function finish(geometry: Geometry, precision: Precision, droppedPerCountry: boolean): Geometry {
  const kept = droppedPerCountry ? geometry : dropSmallParts(geometry, MIN_PART_KM2[precision]);
  const f: Feature = { type: 'Feature', properties: {}, geometry: kept };
  const tolerance = TOLERANCE[precision];
  const simplified = tolerance ? simplify(f, { tolerance, highQuality: true, mutate: false }) : f;
  return truncate(simplified, { precision: 5, mutate: true }).geometry;
}

/**
 * How much ink a place gets on the map, by how precisely it is placed (Imhof's visual hierarchy: ink
 * follows importance and certainty): a point the strongest mark; a named region a clear fill; an
 * approximate zone lighter and hatched; a whole country, or a group of whole countries however vaguely
 * named ("eastern Europe"), the faintest, never hatched over a continent.
 */
export type Ink = 'point' | 'region' | 'zone' | 'country';
function inkOf(p: Place, g: Geometry): Ink {
  if (g.type === 'Point') return 'point';
  if (p.precision === 'country' || 'countries' in p.geometry) return 'country';
  return p.precision === 'zone' ? 'zone' : 'region';
}

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

/**
 * What both forms of the story (the GeoJSON build's and a tiled story's) derive from an event: its dates,
 * the properties they open with, the change its first quantity records, and its excerpts as the source's
 * own words at the offsets the validator checked. `dateOf` may be a cache of resolveEventDate.
 */
function resolveEvent(
  e: CatalogueEvent,
  src: { record: Source; text: string },
  side: Side | null,
  dateOf: typeof resolveEventDate = resolveEventDate,
) {
  const date = dateOf(e.date, src.record.published);
  const q = e.quantities?.[0];
  const previousDate = q?.previous ? dateOf(q.previous.date, src.record.published) : undefined;
  const head = {
    event_id: e.id,
    title: e.title,
    category: e.category,
    site: e.site,
    date_expr: e.date.expr,
    date: date.value || null,
    date_precision: date.precision,
    date_start: date.start || null,
    date_end: date.end || null,
    // A figure in the article's own words (truth.md: a figure keeps its words), the catalogue's `text`, which
    // the validator finds verbatim in the excerpts: "62 Russian battalion tactical groups"; and the earlier
    // value's, "up from 59 at this time last week". The number and unit stay for sorting and comparing.
    quantity: q?.text ?? null,
    quantity_previous: q?.previous?.text ?? null,
    side,
  };
  const change =
    q?.previous && previousDate?.start && previousDate.end
      ? {
          from: q.previous.value,
          to: q.value,
          unit: q.unit,
          date: previousDate.value,
          date_precision: previousDate.precision,
          date_start: previousDate.start,
          date_end: previousDate.end,
        }
      : null;
  const excerpts = e.excerpts.map((x) => ({
    start: x.start,
    end: x.end,
    text: src.text.slice(x.start, x.end),
    block: blockAt(src.record.blocks, x.start)?.kind ?? 'paragraph',
  }));
  return { q, previousDate, head, change, excerpts };
}

/**
 * Each event's claimant side, from its file's `claimants` map (validated: every claimant but the article's
 * own voice has an entry when the map is there). The outlet's own reporting is 'media'; a file without
 * the map gives no side (null), never a guessed one.
 */
function sidesOf(files: CatalogueInput['events']): Map<CatalogueEvent, Side | null> {
  const sides = new Map<CatalogueEvent, Side | null>();
  for (const f of files) {
    const { events, claimants } = f.json as { events: CatalogueEvent[]; claimants?: Record<string, Side> };
    for (const e of events)
      sides.set(
        e,
        e.claim.kind === 'article' ? 'media' : claimants && Object.hasOwn(claimants, e.claim.by) ? claimants[e.claim.by] : null,
      );
  }
  return sides;
}

/** The block holding an offset: blocks are validated to be in order and not to overlap, so a binary search. */
function blockAt<B extends { start: number; end: number }>(blocks: B[], offset: number): B | undefined {
  let [lo, hi] = [0, blocks.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** Sources published from their drafts unreviewed: their events file says `"review": "draft"`. */
function draftSources(input: BuildInput): Set<string> {
  return new Set(
    input.events
      .filter((f) => (f.json as { review?: string }).review === 'draft')
      .flatMap((f) => (f.json as { events: CatalogueEvent[] }).events.map((e) => e.source)),
  );
}

/** A source as the story file gives it: its record, its text (or none), and whether it is a draft not reviewed. */
const storySource = (record: Source, text: string, drafts: Set<string>): StorySource => ({
  ...record,
  text_content: text,
  ...(drafts.has(record.id) ? { review: 'draft' as const } : {}),
});

export function buildLayers(input: BuildInput, options: BuildOptions = {}): BuildResult {
  const errors = validateCatalogue(input, input.basemap.index);
  if (errors.length) return { ok: false, errors };

  // In order of publication (then id): the order the reader and the header list the articles in.
  const sources = new Map(
    input.sources
      .map((s) => ({ record: s.record as Source, text: s.text }))
      .sort((a, b) => a.record.published.localeCompare(b.record.published) || a.record.id.localeCompare(b.record.id))
      .map((s) => [s.record.id, s]),
  );
  const placesFile = input.places.json as { places: Place[]; measures?: Measure[] };
  const places = new Map(placesFile.places.map((p) => [p.id, p]));
  const events = input.events.flatMap((f) => (f.json as { events: CatalogueEvent[] }).events);
  const drafts = draftSources(input);
  const sides = sidesOf(input.events);

  const geometry = new Map<string, Geometry>();
  // Valid references can still describe a shape that cannot be drawn (a border band between countries
  // that do not meet): that is the catalogue's error, reported with the place like any other.
  const drawErrors: ValidationError[] = [];
  for (const p of placesFile.places) {
    try {
      geometry.set(p.id, drawn(p, input.basemap));
    } catch (err) {
      drawErrors.push({
        file: input.places.file,
        id: p.id,
        field: 'geometry',
        message: `cannot be drawn: ${(err as Error).message}`,
      });
    }
  }
  // Measures next, so that a run reports what cannot be drawn and what cannot be measured at once.
  const measureErrors: ValidationError[] = [];
  const measures = (placesFile.measures ?? []).map((m, i) => {
    const from = geometry.get(m.from);
    // Validation has made it a point place; one that could not be drawn is reported above.
    if (from?.type !== 'Point') return null;
    const [a, b] = m.to.border;
    const border = input.basemap.border(a, b);
    if (border.coordinates.length === 0) {
      const message = `${a} and ${b} share no border in the basemap`;
      measureErrors.push({ file: input.places.file, id: m.id || `measures[${i}]`, field: 'to.border', message });
      return null;
    }
    const km = distanceToLineKm(from, border);
    return { id: m.id, from: m.from, to: m.to, km: Math.round(km * 10) / 10 };
  });
  if (drawErrors.length || measureErrors.length) return { ok: false, errors: [...drawErrors, ...measureErrors] };
  if (options.tiled ?? events.length >= TILE_THRESHOLD)
    return { ok: true, ...tiledStory(input, sources, placesFile.places, events, sides, geometry, measures) };

  const features: Feature[] = [];
  // Each event as the story file has it: the format's fields (format.ts), and the flat properties the GeoJSON shares.
  const storyEvents: (StoryEvent & Record<string, unknown>)[] = [];
  for (const e of events) {
    const src = sources.get(e.source)!;
    const { q, previousDate, head, change, excerpts } = resolveEvent(e, src, sides.get(e) ?? null);
    const links = [...e.places.map((id) => ({ id, role: 'site' })), ...(e.about ?? []).map((id) => ({ id, role: 'about' }))];
    const eventProps = {
      ...head,
      quantity_value: q?.value ?? null,
      quantity_unit: q?.unit ?? null,
      quantity_qualifier: q?.qualifier ?? null,
      quantity_text: q?.text ?? null,
      previous_value: q?.previous?.value ?? null,
      previous_date: previousDate?.value ?? null,
      previous_date_precision: previousDate?.precision ?? null,
      claim_by: e.claim.by,
      claim_kind: e.claim.kind,
      stance: e.claim.stance,
      source_id: src.record.id,
      source_title: src.record.title,
      source_publisher: src.record.publisher,
      source_published: src.record.published,
      excerpt_text: excerpts[0].text,
      excerpt_start: excerpts[0].start,
      excerpt_end: excerpts[0].end,
      excerpt_block: excerpts[0].block,
      excerpt_count: excerpts.length,
      excerpts,
    };
    storyEvents.push({ ...eventProps, change, places: e.places, about: e.about ?? [] });
    for (const { id, role } of links) {
      const place = places.get(id)!;
      features.push({
        type: 'Feature',
        id: features.length,
        properties: {
          ...eventProps,
          role,
          place_id: place.id,
          place_name: place.names.en,
          place_kind: place.kind,
          location_precision: place.precision,
          precision_rank: PRECISION_RANK[place.precision],
          place_basis: place.basis,
          place_note: place.note ?? null,
        },
        geometry: geometry.get(id)!,
      });
    }
  }

  const files = new Map<string, string>();
  const collection = (fs: Feature[]) => featureLines(fs);
  /** Features per GeoJSON file, for index.json. */
  const featureCounts = new Map<string, number>();
  const addCollection = (name: string, fs: Feature[]) => {
    files.set(name, collection(fs));
    featureCounts.set(name, fs.length);
  };
  if (!options.appOnly) addCollection('events.geojson', features);
  const byPlace = new Map<string, Feature[]>();
  for (const f of features) {
    const id = f.properties!.place_id as string;
    const list = byPlace.get(id);
    if (list) list.push(f);
    else byPlace.set(id, [f]);
  }
  if (!options.appOnly)
    for (const [id, fs] of [...byPlace].sort(([a], [b]) => a.localeCompare(b))) addCollection(`${id}.geojson`, fs);

  // What the story's labels make way for (geometry.ts labelAnchor): the dots the map draws at every zoom
  // (map/style.ts places-dot: the basemap's main places, and the story's own points), and the basemap's
  // names of countries (map/style.ts country-labels: capitals, 15 px for the story's countries, else 11).
  const obstacles: Obstacle[] = [
    ...[...input.basemap.gazetteer.values()].filter((g) => g.rank <= 1).map((g) => dot(g.point.coordinates)),
    ...placesFile.places.flatMap((p) => {
      const g = geometry.get(p.id);
      return byPlace.has(p.id) && g?.type === 'Point' ? [dot(g.coordinates)] : [];
    }),
    ...[...input.basemap.countryLabels.values()].map(({ at, name, story }) => {
      const size = story ? 15 : 11;
      return { at, halfWidth: (name.length * (0.72 + 0.15) * size) / 2, halfHeight: (1.2 * size) / 2 };
    }),
  ];
  const placeFeatures: Feature[] = placesFile.places
    .filter((p) => byPlace.has(p.id))
    .map((p, i) => {
      const fs = byPlace.get(p.id)!;
      // Where it happened or was said apart from a seat of government standing in (truth.md: 8,500 troops
      // on alert are not troops in Washington), as the map colours and labels them (map/data.ts).
      const sited = fs.filter((f) => f.properties!.role === 'site');
      const categoriesOf = (seat: boolean) => [
        ...new Set(sited.filter((f) => (f.properties!.site === 'seat') === seat).map((f) => f.properties!.category as string)),
      ];
      const shape = geometry.get(p.id)!;
      // A country the basemap names: its marks and figures go under the basemap's name of it (Russia's
      // pole of inaccessibility is in Siberia, far from where the reader sees "RUSSIA").
      const named = p.kind === 'country' && 'countries' in p.geometry && p.geometry.countries.length === 1;
      const nameAt = named
        ? input.basemap.countryLabels.get((p.geometry as { countries: string[] }).countries[0])?.at
        : undefined;
      const [lng, lat] = nameAt ? nameAt.map((n) => Math.round(n * 1e5) / 1e5) : labelPoint(shape);
      const home = shape.type === 'Point' || nameAt ? null : labelHome(p, shape as Area, input.basemap);
      const figures = sited
        .filter((f) => f.properties!.site !== 'seat' && f.properties!.quantity)
        .map((f) => f.properties!.quantity as string);
      return {
        type: 'Feature',
        id: i,
        properties: {
          place_id: p.id,
          name: p.names.en,
          name_uk: p.names.uk ?? null,
          name_ru: p.names.ru ?? null,
          kind: p.kind,
          location_precision: p.precision,
          precision_rank: PRECISION_RANK[p.precision],
          ink: inkOf(p, geometry.get(p.id)!),
          place_basis: p.basis,
          place_note: p.note ?? null,
          // The basemap place it is drawn at: the map sets in bold the ones the article itself names.
          gazetteer: 'gazetteer' in p.geometry ? p.geometry.gazetteer : null,
          events_here: fs.filter((f) => f.properties!.role === 'site').length,
          events_about: fs.filter((f) => f.properties!.role === 'about').length,
          categories: categoriesOf(false).join(','),
          seat_categories: categoriesOf(true).join(','),
          label_lng: lng,
          label_lat: lat,
          ...(nameAt ? { label_anchor: 'under-name' } : {}),
          ...(home
            ? { label_anchor: labelAnchor([lng, lat], labelBox(labelName(p.names.en, p.kind, true), figures), home, obstacles) }
            : {}),
        },
        geometry: geometry.get(p.id)!,
      };
    });
  addCollection('places.geojson', placeFeatures);

  files.set('measures.json', stableJson({ measures }));
  const story: StoryFile = {
    sources: [...sources.values()].map((s) => storySource(s.record, s.text, drafts)),
    events: storyEvents,
    measures: measures.filter((m) => m !== null),
  };
  files.set(
    'story.json',
    options.compactStory ? `${JSON.stringify({ ...story, events: storyEvents.map(compactEvent) })}\n` : stableJson(story),
  );

  const counts: Record<string, number> = {};
  for (const e of events) counts[e.category] = (counts[e.category] ?? 0) + 1;
  files.set(
    'index.json',
    stableJson({
      generator: 'src/layers/build.ts',
      sources: [...sources.values()].map((s) => ({
        id: s.record.id,
        title: s.record.title,
        publisher: s.record.publisher,
        published: s.record.published,
      })),
      events: events.length,
      categories: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
      files: [...files.keys()].sort().map((name) => ({
        name,
        features: featureCounts.get(name) ?? null,
      })),
    }),
  );
  const summary = `${events.length} events, ${features.length} features, ${placeFeatures.length} places, ${files.size} files`;
  return { ok: true, files, summary };
}

/**
 * The story for tiled.ts: each event as the story file has it (its excerpts' words cut out of the source
 * at their offsets), each place with the properties its shard carries. Nothing per event but that: at a
 * million events the GeoJSON build's feature per event and place is most of its time and memory.
 */
function tiledStory(
  input: BuildInput,
  sources: Map<string, { record: Source; text: string }>,
  allPlaces: Place[],
  events: CatalogueEvent[],
  sides: Map<CatalogueEvent, Side | null>,
  geometry: Map<string, Geometry>,
  measures: (StoryMeasure | null)[],
): { files: Map<string, string>; archives: Map<string, Uint8Array>; summary: string } {
  const dates = new Map<string, ReturnType<typeof resolveEventDate>>();
  const dateOf: typeof resolveEventDate = (date, published) => {
    const key = `${published} ${JSON.stringify(date)}`;
    let d = dates.get(key);
    if (!d) dates.set(key, (d = resolveEventDate(date, published)));
    return d;
  };
  const counts = new Map<string, { here: number; about: number }>();
  const count = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { here: 0, about: 0 }));
    return c;
  };
  const storyEvents: StoryEvent[] = events.map((e) => {
    const src = sources.get(e.source)!;
    const { head, change, excerpts } = resolveEvent(e, src, sides.get(e) ?? null, dateOf);
    for (const p of e.places) count(p).here++;
    for (const p of e.about ?? []) count(p).about++;
    // Written out, not spread from `head`: a million spread copies, whose shapes vary with the nulls,
    // left V8 slow objects that cost the build of 1,000,000 events 80 s → 142 s (npm run bench).
    return {
      event_id: head.event_id,
      title: head.title,
      category: head.category,
      site: head.site,
      date_expr: head.date_expr,
      date: head.date,
      date_precision: head.date_precision,
      date_start: head.date_start,
      date_end: head.date_end,
      quantity: head.quantity,
      quantity_previous: head.quantity_previous,
      claim_by: e.claim.by,
      claim_kind: e.claim.kind,
      stance: e.claim.stance,
      side: head.side,
      source_id: src.record.id,
      change,
      excerpts,
      places: e.places,
      about: e.about ?? [],
    };
  });
  const places: TiledPlace[] = allPlaces
    .filter((p) => counts.has(p.id))
    .map((p) => {
      const shape = geometry.get(p.id)!;
      const named = p.kind === 'country' && 'countries' in p.geometry && p.geometry.countries.length === 1;
      const nameAt = named
        ? input.basemap.countryLabels.get((p.geometry as { countries: string[] }).countries[0])?.at
        : undefined;
      const at =
        shape.type === 'Point' ? shape.coordinates : nameAt ? nameAt.map((n) => Math.round(n * 1e5) / 1e5) : labelPoint(shape);
      const c = counts.get(p.id)!;
      return {
        props: {
          place_id: p.id,
          name: p.names.en,
          kind: p.kind,
          location_precision: p.precision,
          precision_rank: PRECISION_RANK[p.precision],
          ink: inkOf(p, shape),
          place_basis: p.basis,
          place_note: p.note ?? null,
          gazetteer: 'gazetteer' in p.geometry ? p.geometry.gazetteer : null,
          events_here: c.here,
          events_about: c.about,
          label_lng: at[0],
          label_lat: at[1],
        },
        area: shape.type === 'Point' ? null : { type: 'Feature', properties: {}, geometry: shape },
        at,
      };
    });
  const inks = new Map(places.map((p) => [p.props.place_id, p.props.ink!]));
  return buildTiled({
    sources: [...sources.values()].map((s) => storySource(s.record, '', draftSources(input))),
    places,
    events: storyEvents,
    measures: measures.filter((m) => m !== null),
    ink: (id) => inks.get(id)!,
  });
}

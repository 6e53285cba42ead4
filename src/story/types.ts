/**
 * The story as the app reads it from geodata/layers/ (built by src/catalogue/build.ts): story.json for
 * sources and events, places.geojson for the places' geometry.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { BlockKind, Category, Claim, DatePrecision, Precision, Site, SourceBlock } from '../catalogue/schema';

export interface StoryExcerpt {
  start: number;
  end: number;
  text: string;
  block: BlockKind;
}

export interface StoryEvent {
  event_id: string;
  title: string;
  category: Category;
  site: Site;
  date_expr: string;
  date: string | null;
  date_precision: DatePrecision;
  date_start: string | null;
  date_end: string | null;
  quantity: string | null;
  claim_by: string;
  claim_kind: Claim['kind'];
  stance: Claim['stance'];
  source_id: string;
  excerpts: StoryExcerpt[];
  places: string[];
  about: string[];
}

export interface StorySource {
  id: string;
  title: string;
  publisher: string;
  published: string;
  /** The original article (https), linked from the header. */
  url?: string;
  dateline?: string;
  blocks: SourceBlock[];
  text_content: string;
}

export interface PlaceProperties {
  place_id: string;
  name: string;
  kind: string;
  location_precision: Precision;
  precision_rank: number;
  /** How much ink the map gives it (src/catalogue/build.ts inkOf); absent in layers built before it. */
  ink?: 'point' | 'region' | 'zone' | 'country';
  place_basis: 'article' | 'context';
  place_note: string | null;
  /** The basemap place ("geonames:703448") a city or building is drawn at; null for areas. */
  gazetteer?: string | null;
  events_here: number;
  events_about: number;
  label_lng: number;
  label_lat: number;
}

export interface Story {
  sources: StorySource[];
  events: StoryEvent[];
  places: FeatureCollection<Geometry, PlaceProperties>;
  measures: { id: string; from: string; km: number }[];
}

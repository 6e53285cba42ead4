/**
 * What the review screen and its server (server.ts, api.ts) send each other, as JSON over the local
 * connection.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { CatalogueEvent, Place, Source, ValidationError } from '../catalogue/schema';
import type { DraftFile } from '../draft/types';
import type { EntryKind } from '../draft/gazetteer';
import type { PlaceProperties } from '../story/types';

/**
 * Where an article stands in the review queue: drafted and not opened yet; opened in the editor and not
 * saved; saved (its events file exists, so its events are on the map); or rejected (nothing of it is).
 */
export const QUEUE_STATUSES = ['to review', 'in review', 'published', 'rejected'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface DraftSummary {
  id: string;
  file: string;
  /** Its events file exists already. */
  saved: boolean;
  status: QueueStatus;
  /** Published from its draft before anyone reviewed it: on the map, marked "draft, not reviewed". */
  unreviewed: boolean;
}

export interface OpenedDraft {
  id: string;
  file: string;
  /** Where saving writes the reviewed events. */
  eventsFile: string;
  draft: DraftFile;
  source: Source;
  text: string;
  /** The catalogue's places (places.json) as they are. */
  catalogue: Place[];
  /** The events saved from this draft before, or null. */
  saved: CatalogueEvent[] | null;
}

export interface GazetteerHit {
  id: string;
  name: string;
  kind: EntryKind;
  country: string;
  population: number;
  type: string;
  /** The place the catalogue would draw for it (without an id), or why it cannot be drawn. */
  place?: Omit<Place, 'id'>;
  reason?: string;
}

export type PreviewResult =
  { ok: true; places: FeatureCollection<Geometry, PlaceProperties> } | { ok: false; errors: ValidationError[] };

export interface SaveRequest {
  id: string;
  places: Place[];
  events: CatalogueEvent[];
  /**
   * The source's paragraphs the review marks as photo captions (each block's start), beyond those its
   * record has: the record is saved with them (model.ts withCaptions), and excerpts in them are captions.
   */
  captions?: number[];
}

export interface SaveResult {
  ok: boolean;
  errors: ValidationError[];
  /** The files written, relative to the project folder; empty when nothing was. */
  written: string[];
  /** After a save: the layers folder built again from the saved catalogue, or why it could not be. */
  layers?: { folder: string; summary?: string; error?: string };
}

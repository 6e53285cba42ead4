import type { Precision } from '../catalogue/vocabulary';

/**
 * Where the map looks: what the map view reports as it moves, and what it is asked to move to. The URL
 * (src/state/hash.ts) writes and reads cameras; the map owns what one is.
 */

export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

/** A request to move the map: to a place's label point at a zoom, or to a camera from a link. */
export interface FocusRequest {
  lng: number;
  lat: number;
  zoom: number;
  /** Jump without animation (back/forward, reduced motion). */
  jump: boolean;
}

/** The zoom a place is shown at when chosen from a list: closer the more precisely it is placed. */
const ZOOM_BY_PRECISION: Record<Precision, number> = { exact: 7, city: 6, region: 5.5, zone: 4.6, country: 4.3 };

/** A flight to a place's label point, at the zoom its precision calls for. */
export function focusOn(p: { label_lng: number; label_lat: number; location_precision: Precision }): FocusRequest {
  return { lng: p.label_lng, lat: p.label_lat, zoom: ZOOM_BY_PRECISION[p.location_precision], jump: false };
}

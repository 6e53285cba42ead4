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

/**
 * The view in the URL: MapLibre's standard camera hash (#zoom/lat/lng, as its `hash` option writes it),
 * then the layers turned off and the selection as &key=value pairs:
 *
 *   #5.5/48.9/35.2&hide=energy,sanctions&place=kyiv&event=us-plane-kyiv
 *
 * A bare #zoom/lat/lng link is a valid view; unknown keys and malformed parts are ignored, never fatal.
 */
import { CATEGORIES, type Category } from '../map/theme';

export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

export interface ViewHash {
  camera: Camera | null;
  hidden: Category[];
  places: string[];
  event: string | null;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** MapLibre's precision: enough decimals for the zoom level (its Hash does the same). */
const decimals = (zoom: number) => Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));

export function encodeHash(v: ViewHash): string {
  const parts: string[] = [];
  if (v.camera) {
    const d = decimals(v.camera.zoom);
    const m = Math.pow(10, d);
    const round = (n: number) => Math.round(n * m) / m;
    parts.push(`${Math.round(v.camera.zoom * 100) / 100}/${round(v.camera.lat)}/${round(v.camera.lng)}`);
  }
  const hidden = CATEGORIES.filter((c) => v.hidden.includes(c));
  if (hidden.length) parts.push(`hide=${hidden.join(',')}`);
  if (v.places.length) parts.push(`place=${v.places.join(',')}`);
  if (v.event) parts.push(`event=${v.event}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

export function decodeHash(hash: string): ViewHash {
  const view: ViewHash = { camera: null, hidden: [], places: [], event: null };
  const parts = hash.replace(/^#/, '').split('&');
  const [zoom, lat, lng] = (parts[0] ?? '').split('/').map((n) => (n.trim() === '' ? NaN : Number(n)));
  if (
    [zoom, lat, lng].every(Number.isFinite) &&
    zoom >= 0 &&
    zoom <= 24 &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180
  ) {
    view.camera = { zoom, lat, lng };
  }
  for (const part of parts) {
    const [key, value = ''] = part.split('=');
    const list = value.split(',').filter(Boolean);
    if (key === 'hide') view.hidden = CATEGORIES.filter((c) => list.includes(c));
    else if (key === 'place') view.places = list.filter((id) => ID.test(id));
    else if (key === 'event' && ID.test(value)) view.event = value;
  }
  return view;
}

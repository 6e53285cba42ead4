/**
 * Fewer shader programs at the first view. MapLibre compiles one WebGL program per layer type and per mix
 * of paint properties that are uniforms (one value per layer), attributes (a value per feature) or
 * zoom-and-feature curves; it compiles each the first time a layer needs it, inside a frame. Without a
 * GPU (the benchmark's software WebGL) one compile and link is 100-200 ms, and the first view needed 16.
 *
 * So every fill, line and circle layer is written with the same mix: each of the properties below is
 * made per-feature (an attribute) where the style gives one value, and line widths are zoom-and-feature
 * curves throughout. The values drawn are unchanged; only how they reach the shader is.
 */
import type { LayerSpecification } from 'maplibre-gl';

type Value = unknown;

/** Paint properties made per-feature, by layer type; `curve`: made zoom-and-feature. */
const SHARED: Record<string, { perFeature: string[]; curve: string[] }> = {
  fill: { perFeature: ['fill-color', 'fill-opacity'], curve: [] },
  line: { perFeature: ['line-color', 'line-opacity'], curve: ['line-width'] },
  circle: {
    perFeature: [
      'circle-color',
      'circle-opacity',
      'circle-radius',
      'circle-stroke-color',
      'circle-stroke-opacity',
      'circle-stroke-width',
    ],
    curve: [],
  },
};

/** Defaults of the style spec, for properties a layer leaves unset. */
const DEFAULTS: Record<string, Value> = {
  'fill-color': '#000000',
  'fill-opacity': 1,
  'line-color': '#000000',
  'line-opacity': 1,
  'line-width': 1,
  'circle-color': '#000000',
  'circle-opacity': 1,
  'circle-radius': 5,
  'circle-stroke-color': '#000000',
  'circle-stroke-opacity': 1,
  'circle-stroke-width': 0,
};

const FEATURE_OPS = new Set(['get', 'has', 'feature-state', 'geometry-type', 'id', 'properties', 'accumulated']);

/** Whether an expression reads the feature (MapLibre then makes it an attribute). */
function readsFeature(v: Value): boolean {
  if (!Array.isArray(v)) return false;
  if (typeof v[0] === 'string' && FEATURE_OPS.has(v[0])) return true;
  return v.some(readsFeature);
}

/** A top-level zoom curve: ["interpolate", type, ["zoom"], …] or ["step", ["zoom"], …]. */
function zoomCurve(v: Value): boolean {
  if (!Array.isArray(v)) return false;
  const isZoom = (x: Value) => Array.isArray(x) && x[0] === 'zoom';
  return (v[0] === 'interpolate' && isZoom(v[2])) || (v[0] === 'step' && isZoom(v[1]));
}

/** The same value for every feature, written as an expression that reads the feature. */
const perFeature = (v: Value): Value => (readsFeature(v) ? v : ['case', ['has', '$'], v, v]);

/** A zoom-and-feature curve with the values of `v` (a constant, a per-feature value, or a zoom curve). */
function curve(v: Value): Value {
  if (zoomCurve(v)) {
    const c = v as Value[];
    const head = c[0] === 'interpolate' ? 3 : 2;
    // Outputs are every other entry after the head (interpolate: stop, value; step: value, stop, value).
    return c.map((x, i) => (i >= head && (c[0] === 'step' ? (i - head) % 2 === 0 : (i - head) % 2 === 1) ? perFeature(x) : x));
  }
  const f = perFeature(v);
  return ['interpolate', ['linear'], ['zoom'], 0, f, 24, f];
}

/**
 * The layers with their fills, lines and circles brought to one mix of paint properties per type. A fill's
 * antialiasing is another program and pass; fills whose edges need it have a line layer drawn over them.
 */
export function sharePrograms(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    const shared = SHARED[layer.type];
    if (!shared) return layer;
    const paint: Record<string, Value> = { ...((layer as { paint?: Record<string, Value> }).paint ?? {}) };
    for (const p of shared.perFeature) paint[p] = perFeature(paint[p] ?? DEFAULTS[p]);
    for (const p of shared.curve) paint[p] = curve(paint[p] ?? DEFAULTS[p]);
    if (layer.type === 'fill') paint['fill-antialias'] = false;
    return { ...layer, paint } as LayerSpecification;
  });
}

/**
 * The benchmark's baseline (baseline.html): MapLibre with the app's basemap and nothing else, no story,
 * no panels, no events. The same style layers and sources (buildStyle without the story), the same files
 * loaded the same way, the same fonts, patterns and first view as the app (src/map/setup.ts), so that
 * `npm run bench` can say what the app costs on top of the map it draws.
 *
 * The benchmark opens it in a window the size of the app's map area, so the same bounds give the same
 * camera; it checks that they do, and records both.
 *
 * `baseline.html?style=empty` is MapLibre's own floor: the same page, map and camera with an empty style
 * (no sources, no layers, no fonts, no data), what no map drawn with MapLibre can be faster than.
 *
 * `baseline.html?whole` draws its first view whole, as the app does (map/firstView.ts), where the plain page
 * draws it as MapLibre does, tile by tile: the same map, drawn the app's way, to tell what the app's story
 * and page cost from what drawing the first view whole saves.
 *
 * `baseline.html?area=left,top,width,height` draws the same map at that place and size in a window of any
 * size: the benchmark opens it in the app's own window, with the map where the app's map is, so that the
 * two pages differ by the app alone and not also by the size of the window.
 */
import '../fonts';
import { AttributionControl, Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ATTRIBUTION } from '../map/attribution';
import { drawFirstViewWhole } from '../map/firstView';
import { drawPatternsOnDemand, FIRST_VIEW, logMapErrors } from '../map/setup';
import { startMapWorker } from '../map/worker';
import { buildStyle } from '../map/style';
import { defaultTheme } from '../map/theme';
import './baseline.css';

const query = new URLSearchParams(location.search);
const empty = query.get('style') === 'empty';
const whole = query.has('whole');
const area = query.get('area');
if (area) {
  const [left, top, width, height] = area.split(',').map(Number);
  if (![left, top, width, height].every((n) => Number.isFinite(n) && n >= 0))
    throw new Error(`baseline.html: area=${area}: four numbers ≥ 0 expected (left,top,width,height)`);
  // Through the CSSOM: the page's policy allows no style attribute.
  Object.assign(document.getElementById('map')!.style, {
    position: 'absolute',
    left: `${left}px`,
    top: `${top}px`,
    width: `${width}px`,
    height: `${height}px`,
  });
}

// As the app (src/main.ts): MapLibre's worker started, with the tile archives' protocol, before the map.
// The empty style's page is MapLibre alone: its worker, nothing of ours.
if (empty) setWorkerUrl(workerUrl);
else startMapWorker();
const map = new MaplibreMap({
  container: 'map',
  style: empty ? { version: 8, sources: {}, layers: [] } : buildStyle(defaultTheme, { withStory: false }),
  bounds: FIRST_VIEW,
  attributionControl: false,
  minZoom: 1,
  maxZoom: 10,
  // As the app (src/map/MapView.svelte).
  fadeDuration: 0,
});
if (whole) drawFirstViewWhole(map);
map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
if (!empty) {
  drawPatternsOnDemand(map, defaultTheme);
  logMapErrors(map);
}

(window as unknown as { situationMap?: MaplibreMap }).situationMap = map;

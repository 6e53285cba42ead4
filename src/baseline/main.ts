/**
 * The benchmark's baseline (baseline.html): MapLibre with the app's basemap and nothing else, no story,
 * no panels, no events. The same style layers (basemapLayers of the default theme), the same files
 * loaded the same way (loadBasemap), the same fonts and the same first view as the app, so that
 * `npm run bench` can say what the app costs on top of the map it draws.
 *
 * The benchmark opens it in a window the size of the app's map area, so the same bounds give the same
 * camera; it checks that they do, and records both.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import { AttributionControl, Map as MaplibreMap, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { loadBasemap } from '../basemap/load';
import { ATTRIBUTION } from '../map/attribution';
import { BASEMAP_SOURCES, basemapLayers, stylePatterns } from '../map/style';
import { defaultTheme } from '../map/theme';
import './baseline.css';

setWorkerUrl(workerUrl);

/** The app's first view (src/map/MapView.svelte): Ukraine, Belarus and western Russia. */
const FIRST_VIEW: [[number, number], [number, number]] = [
  [21.5, 43.8],
  [46.5, 58.2],
];

const style: StyleSpecification = {
  version: 8,
  name: 'Situation Map basemap (baseline)',
  sources: Object.fromEntries(
    BASEMAP_SOURCES.map((id) => [id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]),
  ) as StyleSpecification['sources'],
  layers: basemapLayers(defaultTheme),
};

const map = new MaplibreMap({
  container: 'map',
  style,
  bounds: FIRST_VIEW,
  attributionControl: false,
  minZoom: 1,
  maxZoom: 10,
  // As the app (src/map/MapView.svelte).
  fadeDuration: 0,
});
map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
const patterns = stylePatterns(defaultTheme);
map.setMissingStyleImageResolver((id) => {
  const make = patterns[id];
  if (make && !map.hasImage(id)) map.addImage(id, make());
});
loadBasemap(`${import.meta.env.BASE_URL}data/basemap/`).then(({ data, failures }) => {
  for (const [id, fc] of Object.entries(data)) (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
  for (const f of failures) console.error(`basemap: ${f.file}: ${f.reason}`);
});

(window as unknown as { situationMap?: MaplibreMap }).situationMap = map;

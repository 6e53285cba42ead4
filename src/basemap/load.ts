/**
 * Loads the basemap files. Each file is fetched and converted on its own: a missing or corrupt file is
 * reported by name and reason, and whatever did load is still drawn.
 */
import type { FeatureCollection } from 'geojson';
import { fetchJson, type FileFailure } from '../io/fetch';
import { physicalLayers, placesLayer, regionLayers, worldLayers } from './topology';

export type { FileFailure };

/** The map's basemap sources, each filled from one of the files below. */
export const BASEMAP_SOURCES = [
  'world',
  'world-borders',
  'units',
  'borders',
  'lakes',
  'rivers',
  'unit-labels',
  'country-labels',
  'places',
] as const;
export type BasemapSource = (typeof BASEMAP_SOURCES)[number];

export type SourceData = Partial<Record<BasemapSource, FeatureCollection>>;

/** Each basemap file and the map sources it fills. */
const FILES: Record<string, (json: unknown) => SourceData> = {
  'region.topo.json': (json) => {
    const r = regionLayers(json);
    return { units: r.units, borders: r.borders, 'unit-labels': r.unitLabels, 'country-labels': r.countryLabels };
  },
  'world.topo.json': (json) => {
    const w = worldLayers(json);
    return { world: w.world, 'world-borders': w.worldBorders };
  },
  'physical.topo.json': (json) => physicalLayers(json),
  'places.geojson': (json) => ({ places: placesLayer(json) }),
};

export const BASEMAP_FILES = Object.keys(FILES);

export async function loadBasemap(
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ data: SourceData; failures: FileFailure[] }> {
  const data: SourceData = {};
  const failures: FileFailure[] = [];
  await Promise.all(
    Object.entries(FILES).map(async ([file, convert]) => {
      try {
        Object.assign(data, convert(await fetchJson(`${baseUrl}${file}`, fetchFn)));
      } catch (err) {
        failures.push({ file, reason: err instanceof Error ? err.message : String(err) });
      }
    }),
  );
  failures.sort((a, b) => a.file.localeCompare(b.file));
  return { data, failures };
}

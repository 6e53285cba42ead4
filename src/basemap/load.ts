/**
 * Loads the basemap files. Each file is fetched and converted on its own: a missing or corrupt file is
 * reported by name and reason, and whatever did load is still drawn.
 */
import type { FeatureCollection } from 'geojson';
import type { BasemapSource } from '../map/style';
import { physicalLayers, placesLayer, regionLayers, worldLayers } from './topology';

export interface FileFailure {
  file: string;
  reason: string;
}

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

/** Fetches JSON, turning each way it can fail into words a reader can act on. */
export async function fetchJson(url: string, fetchFn: typeof fetch = fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    throw new Error(`could not be fetched (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  // A JSON file served as a web page is almost always an error page or a misconfigured server.
  if (type === 'text/html')
    throw new Error('was served as a web page (text/html), not as data: the file is missing or the server is misconfigured');
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const kind = response.headers.get('content-type') ?? 'unknown type';
    throw new Error(`is not valid JSON (${text.length} bytes of ${kind}; truncated or corrupt?)`, { cause: err });
  }
}

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

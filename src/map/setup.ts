/**
 * What the app's map and the benchmark's baseline page (src/baseline/) set up the same way, so that the
 * baseline is the app's basemap by construction: the first view, the fill patterns, the basemap's data.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { loadBasemap, type FileFailure } from '../basemap/load';
import { stylePatterns } from './style';
import type { Theme } from './theme';

/** The theatre: Ukraine, Belarus and western Russia as far as Moscow and Yaroslavl. */
export const FIRST_VIEW: [[number, number], [number, number]] = [
  [21.5, 43.8],
  [46.5, 58.2],
];

/** Fill patterns are drawn in code on first use: no sprite sheet to fetch. */
export function drawPatternsOnDemand(m: MaplibreMap, theme: Theme): void {
  const patterns = stylePatterns(theme);
  m.setMissingStyleImageResolver((id) => {
    const make = patterns[id];
    if (make && !m.hasImage(id)) m.addImage(id, make());
  });
}

/**
 * Loads the basemap's files and hands each to its source; resolves with the files that failed. Nothing
 * is handed over once `stillWanted` says the map is gone.
 */
export async function fillBasemap(m: MaplibreMap, stillWanted: () => boolean = () => true): Promise<FileFailure[]> {
  const { data, failures } = await loadBasemap(`${import.meta.env.BASE_URL}data/basemap/`);
  if (stillWanted()) for (const [id, fc] of Object.entries(data)) (m.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
  return failures;
}

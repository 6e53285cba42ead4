/**
 * What the app's map and the benchmark's baseline page (src/baseline/) set up the same way, so that the
 * baseline is the app's basemap by construction: the first view, the fill patterns, the basemap's data.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { loadBasemap, type FileFailure } from '../basemap/load';
import { THEATRE } from '../basemap/theatre';
import { stylePatterns } from './style';
import type { Theme } from './theme';

/** The first view: the theatre (basemap/theatre.ts). */
export const FIRST_VIEW = THEATRE;

/** Fill patterns and the categories' shapes are drawn in code on first use: no sprite sheet to fetch. */
export function drawPatternsOnDemand(m: MaplibreMap, theme: Theme): void {
  const patterns = stylePatterns(theme);
  m.setMissingStyleImageResolver((id) => {
    const make = patterns[id];
    if (!make || m.hasImage(id)) return;
    const { width, height, data, pixelRatio = 1, sdf = false } = make();
    m.addImage(id, { width, height, data }, { pixelRatio, sdf });
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

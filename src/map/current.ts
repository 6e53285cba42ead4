import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * The page's one map, for what works on the picture it shows (the Share dialog's "Download PNG"),
 * without threading the instance through every component between them. MapView sets and clears it.
 */
let current: MaplibreMap | null = null;

export const setCurrentMap = (m: MaplibreMap | null): void => {
  current = m;
};
export const currentMap = (): MaplibreMap | null => current;

/**
 * The theatre the basemap is drawn for and the map opens on: Ukraine, Belarus and western Russia as far
 * as Moscow and Yaroslavl, as [[west, south], [east, north]]. The map's first view fits it (map/setup.ts);
 * the layers build keeps the story's labels inside it (layers/geometry.ts labelAnchor).
 */
export const THEATRE: [[number, number], [number, number]] = [
  [21.5, 43.8],
  [49, 58.2],
];

/**
 * The basemap's vector tile archives (built by src/tiles/basemap.ts into geodata/tiles/, served at
 * data/tiles/): which layers each holds, the properties each layer keeps, and the zooms it is cut at.
 * Shared by the build and the map's style, so the two cannot disagree on a layer's name or its fields.
 */

/**
 * Archive → vector layer → the properties the style (map/style.ts) reads from it, and nothing else.
 *
 * The region's places are in the world's archive, not the region's: the map sets their layers' filters
 * once the story says which places the article names, and a new filter lays out again every tile of the
 * layer's source. The world's tiles are a few coarse polygons; the region's hold every oblast, border and
 * river, which were laid out twice at the first view. Points lose nothing past the world's z5.
 */
export const BASEMAP_TILE_LAYERS = {
  world: { world: [], 'world-borders': ['kind'], places: ['id', 'name', 'rank', 'population', 'capital'] },
  region: {
    units: ['level', 'disputed'],
    borders: ['kind'],
    lakes: [],
    rivers: [],
    'unit-labels': ['name'],
    'country-labels': ['name', 'story'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** The map's basemap sources: one per archive. */
export type BasemapSource = keyof typeof BASEMAP_TILE_LAYERS;
export const BASEMAP_SOURCES = Object.keys(BASEMAP_TILE_LAYERS) as BasemapSource[];

/**
 * The zooms each archive is cut at; beyond its maxzoom MapLibre draws the last level larger. The world's
 * countries (Natural Earth 50m) hold no more detail past z5; the region's TopoJSON grid (0.0036° by
 * 0.0014°) is about z7's tile units.
 */
export const BASEMAP_ZOOMS: Record<BasemapSource, { minZoom: number; maxZoom: number }> = {
  world: { minZoom: 0, maxZoom: 5 },
  region: { minZoom: 0, maxZoom: 7 },
};

/** An archive's file name, under geodata/tiles/ and at data/tiles/ on the site. */
export const archiveFile = (source: BasemapSource): string => `${source}.pmtiles`;

const PMTILES = 'pmtiles://';

/**
 * A style's URL for a tile archive at `path` under the site's base (map/archiveProtocol.ts answers it),
 * from the site's root: MapLibre's worker reads the tiles, and would resolve a relative URL against its
 * own script's.
 */
export function archiveUrl(path: string, base: string = import.meta.env.BASE_URL): string {
  const url = `${base}${path}`;
  if (!url.startsWith('/')) throw new Error(`a tile archive's URL must start at the site's root (/…): ${url}`);
  return `${PMTILES}${url}`;
}

/**
 * A vector source of an archive's tiles, by z/x/y through `pmtiles://` (map/mapWorker.ts reads them in
 * MapLibre's worker), with the zooms it is cut at: written out, so MapLibre asks for no TileJSON first
 * (which the page would have to answer, behind its other work).
 */
export const archiveSource = (url: string, { minZoom, maxZoom }: { minZoom: number; maxZoom: number }) => ({
  type: 'vector' as const,
  tiles: [`${url}/{z}/{x}/{y}`],
  minzoom: minZoom,
  maxzoom: maxZoom,
});

/** The style's URL of a basemap archive. */
export const basemapUrl = (source: BasemapSource): string => archiveUrl(`data/tiles/${archiveFile(source)}`);

/** Each basemap vector layer → the source (archive) that holds it. */
export const SOURCE_OF_LAYER = Object.fromEntries(
  BASEMAP_SOURCES.flatMap((s) => Object.keys(BASEMAP_TILE_LAYERS[s]).map((layer) => [layer, s])),
) as Record<string, BasemapSource>;

/**
 * The catalogue's vocabulary: the categories an event may have and how precisely a place may be placed.
 * The first stage of the pipeline that names them, so that every later one (the layers build, the story's
 * queries, the map's theme, the URL, the panels) reads them from here and none from the map.
 */

/** Event categories the catalogue may use; the map's theme gives each a colour. */
export const CATEGORIES = [
  'troops',
  'drills',
  'aircraft',
  'naval',
  'military-aid',
  'diplomacy',
  'statement',
  'civilians',
  'sanctions',
  'energy',
  'conflict',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How sharply the article places something (after ACLED's geo-precision codes, made visible). */
export const PRECISIONS = ['exact', 'city', 'region', 'country', 'zone'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * The seat rule. An event whose article does not say where it happened is listed at the capital of the
 * government that acted or spoke (its `site` is 'seat', schema.ts SITES): the place stands in, and nothing
 * happened there (truth.md: 8,500 troops on alert are not troops in Washington). Such an event never gives
 * its place a category's colour or mark, nor its figure to the place's label; it is counted apart.
 */
export const listedAsSeat = (e: { site: string }): boolean => e.site === 'seat';

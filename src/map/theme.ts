import { CATEGORIES, type Category, type Precision } from '../catalogue/vocabulary';
import { LABEL_FONTS } from '../basemap/labelFonts';

/**
 * The map's typed design tokens. The style (style.ts) is generated from a Theme, never written by hand,
 * so that a colour or a line weight is decided in exactly one place.
 */

interface PrecisionStyle {
  /** Outline dash pattern in line widths; empty for a solid line. */
  dash: number[];
  /** Fill opacity of an area drawn with this precision. */
  fillOpacity: number;
  /** Opacity of the hatch over a hatched area. */
  hatchOpacity: number;
  outlineWidth: number;
}

export interface Theme {
  font: { regular: string[]; bold: string[] };
  basemap: {
    sea: string;
    land: string;
    landStory: string;
    landWorld: string;
    outline: string;
    countryBorder: string;
    unitBorder: string;
    disputedBorder: string;
    disputedHatch: string;
    lake: string;
    river: string;
    text: string;
    textMuted: string;
    halo: string;
    /** The edge of a category's mark (symbols.ts): dark, so that the light categories' marks hold on land. */
    markEdge: string;
    /** A place shown only as a seat of government standing in for an unnamed place: no category's colour. */
    seat: string;
  };
  categories: Record<Category, string>;
  precision: Record<Precision, PrecisionStyle>;
}

/**
 * Colours for categories: Paul Tol's "muted" scheme (9 colours distinguishable under the common
 * colour-vision deficiencies, https://personal.sron.nl/~pault/#sec:qualitative) extended with two of his
 * "bright" colours. No meaning rests on colour alone: the legend names each category, and precision is
 * drawn as line and fill pattern, not as hue.
 */
export const defaultTheme: Theme = {
  font: { regular: [LABEL_FONTS[0].stack], bold: [LABEL_FONTS[1].stack] },
  basemap: {
    sea: '#c9dbe6',
    land: '#f4f1ea',
    landStory: '#efe9dc',
    landWorld: '#ebe8e1',
    outline: '#9fb3c1',
    countryBorder: '#6d6a75',
    unitBorder: '#b9b3a6',
    disputedBorder: '#8a5a44',
    disputedHatch: '#c9a58f',
    lake: '#c9dbe6',
    river: '#9ec0d6',
    text: '#26262b',
    textMuted: '#6b6760',
    halo: '#ffffff',
    markEdge: '#3b3a40',
    seat: '#6b6760',
  },
  categories: {
    troops: '#CC6677',
    drills: '#DDCC77',
    aircraft: '#332288',
    naval: '#88CCEE',
    'military-aid': '#117733',
    diplomacy: '#44AA99',
    statement: '#AA4499',
    civilians: '#882255',
    sanctions: '#999933',
    energy: '#EE7733',
    conflict: '#BBBBBB',
  },
  precision: {
    // Ink follows precision (layers/shapes.ts inkOf): the precise marks strongest, whole countries faintest.
    exact: { dash: [], fillOpacity: 0.35, hatchOpacity: 0, outlineWidth: 2 },
    city: { dash: [], fillOpacity: 0.3, hatchOpacity: 0, outlineWidth: 2 },
    region: { dash: [], fillOpacity: 0.28, hatchOpacity: 0, outlineWidth: 1.8 },
    country: { dash: [4, 2], fillOpacity: 0.035, hatchOpacity: 0, outlineWidth: 1.2 },
    zone: { dash: [2, 2], fillOpacity: 0.07, hatchOpacity: 0.3, outlineWidth: 1.5 },
  },
};

/**
 * The theme's colours the page draws the legend's keys and the timeline's bars with, as CSS custom
 * properties: `--category-<category>`, and the basemap's colours the legend shows beside them (`--mark-edge`,
 * `--halo`, `--seat`, `--text`, `--disputed-border`, `--disputed-hatch`, `--land-story`), and the sea the map's
 * area shows until its first view is drawn (`--sea`: MapView, map/firstView.ts). Set once on the
 * document (applyTheme) from the theme the map is styled with, so the legend cannot drift from the map.
 */
export function themeProperties(theme: Theme): Record<string, string> {
  const b = theme.basemap;
  return {
    ...Object.fromEntries(CATEGORIES.map((c) => [`--category-${c}`, theme.categories[c]])),
    '--mark-edge': b.markEdge,
    '--halo': b.halo,
    // A seat of government standing in for an unnamed place (map/data.ts featureStyle).
    '--seat': b.seat,
    // The count of sources' disc (map/style.ts SOURCE_BADGE) and the zones' hatching (HATCH_ZONE).
    '--text': b.text,
    '--disputed-border': b.disputedBorder,
    '--disputed-hatch': b.disputedHatch,
    '--land-story': b.landStory,
    '--sea': b.sea,
  };
}

/** The theme's custom properties on `root` (the document's element, before the page is mounted). */
export function applyTheme(root: HTMLElement, theme: Theme = defaultTheme): void {
  for (const [name, value] of Object.entries(themeProperties(theme))) root.style.setProperty(name, value);
}

/**
 * A row of category marks at one point: the arithmetic of its slots, once, for the tiled form's archive
 * (tiled.ts: a mark's `s`) and the map's marks (map/data.ts placeMarks, map/tiledStory.ts).
 */
import { CATEGORIES, type Category } from '../catalogue/vocabulary';

const ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/**
 * Where a row's marks go beside its point: centred on it, or the whole row before it (to its left, ending
 * half a step from it) or after it (starting half a step from it), as beside a label hung to one side.
 */
export type RowAlign = 'centre' | 'before' | 'after';

/**
 * The distinct categories, in legend order, each with its slot: its offset from the point in half mark
 * steps, a whole number (centred: -(n-1)..(n-1) by 2), so that a vector tile carries it as one integer
 * (tile properties cannot be arrays) and a style turns it into pixels by one multiplication.
 */
export function markRow(categories: Iterable<Category>, align: RowAlign = 'centre'): { category: Category; slot: number }[] {
  const row = [...new Set(categories)].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
  const shift = align === 'before' ? -row.length : align === 'after' ? row.length : 0;
  return row.map((category, i) => ({ category, slot: 2 * i - (row.length - 1) + shift }));
}

/** The largest slot a centred row can have: every category at one place. */
export const MAX_SLOT = CATEGORIES.length - 1;

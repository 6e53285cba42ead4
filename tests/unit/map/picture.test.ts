/** What the downloaded picture says of a view (map/picture.ts): its legend follows the visible records only. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeStory } from '../../../src/layers/format';
import { pictureText, pngName } from '../../../src/map/picture';
import { exportFeatures } from '../../../src/story/export';
import type { Story } from '../../../src/story/types';
import { CATEGORIES, type Category } from '../../../src/catalogue/vocabulary';
import { seedProject } from '../../support/helpers';
import { buildWithFixture } from '../../support/two-sources';

const LAYERS = path.join(seedProject(), 'geodata/layers');
const story: Story = {
  ...decodeStory(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8'))),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')),
};

describe('pictureText', () => {
  it('names the source with its publisher and date, and the credits', () => {
    const t = pictureText(story, { hidden: new Set() });
    expect(t.title).toBe(story.sources[0].title);
    expect(t.sources).toBe('Sources: NBC News, 26 January 2022');
    expect(t.window).toBe('Dates: all');
    expect(t.credits).toMatch(/Natural Earth.*GeoNames \(CC BY 4\.0\)/);
  });

  it('lists only the categories and precisions the view shows', () => {
    const filter = {
      hidden: new Set(['energy', 'diplomacy'] as const),
      window: { start: '2022-01-24', end: '2022-01-26', mode: 'overlaps' as const },
    };
    const t = pictureText(story, filter);
    const rows = exportFeatures(story, filter).map((f) => f.properties);
    expect(new Set(t.categories.map((c) => c.category))).toEqual(new Set(rows.map((r) => r.category)));
    expect(t.categories.some((c) => c.category === 'energy' || c.category === 'diplomacy')).toBe(false);
    // A record the article places nowhere (NATO's announcement, in this window) has no precision to list.
    expect(rows.some((r) => r.location_precision === null)).toBe(true);
    expect(new Set(t.precisions.map((p) => p.precision))).toEqual(
      new Set(rows.map((r) => r.location_precision).filter((p) => p !== null)),
    );
    expect(t.window).toBe('Dates: 2022-01-24 to 2022-01-26 (overlapping)');
  });
});

describe("the picture's keys for what its map draws", () => {
  const only = (...shown: Category[]) => ({ hidden: new Set(CATEGORIES.filter((c) => !shown.includes(c))) });

  it('keys a plan when its map shows a hollow mark, and a grey seat when it shows one (issue 24.10, 24.7)', () => {
    // Drills alone: the joint drills "next month" are Belarus's only drills (hollow); no capital stands in.
    expect(pictureText(story, only('drills'))).toMatchObject({ plans: true, seat: false });
    // Troops alone: all done; the 8,500 on alert are listed at Washington, drawn grey.
    expect(pictureText(story, only('troops'))).toMatchObject({ plans: false, seat: true });
    // Everything: both.
    expect(pictureText(story, { hidden: new Set() })).toMatchObject({ plans: true, seat: true });
  });

  it('keys the count of sources when its map draws one: never for the seed, one article', () => {
    expect(pictureText(story, { hidden: new Set() }).counts).toBe(false);
    const built = buildWithFixture(path.resolve(import.meta.dirname, '../../fixtures/across-sources'), { seed: false });
    const corpus: Story = {
      ...decodeStory(JSON.parse(built.get('story.json')!)),
      places: JSON.parse(built.get('places.geojson')!),
    };
    expect(pictureText(corpus, { hidden: new Set() }).counts).toBe(true);
    // Ukraine's ministry alone: two outlets carrying one agency story, one source; no count drawn.
    expect(pictureText(corpus, { hidden: new Set(), sides: new Set(['ukraine'] as const) }).counts).toBe(false);
  });
});

describe('pngName', () => {
  it('says the story and the view', () => {
    expect(pngName(story, 4.26, 1)).toBe('situation-map-2022-01-26-z4.3.png');
    expect(pngName(story, 4.26, 2)).toBe('situation-map-2022-01-26-z4.3@2x.png');
  });
});

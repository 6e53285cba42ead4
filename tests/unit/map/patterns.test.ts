import { describe, expect, it } from 'vitest';
import { dashedRing, hatch, parseHex } from '../../../src/map/patterns';
import { defaultTheme } from '../../../src/map/theme';

describe('parseHex', () => {
  it.each([
    ['#fff', [255, 255, 255]],
    ['#1F3A5F', [31, 58, 95]],
  ])('%s', (hex, rgb) => expect(parseHex(hex)).toEqual(rgb));

  it.each(['red', '#12345', 'fff', '#ggg'])('rejects %s, naming it', (bad) => {
    expect(() => parseHex(bad)).toThrow(`hex colour expected, "${bad}" found`);
  });
});

describe('hatch', () => {
  const inked = (img: ReturnType<typeof hatch>, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3] > 0;

  it('is an RGBA square of the asked size', () => {
    const img = hatch('#c9a58f', 8, 2);
    expect(img).toMatchObject({ width: 8, height: 8 });
    expect(img.data.length).toBe(8 * 8 * 4);
  });

  it('inks lineWidth/size of the pixels, in diagonals that tile seamlessly', () => {
    const img = hatch('#000000', 8, 2);
    let count = 0;
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) count += inked(img, x, y) ? 1 : 0;
    expect(count).toBe(16);
    // Each line runs on diagonally, across the tile's edges too: (x, y) and (x+1, y+1) wrap to the same ink.
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) expect(inked(img, x, y)).toBe(inked(img, (x + 1) % 8, (y + 1) % 8));
  });

  it('rejects sizes that cannot make a pattern', () => {
    expect(() => hatch('#000', 1, 1)).toThrow(/size must be/);
    expect(() => hatch('#000', 8, 8)).toThrow(/lineWidth < size/);
  });
});

describe('dashedRing, the draft mark', () => {
  it('the ring is dashes round an empty middle', () => {
    const ring = dashedRing(defaultTheme.basemap.markEdge, defaultTheme.basemap.halo);
    const pr = ring.pixelRatio!;
    const alpha = (x: number, y: number) => {
      const c = Math.round(ring.width / 2 + x * pr);
      const r = Math.round(ring.height / 2 + y * pr);
      return ring.data[(r * ring.width + c) * 4 + 3];
    };
    expect(alpha(0, 0)).toBe(0);
    // Around the ring at its radius: inked and blank by turns.
    const around = Array.from({ length: 80 }, (_, i) =>
      alpha(8 * Math.cos((i / 80) * 2 * Math.PI), 8 * Math.sin((i / 80) * 2 * Math.PI)),
    );
    const inked = around.filter((a) => a > 200).length;
    expect(inked).toBeGreaterThan(25);
    expect(inked).toBeLessThan(55);
  });
});

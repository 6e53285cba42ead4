/**
 * `npm run bench:png`: "Download PNG" of the first view after idle, 1x and 2x, timed from the click to
 * the download event in Chromium (production build), the median of several runs each; beside it, the
 * map's own repaint (triggerRepaint to the next idle) in the same page, so that the figure reads as a
 * ratio on a noisy machine. Goal: ≤ 2 s.
 *
 *   npm run bench:png [-- --no-build] [--runs 5] [--width 1440 --height 900]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { serveBuild, SERVED_OPTIONS, storyDrawn } from './served';
import { median } from './stats';

const { values } = parseArgs({ options: { ...SERVED_OPTIONS, runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const GOAL_MS = 2000;
const { base, browser, close } = await serveBuild({ build: !values['no-build'] });

/** Milliseconds from triggerRepaint to the map's next idle, measured in the page. */
const repaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const m = (window as unknown as { situationMap: MaplibreMap }).situationMap;
        const t0 = performance.now();
        m.once('idle', () => resolve(performance.now() - t0));
        m.triggerRepaint();
      }),
  );

async function download(page: Page, name: string): Promise<number> {
  const t0 = performance.now();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return performance.now() - t0;
}

try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  await page.goto(`${base}/`);
  await storyDrawn(page);
  await page.getByRole('button', { name: 'Share and export' }).click();
  const times: Record<string, number[]> = { repaint: [], '1x': [], '2x': [] };
  for (let i = 0; i < RUNS; i++) {
    times.repaint.push(await repaint(page));
    times['1x'].push(await download(page, 'PNG'));
    times['2x'].push(await download(page, 'PNG, 2× (print)'));
  }
  const r = median(times.repaint);
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(`map repaint, triggerRepaint to idle: median ${r.toFixed(0)} ms of ${RUNS}`);
  for (const k of ['1x', '2x']) {
    const m = median(times[k]);
    console.log(
      `Download PNG ${k} at ${values.width}×${values.height}, click to download: median ${m.toFixed(0)} ms of ${RUNS} ` +
        `(${(m / r).toFixed(1)}× the repaint; goal ≤ ${GOAL_MS} ms: ${m <= GOAL_MS ? 'met' : 'NOT met'})`,
    );
  }
} finally {
  await close();
}

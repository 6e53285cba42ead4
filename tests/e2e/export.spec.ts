/**
 * "Share and export" in the app, for a view set by a link: the link and the embed snippet name that view,
 * and the GeoJSON and CSV downloaded hold exactly its records (the export's own functions, given the
 * link's filter, agree) and, place by place, what the Excerpts panel lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from '@playwright/test';
import { decodeStory } from '../../src/layers/format';
import { filterOf, readHash } from '../../src/state/hash';
import { draftSources } from '../../src/story/visibility';
import { exportGeoJson } from '../../src/story/export';
import type { Story } from '../../src/story/types';
import { ogrinfo } from '../support/gdal';
import { expect, mapIdle, test } from './fixtures';
import { seedLayers } from '../support/seed';

const LAYERS = seedLayers();
const story: Story = {
  ...decodeStory(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8'))),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')),
};
const HASH = '#5/50/33&hide=energy,diplomacy&place=kyiv&t=2022-01-24/2022-01-26';

async function read(d: Download): Promise<string> {
  return readFileSync(await d.path(), 'utf8');
}
async function download(page: Page, name: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return d;
}

test('a view set by a link: its link, its embed snippet, and its data as GeoJSON and CSV', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`/${HASH}`);
  await mapIdle(page, { source: 'story-places' });
  await page.getByRole('button', { name: 'Share and export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and export this view' });
  await expect(dialog.getByLabel('Link to this view')).toHaveValue(new RegExp(`^${baseURL}/#.*hide=diplomacy,energy`));
  await expect(dialog.getByLabel(/Embed code/)).toHaveValue(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#.*t=2022-01-24\/2022-01-26"/,
  );

  const want = exportGeoJson(story, filterOf(readHash(HASH).view, draftSources(story.sources)));
  const geo = await download(page, 'GeoJSON');
  expect(geo.suggestedFilename()).toBe('situation-map-view.geojson');
  const geoText = await read(geo);
  expect(getIssues(geoText)).toEqual([]);
  // GDAL opens the file downloaded, every record in it.
  const info = ogrinfo(await geo.path());
  if (info !== null) expect(info).toMatch(new RegExp(`Feature Count: ${want.features.length}\\b`));
  expect(JSON.parse(geoText)).toEqual(JSON.parse(JSON.stringify(want)));
  const categories = new Set(want.features.map((f) => f.properties.category));
  expect(categories.has('energy') || categories.has('diplomacy')).toBe(false);

  // The CSV's writer is a script of its own, fetched for the first CSV, not with the page.
  const loaded = scripts.length;
  const csv = await download(page, 'CSV (spreadsheets)');
  expect(scripts.slice(loaded), 'the CSV writer is fetched when asked for').toHaveLength(1);
  const csvText = await read(csv);
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const rows: Record<string, string>[] = parse(csvText, { columns: true, bom: true });
  expect(rows.map((r) => [r.event_id, r.place_id])).toEqual(
    want.features.map((f) => [f.properties.event_id, f.properties.place_id ?? '']),
  );

  // Kyiv's rows are what the Excerpts panel lists as happening or said there, as many and in its order;
  // what it lists as about Kyiv, elsewhere, has its rows at its own places; what it lists as undated (the
  // window leaves it out) has none.
  await dialog.getByRole('button', { name: 'Close' }).click();
  const panel = page.getByRole('region', { name: /Excerpts/ });
  const kyiv = rows.filter((r) => r.place_id === 'kyiv');
  expect(kyiv.length).toBeGreaterThan(0);
  for (const r of kyiv) await expect(panel.getByText(r.title, { exact: true }).first()).toBeVisible();
  const groups = await panel
    .locator('.place')
    .first()
    .evaluate((place) =>
      [...place.querySelectorAll('ol')].map((ol) => {
        const before = ol.previousElementSibling;
        return {
          heading: before?.matches('h4') ? (before.textContent ?? '') : '',
          ids: [...ol.querySelectorAll('[data-event-entry]')].map((li) => li.getAttribute('data-event-entry')),
        };
      }),
    );
  expect(groups.find((g) => g.heading === '')?.ids).toEqual(kyiv.map((r) => r.event_id));
  const exported = new Set(rows.map((r) => r.event_id));
  const undated = groups.filter((g) => g.heading.startsWith('Date not given')).flatMap((g) => g.ids);
  expect(undated.length, "the window leaves some of Kyiv's events undated").toBeGreaterThan(0);
  for (const id of undated) expect(exported.has(id!), `${id} is outside the window`).toBe(false);
  for (const id of groups.filter((g) => g.heading.startsWith('About')).flatMap((g) => g.ids))
    expect(exported.has(id!)).toBe(true);
});

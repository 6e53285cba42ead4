/**
 * What the across-sources rule (src/story/across.ts) costs the Excerpts panel on a large story: 50 sources
 * and 5,000 events over four weeks, seeded, grouped as the panel groups them when a place is chosen. Two
 * cases: a place of 50 events (a city in a busy story), and all 5,000 at once (a whole country chosen).
 * The rule only, in Node: the panel's rendering and the browser's frame are not in these figures.
 * Then a toggle of the claimant filter on the same story, as the app works it out (issue 28): every
 * place's view for the map (placeViews), the sides', sources' and categories' counts, and a place's
 * panel opened under the filter (eventsAt, then the groups). Last, the figures over time (src/story/figures.ts
 * and the chart's layout, src/ui/figureChart.ts) for a place, and for every figure of the story at one place.
 *
 *   npx tsx tests/bench/across.ts
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CATEGORIES } from '../../src/catalogue/vocabulary';
import { SIDES } from '../../src/catalogue/schema';
import { groupReports, reportOf, type Report } from '../../src/story/across';
import { figureSeries, type FigureEvent } from '../../src/story/figures';
import { figureChart } from '../../src/ui/figureChart';
import { countByCategory, countBySource, eventsAt, placeViews } from '../../src/story/model';
import type { Story, StoryEvent } from '../../src/story/types';
import { countBySide, type ViewFilter } from '../../src/story/visibility';
import { addDays } from '../../src/story/time';
import { mulberry32 } from '../support/prng';

const SOURCES = 50;
const EVENTS = 5000;
const PLACES = 100;
const random = mulberry32(20220126);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
const sources = Array.from({ length: SOURCES }, (_, i) => ({
  id: `s${i}`,
  published: addDays('2022-01-10', Math.floor((i * 28) / SOURCES)),
  carries: i % 10 === 0 ? 'agency story' : undefined,
}));
const reports: Report[] = Array.from({ length: EVENTS }, (_, i) => {
  const source = pick(sources);
  const dated = random() < 0.85;
  const start = addDays(source.published, -Math.floor(random() * 3));
  return {
    event_id: `e${i}`,
    source_id: source.id,
    category: pick(CATEGORIES),
    places: [`p${Math.floor(random() * PLACES)}`],
    about: [],
    stance: random() < 0.05 ? 'denied' : 'asserted',
    date_start: dated ? start : null,
    date_end: dated ? addDays(start, random() < 0.7 ? 0 : 6) : null,
    figure:
      random() < 0.3
        ? { value: 1000 * Math.ceil(random() * 150), unit: 'troops', qualifier: pick([null, 'about', 'over']) }
        : null,
  };
});

function time(label: string, input: Report[], rounds: number): void {
  const ms: number[] = [];
  let groups = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    groups = groupReports(input, sources).length;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  console.log(`${label}: ${input.length} events, ${groups} groups; median ${q(0.5)} ms, p95 ${q(0.95)} ms (${rounds} runs)`);
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} on ${cpus().length} cores`,
);
const onePlace = reports.filter((r) => r.places[0] === 'p7');
time('one place', onePlace, 200);
time('whole story', reports, 20);

// The same reports as a story the app holds, each event with a claimant side.
const events: FigureEvent[] = reports.map((r) => ({
  event_id: r.event_id,
  title: r.event_id,
  category: r.category,
  site: 'happened',
  date_expr: 'on Monday',
  date: r.date_start,
  date_precision: 'day',
  date_start: r.date_start,
  date_end: r.date_end,
  quantity: r.figure ? `${r.figure.value} troops` : null,
  quantity_previous: null,
  quantities: r.figure ? [{ text: `${r.figure.value} troops`, previous: null }] : [],
  claim_by: 'an official',
  claim_kind: 'official',
  stance: r.stance as StoryEvent['stance'],
  side: pick(SIDES),
  source_id: r.source_id,
  change: null,
  excerpts: [{ start: 0, end: 1, text: 'x', block: 'paragraph' }],
  places: r.places,
  about: [],
  quantity_value: r.figure?.value ?? null,
  quantity_unit: r.figure?.unit ?? null,
  quantity_qualifier: r.figure?.qualifier ?? null,
}));
const story: Story = {
  sources: sources.map((s) => ({
    ...s,
    title: s.id,
    publisher: s.id,
    url: '',
    dateline: null,
    blocks: [],
    text_content: '',
  })) as unknown as Story['sources'],
  events,
  places: {
    type: 'FeatureCollection',
    features: Array.from({ length: PLACES }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [30, 50] },
      properties: { place_id: `p${i}`, name: `p${i}` } as Story['places']['features'][number]['properties'],
    })),
  },
  measures: [],
};
function timeToggle(label: string, view: ViewFilter, rounds: number): void {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    placeViews(story, view);
    countBySide(story.events, view);
    countBySource(story, view);
    countByCategory(story.events, view);
    const here = eventsAt(story, ['p7'], view);
    groupReports([...new Set(here.flatMap((x) => [...x.here, ...x.about]))].map(reportOf), story.sources);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  console.log(`${label}: median ${q(0.5)} ms, p95 ${q(0.95)} ms (${rounds} runs)`);
}
timeToggle(
  'claimant filter toggled (map views, counts, a place of ~50 events opened)',
  { hidden: new Set(), sides: new Set(['russia', 'us']) },
  50,
);
timeToggle('every side shown again', { hidden: new Set() }, 50);
console.log('A frame at 60 Hz is 16.7 ms.');

function timeFigures(label: string, list: StoryEvent[], place: string, rounds: number): void {
  const ms: number[] = [];
  let points = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const series = figureSeries(list, story.sources, place);
    for (const s of series) figureChart(s);
    points = series.reduce((n, s) => n + s.points.length, 0);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  console.log(`${label}: ${points} figures; median ${q(0.5)} ms, p95 ${q(0.95)} ms (${rounds} runs)`);
}
const atP7 = eventsAt(story, ['p7'], { hidden: new Set() }).flatMap((x) => [...x.here, ...x.undated]);
timeFigures('figures over time at a place of ~50 events (series and chart layout)', atP7, 'p7', 200);
timeFigures(
  'every figure of the story at one place',
  events.map((e) => ({ ...e, places: ['p0'] })),
  'p0',
  20,
);

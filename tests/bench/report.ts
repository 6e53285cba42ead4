/** The benchmark's result as Markdown tables (printed by run.ts; the README's Performance section uses them). */
import type { BenchResult, Bytes, Kind } from './harness';
import { KINDS } from './harness';
import type { Summary } from './stats';

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
  /**
   * Why the goal is no longer one (issue 25: MapLibre alone is above it on this machine). Still measured,
   * to watch; the table says "retired" instead of yes or no.
   */
  retired?: string;
}

/** MapLibre alone was above these on this software-GL machine (issue 25). */
const RETIRED_ON_SOFTWARE_GL = 'MapLibre alone is above it with software WebGL (issue 25)';

const kB = (n: number) => `${(n / 1000).toFixed(1)}`;
const MB = (n: number) => `${(n / 1e6).toFixed(1)}`;
const ms = (s: Summary | null | undefined) => (s && s.n ? `${Math.round(s.median)}` : '—');
const range = (s: Summary | null | undefined) => (s && s.n ? `${Math.round(s.min)}–${Math.round(s.max)}` : '—');

function table(head: string[], rows: (string | number)[][]): string {
  const lines = [head, head.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

const KIND_LABELS: Record<Kind, string> = {
  js: 'JavaScript',
  css: 'CSS',
  fonts: 'Fonts',
  basemap: 'Basemap data',
  story: 'Story data',
  other: 'Other (HTML, icon)',
};

export function goals(r: BenchResult): Goal[] {
  const seedData = r.bytes.app.byKind.basemap.gzip + r.bytes.app.byKind.story.gzip;
  const biggest = r.scale.find((s) => s.events === Math.max(...r.scale.map((x) => x.events)));
  /** The slower of hiding and showing: the goal is for a toggle, either way. */
  const slower = (a: Summary | null, b: Summary | null) => (a && b ? (a.median >= b.median ? a : b) : null);
  const seedToggle = slower(r.interactions.toggleHide, r.interactions.toggleShow)!;
  const check = (value: number | undefined | null, limit: number) =>
    value === undefined || value === null || Number.isNaN(value) ? null : value <= limit;
  const fontsAndData = seedData + r.bytes.app.byKind.fonts.gzip;
  const frames = (toggle: Summary | null, frame: Summary | null) => (toggle && frame ? toggle.median / frame.median : null);
  const seedToggleFrames = frames(seedToggle, r.interactions.repaint);
  /** The floor under any toggle that changes labels (page.ts relayoutLabels), in the same frames. */
  const labelFloorFrames = frames(r.interactions.labelRelayout ?? null, r.interactions.repaint);
  const list: Goal[] = [
    {
      goal: 'App first idle ÷ MapLibre with an empty style (medians)',
      target: '≤ 2×',
      measured:
        `${r.load.ratioEmpty.app.toFixed(2)}× (${ms(r.load.app)} ÷ ${ms(r.load.empty)} ms; ` +
        `the basemap alone ${r.load.ratioEmpty.baseline.toFixed(2)}×)`,
      met: check(r.load.ratioEmpty.app, 2),
      retired: RETIRED_ON_SOFTWARE_GL,
    },
    {
      goal: 'App first idle ÷ baseline first idle (medians)',
      target: '≤ 1.3×',
      // The verdict is on the baseline in the map's own window, as the goal was set; beside it the same map in
      // the app's window (baseline.html?area=…), so that the window's size is seen apart from the app.
      // And the same map drawing its first view whole, as the app does (baseline.html?whole): what the story and
      // the page cost, apart from what that saves.
      measured:
        `${r.load.ratio.toFixed(2)}× (the basemap in the app's window: ${r.load.ratioWindow.toFixed(2)}×` +
        (r.load.ratioWhole ? `; drawing its first view whole, as the app does: ${r.load.ratioWhole.toFixed(2)}×)` : ')'),
      met: check(r.load.ratio, 1.3),
    },
    {
      goal: 'Fonts + data (basemap + story) at the first view, gzip',
      target: '≤ 250 kB',
      measured:
        `${kB(fontsAndData)} kB (fonts ${kB(r.bytes.app.byKind.fonts.gzip)} in ${r.bytes.app.byKind.fonts.files} files, ` +
        `basemap ${kB(r.bytes.app.byKind.basemap.gzip)}, story ${kB(r.bytes.app.byKind.story.gzip)})`,
      met: check(fontsAndData, 250_000),
    },
    {
      goal: 'Toggle → idle, in map frames of the floor (seed story)',
      target: '≤ 1.5 frames',
      measured:
        seedToggleFrames === null
          ? 'not measured'
          : `${seedToggleFrames.toFixed(2)} (${ms(seedToggle)} ms, one frame ${ms(r.interactions.repaint)} ms; ` +
            `MapLibre laying out and placing the same labels, nothing else changed: ${labelFloorFrames?.toFixed(2) ?? '?'})`,
      met: check(seedToggleFrames, 1.5),
      retired: RETIRED_ON_SOFTWARE_GL,
    },
    {
      goal: "App's own JS + CSS beyond MapLibre, gzip",
      target: '≤ 60 kB',
      measured: `${kB(r.bytes.appOwnJsCss.gzip)} kB (main chunk ${kB(r.bytes.appChunk?.gzip ?? NaN)} kB)`,
      met: check(r.bytes.appOwnJsCss.gzip, 60_000),
    },
    {
      goal: 'First-view data (basemap + story), gzip',
      target: '≤ 300 kB',
      measured: `${kB(seedData)} kB`,
      met: check(seedData, 300_000),
    },
    {
      goal: 'Toggle a category → map idle (seed story)',
      target: '≤ 100 ms',
      measured: `${ms(seedToggle)} ms (hide ${ms(r.interactions.toggleHide)}, show ${ms(r.interactions.toggleShow)})`,
      met: check(seedToggle.median, 100),
    },
    {
      goal: 'Click a place → Excerpts shown (seed story)',
      target: '≤ 100 ms',
      measured: `${ms(r.interactions.select)} ms`,
      met: check(r.interactions.select.median, 100),
    },
  ];
  // A step of the timeline redraws the map in at most one frame more than the frame itself: its time to
  // idle, in frames of the floor measured on the same page (the one-frame repaint), at most 2.
  const stepGoal = (label: string, step: Summary | null, frame: Summary | null) => {
    const frames = step && frame ? step.median / frame.median : null;
    list.push({
      goal: `Timeline step → map idle, in frames of the floor (${label})`,
      target: '≤ 2 frames',
      measured: frames === null ? 'not measured' : `${frames.toFixed(2)} (${ms(step)} ms, one frame ${ms(frame)} ms)`,
      met: check(frames, 2),
    });
  };
  stepGoal('seed story', r.interactions.stepIdle, r.interactions.repaint);
  for (const s of r.scale) if (s.events <= 10_000) stepGoal(`${s.events.toLocaleString('en-US')} events`, s.stepIdle, s.repaint);
  // Scale against the seed story's first idle, measured in the same run.
  for (const [events, limit] of [
    [100_000, 1.3],
    [1_000_000, 2],
  ] as const) {
    const s = r.scale.find((x) => x.events === events);
    if (!s) continue;
    const label = events.toLocaleString('en-US');
    const ratio = s.load ? s.load.median / r.load.app.median : null;
    list.push({
      goal: `First idle at ${label} events ÷ the seed story's`,
      target: `≤ ${limit}×`,
      measured: ratio === null ? 'failed' : `${ratio.toFixed(2)}× (${ms(s.load)} ÷ ${ms(r.load.app)} ms)`,
      met: ratio === null ? false : ratio <= limit,
    });
    const toggleFrames = frames(slower(s.toggleHide, s.toggleShow), s.repaint);
    if (events === 100_000)
      list.push({
        goal: `Toggle → idle at ${label} events, in map frames of the floor`,
        target: '≤ 1.5 frames',
        measured:
          toggleFrames === null
            ? 'not measured'
            : `${toggleFrames.toFixed(2)} (${ms(slower(s.toggleHide, s.toggleShow))} ms, one frame ${ms(s.repaint)} ms)`,
        met: check(toggleFrames, 1.5),
      });
  }
  if (biggest) {
    const label = biggest.events.toLocaleString('en-US');
    const toggle = slower(biggest.toggleHide, biggest.toggleShow);
    list.push(
      {
        goal: `First idle at ${label} events`,
        target: '≤ 5 s',
        measured: biggest.load ? `${(biggest.load.median / 1000).toFixed(2)} s` : 'failed',
        met: biggest.load ? biggest.load.median <= 5000 : false,
      },
      {
        goal: `Toggle → idle at ${label} events`,
        target: '≤ 300 ms',
        measured: toggle ? `${ms(toggle)} ms (hide ${ms(biggest.toggleHide)}, show ${ms(biggest.toggleShow)})` : 'failed',
        met: toggle ? toggle.median <= 300 : false,
      },
    );
  }
  return list;
}

function bytesRows(b: Record<Kind, Bytes>, total: Bytes): string[][] {
  return [
    ...KINDS.filter((k) => b[k].files).map((k) => [
      KIND_LABELS[k],
      String(b[k].files),
      kB(b[k].raw),
      kB(b[k].gzip),
      kB(b[k].served),
    ]),
    ['**Total**', String(total.files), kB(total.raw), kB(total.gzip), kB(total.served)],
  ];
}

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    `Measured ${r.date.slice(0, 10)} (commit ${r.commit}) on ${m.os}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, ` +
      `Node ${m.node}, Chromium ${m.chromium} (WebGL on SwiftShader, no GPU); load average ` +
      `${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end.`,
  );
  out.push(
    '',
    `**Load** — navigation start to the first \`idle\` with every drawn source filled, ms ` +
      `(${r.load.app.n} runs each, alternated, fresh context each; app ${r.viewport.app.width}×${r.viewport.app.height}, ` +
      `baseline in a ${r.viewport.baseline.width}×${r.viewport.baseline.height} window = the app's map area, ` +
      `and the same map where the app's is in a window of the app's size` +
      `${r.load.sameView ? ', same camera' : ', CAMERAS DIFFER'}):`,
    '',
    table(
      ['Page', 'Median', 'Min–max', 'Map style loaded', 'First pixels', 'Data received', 'Long tasks (sum)', 'WebGL programs'],
      (['app', 'baseline', 'whole', 'window', 'empty'] as const).flatMap((k) => {
        const d = {
          app: r.load.appDetail,
          baseline: r.load.baselineDetail,
          whole: r.load.wholeDetail,
          window: r.load.windowDetail,
          empty: r.load.emptyDetail,
        }[k];
        const idle = r.load[k];
        // Results written before the baseline drew its first view whole have no such row.
        if (!d || !idle) return [];
        return [
          [
            {
              app: 'App (seed story)',
              baseline: 'Baseline (basemap only)',
              whole: 'Baseline, first view drawn whole (as the app)',
              window: "Baseline in the app's window",
              empty: 'MapLibre, empty style',
            }[k],
            ms(idle),
            range(idle),
            ms(d.mapLoad),
            ms(d.firstDrawn),
            ms(d.dataEnd),
            ms(d.longTaskTotal),
            String(r.load.programs[k] ?? '—'),
          ],
        ];
      }),
    ),
    '',
    `Ratios of medians: app ÷ empty style **${r.load.ratioEmpty.app.toFixed(2)}×**, baseline ÷ empty style ` +
      `${r.load.ratioEmpty.baseline.toFixed(2)}×, app ÷ baseline ${r.load.ratio.toFixed(2)}×, app ÷ baseline in the ` +
      `app's window ${r.load.ratioWindow.toFixed(2)}×` +
      (r.load.ratioWhole ? `, app ÷ baseline drawing its first view whole ${r.load.ratioWhole.toFixed(2)}×.` : '.') +
      ' First pixels: the first WebGL draw call.',
  );
  out.push(
    '',
    '**Bytes of the first view** (kB; served = brotli, as the production server sends it):',
    '',
    table(['App', 'Files', 'Raw', 'Gzip', 'Served'], bytesRows(r.bytes.app.byKind, r.bytes.app.total)),
    '',
    table(['Baseline', 'Files', 'Raw', 'Gzip', 'Served'], bytesRows(r.bytes.baseline.byKind, r.bytes.baseline.total)),
    '',
    `App's own JS + CSS beyond MapLibre: ${kB(r.bytes.appOwnJsCss.raw)} kB raw, **${kB(r.bytes.appOwnJsCss.gzip)} kB gzip** ` +
      `(${r.bytes.appOwnJsCss.paths.map((p) => p.replace('/assets/', '')).join(', ')}); main chunk ` +
      `${kB(r.bytes.appChunk?.gzip ?? NaN)} kB gzip.`,
  );
  const i = r.interactions;
  out.push(
    '',
    `**Interactions on the seed story** (ms, measured in the page, ${i.select.n} samples each):`,
    '',
    table(
      ['Action', 'Median', 'Min–max'],
      [
        ['One map frame, nothing changed, drawn to the end: the floor (app)', ms(i.repaint), range(i.repaint)],
        ["… the same in the baseline page (its window is the app's map area)", ms(i.baselineRepaint), range(i.baselineRepaint)],
        ['Hide a category → map idle', ms(i.toggleHide), range(i.toggleHide)],
        ['Show it again → map idle', ms(i.toggleShow), range(i.toggleShow)],
        ['… either: first frame issued with every tile loaded', ms(i.toggleDrawn), range(i.toggleDrawn)],
        ['… either: map frames drawn in between (count, not ms)', ms(i.toggleFrames), range(i.toggleFrames)],
        [
          "MapLibre's floor under it: the same labels laid out again and placed, nothing else changed → idle",
          ms(i.labelRelayout),
          range(i.labelRelayout),
        ],
        ['… map frames drawn in between (count, not ms)', ms(i.labelRelayoutFrames), range(i.labelRelayoutFrames)],
        ['Click a place → Excerpts panel shows its text (painted)', ms(i.select), range(i.select)],
        ['… text in the DOM', ms(i.selectDom), range(i.selectDom)],
        ['Hash change (#zoom/lat/lng) → map idle', ms(i.hash), range(i.hash)],
        ['Timeline step (window a day later) → view handed to the map', ms(i.stepApplied), range(i.stepApplied)],
        ['… → map idle, its last frame drawn to the end', ms(i.stepIdle), range(i.stepIdle)],
        ['… map frames drawn in between (count, not ms)', ms(i.stepFrames), range(i.stepFrames)],
      ],
    ),
  );
  out.push(
    '',
    '**Scale** — synthetic catalogues through the real build, served at /data/layers/ in place of the seed story (ms unless stated):',
    '',
    table(
      [
        'Events',
        'Places',
        'story.json raw / gzip MB',
        'places.geojson raw / gzip MB',
        'Build s',
        'First idle',
        'Min–max',
        'One frame',
        'Hide → idle',
        'Show → idle',
        'Toggle → drawn',
        'Toggle frames',
        'Step → idle',
        'Step frames',
        'Select',
        'Heap MB',
        'Errors',
      ],
      r.scale.map((s) => [
        s.events.toLocaleString('en-US'),
        s.places.toLocaleString('en-US'),
        s.files['story.json'] ? `${MB(s.files['story.json'].raw)} / ${MB(s.files['story.json'].gzip)}` : '—',
        s.files['places.geojson'] ? `${MB(s.files['places.geojson'].raw)} / ${MB(s.files['places.geojson'].gzip)}` : '—',
        (s.buildMs / 1000).toFixed(1),
        ms(s.load),
        range(s.load),
        ms(s.repaint),
        ms(s.toggleHide),
        ms(s.toggleShow),
        ms(s.toggleDrawn),
        ms(s.toggleFrames),
        ms(s.stepIdle),
        ms(s.stepFrames),
        ms(s.select),
        s.heapMB ?? '—',
        s.errors.length ? s.errors.join('; ').slice(0, 120) : 'none',
      ]),
    ),
  );
  out.push(
    '',
    '**Goals:**',
    '',
    table(
      ['Goal', 'Target', 'Measured', 'Met'],
      goals(r).map((g) => [
        g.goal,
        g.target,
        g.measured,
        g.retired ? `retired: ${g.retired}` : g.met === null ? '—' : g.met ? 'yes' : '**no**',
      ]),
    ),
  );
  return out.join('\n');
}

/**
 * Checks a draft file: its events and places through the catalogue's own validator (src/catalogue/
 * validate.ts, unchanged) once the `draft` fields are set aside, and the draft's own fields: every anchor
 * slices to its text, every confidence is in 0..1, every mention names a gazetteer entry or is unresolved.
 * `pending` events are validated the same way, except that their `places` may be empty: that is what makes
 * them pending.
 */
import type { BasemapIndex } from '../catalogue/validate';
import { validateCatalogue } from '../catalogue/validate';
import type { ValidationError } from '../catalogue/schema';
import type { Source } from '../sources/record';
import type { Gazetteer } from './gazetteer';
import type { Anchored, DraftFile, DraftInfo } from './types';

const strip = <T extends { draft: unknown }>({ draft: _draft, ...rest }: T) => rest;

export function checkDraft(
  file: string,
  draft: DraftFile,
  source: { file: string; record: Source; text: string },
  basemap: BasemapIndex,
  gazetteer: Gazetteer,
): ValidationError[] {
  const errors: ValidationError[] = [];
  const fail = (id: string, field: string, message: string) => errors.push({ file, id, field, message });
  const run = (events: DraftFile['events'], allowNoPlace: boolean) =>
    validateCatalogue(
      {
        sources: [{ file: source.file, record: source.record, text: source.text }],
        places: { file, json: { places: draft.places.map(strip) } },
        events: [{ file, json: { events: events.map(strip) } }],
      },
      basemap,
    ).filter((e) => !(allowNoPlace && e.field === 'places' && e.message === 'must not be empty'));
  errors.push(...run(draft.events, false));
  // Places and the source were checked above; only the pending events' own errors are new.
  const pendingIds = new Set(draft.pending.map((e) => e.id));
  errors.push(...run(draft.pending, true).filter((e) => pendingIds.has(e.id)));

  const anchored = (kind: string, list: (Anchored & { draft: DraftInfo })[]) =>
    list.forEach((x, i) => {
      const id = `${kind}[${i}]`;
      if (source.text.slice(x.start, x.end) !== x.text)
        fail(
          id,
          'text',
          `does not match the source at ${x.start}–${x.end}, which reads ${JSON.stringify(source.text.slice(x.start, x.end))}`,
        );
      info(id, x.draft);
    });
  const info = (id: string, d: DraftInfo | undefined) => {
    if (!d) return fail(id, 'draft', 'a draft proposal must carry {confidence, alternatives, notes}');
    if (!(typeof d.confidence === 'number' && d.confidence >= 0 && d.confidence <= 1))
      fail(id, 'draft.confidence', `a number from 0 to 1 expected, ${JSON.stringify(d.confidence)} found`);
    if (!Array.isArray(d.alternatives)) fail(id, 'draft.alternatives', 'array expected');
    if (!Array.isArray(d.notes)) fail(id, 'draft.notes', 'array expected');
  };
  anchored('mentions', draft.mentions);
  anchored('dates', draft.dates);
  anchored('quantities', draft.quantities);
  draft.mentions.forEach((m, i) => {
    if (m.entry !== null && !gazetteer.byId.has(m.entry))
      fail(`mentions[${i}]`, 'entry', `unknown gazetteer entry ${JSON.stringify(m.entry)}`);
  });
  draft.quantities.forEach((q, i) => {
    if (q.previous && source.text.slice(q.previous.start, q.previous.end) !== q.previous.text)
      fail(`quantities[${i}]`, 'previous.text', 'does not match the source at its offsets');
    if (q.value === null && !q.range)
      fail(`quantities[${i}]`, 'range', 'a count with no number must give the range its words allow');
  });
  for (const p of draft.places) info(p.id, p.draft);
  for (const e of [...draft.events, ...draft.pending]) info(e.id, e.draft);
  return errors;
}

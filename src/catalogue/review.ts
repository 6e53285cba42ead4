/**
 * Checks that flag a title or claim for an editor to look at, where the article's words carry a hedge, a
 * condition or a stance the catalogue may have lost (shared/docs/truth.md: "would place" is not "puts";
 * "signaled" is not "said"). They are not errors, since wording is a judgement; the build prints them, and
 * the seed catalogue is kept free of them by a unit test.
 *
 * Only an event's first excerpt is read: by convention it is the sentence that makes the event's claim,
 * and the others are context that may hedge something else ("prompting fears Europe could…").
 */
import type { CatalogueEvent, ValidationError } from './schema';
import type { CatalogueInput } from './validate';

/** A hedge in the excerpt, and the words any of which in the title keeps it. */
const HEDGES: { word: RegExp; name: string; kept: RegExp }[] = [
  { name: 'would', word: /\bwould\b/i, kept: /\bwould\b/i },
  { name: 'could', word: /\bcould\b/i, kept: /\bcould\b/i },
  { name: 'may', word: /\bmay\b/i, kept: /\bmay\b/i },
  { name: 'if', word: /\bif\b/i, kept: /\bif\b/i },
  // "should Moscow decide to…" is a condition: "if" in the title keeps it as well.
  { name: 'should', word: /\bshould\b/i, kept: /\b(should|if)\b/i },
  // Inverted conditionals, "were Russia to invade", "had the talks failed": "were"/"had", then a subject
  // (a capitalised name or a pronoun), then "to" or a past participle. Case matters for the name.
  {
    name: 'an inverted conditional',
    word: /\b(?:[Ww]ere\s+(?:[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*|it|he|she|they|we)\s+to|[Hh]ad\s+(?:[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*|it|he|she|they|we|the\s+\w+)\s+\w+ed)\b/,
    kept: /\b(if|should|were|had)\b/i,
  },
  { name: 'necessarily', word: /\bnecessarily\b/i, kept: /\bnecessarily\b/i },
  { name: 'plans', word: /\bplans? to\b/i, kept: /\bplan(s|ned)?\b/i },
  { name: 'due to', word: /\b(was|were|is|are) due to\b/i, kept: /\bdue to\b/i },
  { name: 'the decision to', word: /\bdecision\b.{0,60}?\bto\b/i, kept: /\bdecision\b/i },
];

/** Verbs whose stance has its own name: the claim must use it. */
const STANCE_VERBS: { name: string; verb: RegExp; stance: CatalogueEvent['claim']['stance'] }[] = [
  { name: 'signaled', verb: /\bsignal(l)?ed\b/i, stance: 'signaled' },
  { name: 'denied', verb: /\bdenied\b/i, stance: 'denied' },
  { name: 'warned', verb: /\bwarned\b/i, stance: 'warned' },
];

export function reviewEvents(file: string, events: CatalogueEvent[]): ValidationError[] {
  const notes: ValidationError[] = [];
  for (const e of events) {
    const first = e.excerpts[0]?.text ?? '';
    for (const h of HEDGES)
      if (h.word.test(first) && !h.kept.test(e.title))
        notes.push({
          file,
          id: e.id,
          field: 'title',
          message: `the excerpt says "${h.name}" and the title does not: keep the article's hedge, or quote`,
        });
    for (const s of STANCE_VERBS)
      if (s.verb.test(first) && e.claim.stance !== s.stance)
        notes.push({
          file,
          id: e.id,
          field: 'claim.stance',
          message: `the excerpt's verb is "${s.name}"; stance "${e.claim.stance}" found, "${s.stance}" expected`,
        });
  }
  return notes;
}

/** Review notes for every events file of a catalogue that has passed validation. */
export function reviewInput(input: CatalogueInput): ValidationError[] {
  return input.events.flatMap((f) => reviewEvents(f.file, (f.json as { events: CatalogueEvent[] }).events));
}

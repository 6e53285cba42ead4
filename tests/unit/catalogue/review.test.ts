/**
 * The review notes: a title that drops the article's hedge, a stance that drops its verb. Each rule is
 * shown to fire on the wording the seed catalogue once had, and to stay quiet on the wording it has now.
 */
import { describe, expect, it } from 'vitest';
import { reviewEvents } from '../../../src/catalogue/review';
import type { CatalogueEvent } from '../../../src/catalogue/schema';

const event = (title: string, excerpt: string, stance: CatalogueEvent['claim']['stance'] = 'reported'): CatalogueEvent => ({
  id: 'e',
  source: 's',
  places: ['p'],
  site: 'happened',
  category: 'statement',
  title,
  date: { expr: 'undated' },
  claim: { by: 'x', kind: 'article', stance },
  excerpts: [{ start: 0, end: excerpt.length, text: excerpt }],
});
const notes = (e: CatalogueEvent) => reviewEvents('f.json', [e]).map((n) => `${n.field}: ${n.message}`);

describe('reviewEvents', () => {
  it.each([
    [
      'would',
      'NATO puts forces on standby, reinforces eastern Europe with ships and fighter jets',
      'NATO announced it would place forces on standby and reinforce eastern Europe with more ships and fighter jets.',
    ],
    [
      'if',
      'Biden would consider personal sanctions on Putin',
      'Biden said Tuesday he would consider personal sanctions on Putin if Russia invades',
    ],
    [
      'necessarily',
      'Zelenskyy: the decision to withdraw families doesn\'t signal "inevitable escalation"',
      'The decision by several countries to withdraw families “doesn’t necessarily signal an inevitable escalation,” Zelenskyy said.',
    ],
    [
      'due to',
      'Advisers from Russia, Ukraine, Germany and France meet in Paris',
      'political advisers from Russia, Ukraine, Germany and France were due to meet in Paris Wednesday',
    ],
    [
      'the decision to',
      'Families of diplomatic staff withdrawn from Kyiv',
      'The decision by several countries including the U.S. to withdraw families of diplomatic staff from Kyiv',
    ],
    [
      'should',
      'The EU is heavily dependent on Russian gas, prompting fears Europe could face an even greater energy crisis',
      'The European Union is heavily dependent on Russia for its gas supplies, prompting fears Europe could be left facing an even greater energy crisis should Moscow decide to cut off supplies as leverage.',
    ],
    ['an inverted conditional', 'Sanctions on Putin', 'Sanctions on Putin would follow, were Russia to invade.'],
    ['an inverted conditional', 'Allies talk again', 'Had the talks failed, the allies would talk again.'],
    ['plans', 'Blinken speaks with Lavrov', 'he plans to speak with Russian Foreign Minister Sergey Lavrov in the coming days.'],
  ])('flags a title that drops "%s"', (hedge, title, excerpt) => {
    expect(notes(event(title, excerpt))).toContain(
      `title: the excerpt says "${hedge}" and the title does not: keep the article's hedge, or quote`,
    );
  });

  it('is quiet when the title keeps the hedge', () => {
    expect(
      notes(
        event(
          'NATO announced it would place forces on standby and reinforce eastern Europe',
          'NATO announced it would place forces on standby and reinforce eastern Europe with more ships and fighter jets.',
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    ['"should" kept as "if"', 'Fears of a crisis if Moscow cuts off gas', 'fears of a crisis should Moscow cut off gas'],
    ['no inverted conditional', 'Biden: "no intention" of moving forces', 'Biden said he had “no intention” of moving forces'],
    ['"were" as a plain verb', 'Troops were sent east', 'Troops were sent to eastern Europe.'],
  ])('is quiet on %s', (_, title, excerpt) => {
    expect(notes(event(title, excerpt))).toEqual([]);
  });

  it('flags "signaled" recorded as "said"', () => {
    const e = event(
      'Britain would also not rule out sanctions',
      'after Britain signaled it would also not rule them out.',
      'asserted',
    );
    expect(notes(e)).toContain('claim.stance: the excerpt\'s verb is "signaled"; stance "asserted" found, "signaled" expected');
    expect(notes({ ...e, claim: { ...e.claim, stance: 'signaled' } })).toEqual([]);
  });

  it('reads only the first excerpt: later ones are context that may hedge something else', () => {
    const e = event(
      'The EU is heavily dependent on Russian gas',
      'The European Union is heavily dependent on Russia for its gas supplies.',
    );
    e.excerpts.push({ start: 0, end: 10, text: 'Europe could be left facing an energy crisis' });
    expect(notes(e)).toEqual([]);
  });
});

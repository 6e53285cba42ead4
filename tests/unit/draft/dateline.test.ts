/**
 * A pasted text's publication day from its own dateline or stamp (src/draft/dates.ts datelineDay): read
 * only from a line that is a date with its year and nothing else of substance, never from a sentence.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datelineDay } from '../../../src/draft/dates';
import { ROOT } from '../../support/helpers';

const FIXTURES = path.join(ROOT, 'tests/fixtures/draft');

describe('the publication day a text gives itself', () => {
  it('reads stamps and datelines as newsrooms and ministries write them', () => {
    const cases: [string, string | undefined][] = [
      ['Headline\n\n10.02.2022 (12:30)\n\nText.', '2022-02-10'],
      ['Headline\n\nThursday, February 10, 2022\n\nText.', '2022-02-10'],
      ['Headline\nFeb. 10, 2022 at 2:05 p.m. EST\nText.', '2022-02-10'],
      ['Headline\n\nPosted 09:15 GMT, 8 February 2022\n\nText.', '2022-02-08'],
      ['Headline\n\nUpdated 14:32 GMT, 17 February 2022\n', '2022-02-17'],
      ['Headline\n\nKyiv, 20 January 2022\n\nText.', '2022-01-20'],
      ['Published: 2022-02-10\nHeadline', '2022-02-10'],
      // Not a publication day: no year, a sentence, a slashed date, no such day, too far down.
      ['KIEV, Feb. 3 (Example Wire) — Russia has moved jets.', undefined],
      ['Headline\n\nThe exercise will continue until February 20, 2022.\n', undefined],
      ['Headline\n\n02/10/2022\n', undefined],
      ['Headline\n\n30.02.2022\n', undefined],
      [['A', 'B', 'C', 'D', 'E', 'F', 'G', '10 February 2022'].join('\n'), undefined],
    ];
    for (const [text, day] of cases) expect(datelineDay(text), JSON.stringify(text)).toBe(day);
  });

  it('agrees with the gold publication day of every fixture article that gives one', () => {
    let read = 0;
    let texts = 0;
    for (const name of readdirSync(FIXTURES).sort()) {
      const file = path.join(FIXTURES, name, 'article.txt');
      if (!existsSync(file)) continue;
      texts++;
      const gold = JSON.parse(readFileSync(path.join(FIXTURES, name, 'gold.json'), 'utf8')) as { published: string };
      const day = datelineDay(readFileSync(file, 'utf8'));
      if (day === undefined) continue;
      read++;
      expect(day, name).toBe(gold.published);
    }
    // Four of the fixtures' texts carry a stamp of their own with the year (a ministry's, two live pages', a
    // statement's dateline); the others give none, or no year ("MOSCOW, January 21.").
    expect({ read, texts }).toEqual({ read: 4, texts: 14 });
  });
});

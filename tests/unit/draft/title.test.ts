import { describe, expect, it } from 'vitest';
import { numbersIn } from '../../../src/catalogue/numbers';
import { TITLE_MAX, titleOf } from '../../../src/draft/title';

describe('an event title: the reported clause, short, hedges kept', () => {
  it.each([
    [
      'MOSCOW, Feb 8 (Example Wire) - Russia has moved two battalions of tanks into the Volgograd and Rostov regions, closer to its border with Ukraine, two Western officials said on Tuesday.',
      'Russia has moved two battalions of tanks into the Volgograd and Rostov regions',
    ],
    [
      'Britain separately said it would supply 2,000 short-range anti-tank missiles, while the United States approved 200 million dollars in additional security assistance last month.',
      'Britain would supply 2,000 short-range anti-tank missiles',
    ],
    [
      'Britain\'s defence secretary said Russia could attack Ukraine "at any moment" and that tens of thousands of troops remain near its eastern borders.',
      'Russia could attack Ukraine "at any moment"',
    ],
    ['Moscow has said it has no plans to attack its neighbour.', 'Moscow has no plans to attack its neighbour'],
    [
      'Germany would halt the Nord Stream 2 gas pipeline if Russia invaded Ukraine, Chancellor Olaf Scholz said on Tuesday, in his clearest signal yet that the project could be sanctioned.',
      'Germany would halt the Nord Stream 2 gas pipeline if Russia invaded Ukraine',
    ],
    ['Shelling reported along the contact line in Donbas', 'Shelling reported along the contact line in Donbas'],
  ])('%s', (sentence, title) => {
    expect(titleOf(sentence)).toBe(title);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('a sentence with no clause boundary is cut at a word and marked for the editor', () => {
    const t = titleOf(`The ${'very '.repeat(30)}long sentence.`);
    expect(t.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(t.endsWith('…')).toBe(true);
  });
});

describe('numbers as a reader reads them', () => {
  it.each([
    ['200 million dollars', 200_000_000],
    ['a 1.2 billion euro package', 1_200_000_000],
    ['nearly 200.000 litres', 200_000],
    ['some 100 000 rounds', 100_000],
    ['100,000 troops', 100_000],
    ['two battalions', 2],
    ['A dozen transport flights', 12],
  ])('%s gives %d', (text, value) => expect(numbersIn(text)).toContain(value));

  it('a decimal stays a decimal; a time is not a thousand', () => {
    expect(numbersIn('1.5 percent')).toEqual([1.5]);
    expect(numbersIn('22 09')).toEqual([22, 9]);
  });
});

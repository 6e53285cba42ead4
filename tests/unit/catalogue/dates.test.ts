import { describe, expect, it } from 'vitest';
import { isoWeek, parseIsoDay, phraseIn, resolveDate } from '../../../src/catalogue/dates';

const PUB = '2022-01-26'; // a Wednesday

describe('resolveDate against Wednesday 26 January 2022', () => {
  it.each([
    ['Wednesday', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['Wednesday afternoon', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['Tuesday', '2022-01-25', 'day', '2022-01-25', '2022-01-25'],
    ['Tuesday evening', '2022-01-25', 'day', '2022-01-25', '2022-01-25'],
    ['Monday', '2022-01-24', 'day', '2022-01-24', '2022-01-24'],
    ['Thursday', '2022-01-20', 'day', '2022-01-20', '2022-01-20'],
    ['today', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['now', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['as of publication', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['this week', '2022-W04', 'week', '2022-01-24', '2022-01-30'],
    ['at this time last week', '2022-W03', 'week', '2022-01-17', '2022-01-23'],
    ['next month', '2022-02', 'month', '2022-02-01', '2022-02-28'],
    ['last month', '2021-12', 'month', '2021-12-01', '2021-12-31'],
    ['next week', '2022-W05', 'week', '2022-01-31', '2022-02-06'],
    ['in the coming days', '2022-01-27/2022-02-09', 'window', '2022-01-27', '2022-02-09'],
    ['over the next few weeks', '2022-01-27/2022-03-09', 'window', '2022-01-27', '2022-03-09'],
    ['just days after', '2022-01-12/2022-01-25', 'window', '2022-01-12', '2022-01-25'],
    ['undated', '', 'unknown', '', ''],
    // Named outright: a day, a month, a part of a month (the nearest year when none is given).
    ['Jan. 26', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['Feb 2', '2022-02-02', 'day', '2022-02-02', '2022-02-02'],
    ['Wednesday, Jan. 26, 2022', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['26 January 2022', '2022-01-26', 'day', '2022-01-26', '2022-01-26'],
    ['Dec. 30', '2021-12-30', 'day', '2021-12-30', '2021-12-30'],
    ['February', '2022-02', 'month', '2022-02-01', '2022-02-28'],
    ['early February', '2022-02-01/2022-02-10', 'window', '2022-02-01', '2022-02-10'],
    ['mid-February', '2022-02-11/2022-02-20', 'window', '2022-02-11', '2022-02-20'],
    ['late February 2022', '2022-02-21/2022-02-28', 'window', '2022-02-21', '2022-02-28'],
    // A year given is kept as written, even one that looks misprinted: the draft flags it, the resolver does not guess.
    ['Jan. 26, 2021', '2021-01-26', 'day', '2021-01-26', '2021-01-26'],
  ])('%s → %s (%s)', (expr, value, precision, start, end) => {
    expect(resolveDate(expr, PUB)).toEqual({ value, precision, start, end });
  });

  it('crosses year boundaries: "last month" in January is December of the year before', () => {
    expect(resolveDate('last month', '2022-01-03').value).toBe('2021-12');
    expect(resolveDate('next month', '2021-12-15').value).toBe('2022-01');
  });

  it('refuses a day that does not exist', () => {
    expect(() => resolveDate('Feb. 30', PUB)).toThrow(/no such day/);
  });

  it('rejects phrases it cannot resolve, listing the ones it can', () => {
    expect(() => resolveDate('in a fortnight or so', PUB)).toThrow(/unknown date phrase "in a fortnight or so"; known: today/);
  });
});

describe('parseIsoDay', () => {
  it.each(['2022-02-30', '2021-02-29', '2022-13-01'])('rejects the impossible day %s', (bad) => {
    expect(() => parseIsoDay(bad)).toThrow(`no such day: ${bad}`);
  });
  it.each(['26/01/2022', '2022-1-26', ''])('rejects the malformed %j', (bad) => {
    expect(() => parseIsoDay(bad)).toThrow('ISO date YYYY-MM-DD expected');
  });
});

describe('isoWeek', () => {
  it.each([
    ['2021-01-03', '2020-W53'],
    ['2022-01-02', '2021-W52'],
    ['2022-01-03', '2022-W01'],
    ['2026-12-31', '2026-W53'],
  ])('%s is in %s', (d, w) => expect(isoWeek(parseIsoDay(d)).label).toBe(w));
});

describe('phraseIn', () => {
  it('finds a date phrase as whole words, whatever the case', () => {
    expect(phraseIn('landed in Kyiv on Tuesday.', 'tuesday')).toBe(true);
    expect(phraseIn('Right now, troops', 'now')).toBe(true);
    expect(phraseIn('drills planned for next month', 'next month')).toBe(true);
  });
  it('not inside another word', () => {
    expect(phraseIn('It is known that', 'now')).toBe(false);
    expect(phraseIn('the mayor said', 'may')).toBe(false);
    expect(phraseIn('Tuesdays', 'tuesday')).toBe(false);
  });
  it('takes a phrase with regular-expression characters literally', () => {
    expect(phraseIn('a (week)', '(week)')).toBe(true);
    expect(phraseIn('a week', '(week)')).toBe(false);
  });
});

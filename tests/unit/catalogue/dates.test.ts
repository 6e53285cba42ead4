import { describe, expect, it } from 'vitest';
import {
  DateError,
  durationDays,
  isoWeek,
  parseIsoDay,
  phraseIn,
  resolveDate,
  resolveEventDate,
} from '../../../src/catalogue/dates';

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
    // The part of the week or month after (before) the publication day.
    ['later this month', '2022-01-27/2022-01-31', 'window', '2022-01-27', '2022-01-31'],
    ['earlier this month', '2022-01-01/2022-01-25', 'window', '2022-01-01', '2022-01-25'],
    ['later this week', '2022-01-27/2022-01-30', 'window', '2022-01-27', '2022-01-30'],
    ['earlier this week', '2022-01-24/2022-01-25', 'window', '2022-01-24', '2022-01-25'],
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

describe('the weekend and parts of a month named by its place', () => {
  it.each([
    // Wednesday 26 January 2022: the weekend before it; "this weekend" on a weekday, the coming one.
    ['over the weekend', '2022-01-26', '2022-01-22/2022-01-23'],
    ['the weekend', '2022-01-26', '2022-01-22/2022-01-23'],
    ['last weekend', '2022-01-26', '2022-01-22/2022-01-23'],
    ['this weekend', '2022-01-26', '2022-01-29/2022-01-30'],
    // On a Monday, the two days before; on a Sunday or a Saturday, the weekend it is in.
    ['over the weekend', '2022-02-14', '2022-02-12/2022-02-13'],
    ['over the weekend', '2022-02-13', '2022-02-12/2022-02-13'],
    ['at the weekend', '2022-02-12', '2022-02-12/2022-02-13'],
    ['early next month', '2022-01-26', '2022-02-01/2022-02-10'],
    ['mid-next month', '2022-01-26', '2022-02-11/2022-02-20'],
    ['late last month', '2022-01-26', '2021-12-21/2021-12-31'],
    ['the end of this month', '2022-02-14', '2022-02-21/2022-02-28'],
  ])('%s, published %s: %s', (expr, published, value) => {
    const r = resolveDate(expr, published);
    expect(r.precision).toBe('window');
    expect(r.value).toBe(value);
    expect(`${r.start}/${r.end}`).toBe(value);
  });
});

describe("an event's date: what the article adds to its phrase", () => {
  it('a weekday to come is the first such day after publication', () => {
    expect(resolveEventDate({ expr: 'Wednesday', ahead: true }, '2022-02-07').value).toBe('2022-02-09');
    expect(resolveEventDate({ expr: 'Monday', ahead: true }, '2022-02-07').value).toBe('2022-02-14');
    expect(resolveEventDate({ expr: 'Wednesday' }, '2022-02-07').value).toBe('2022-02-02');
  });

  it('a duration from a day makes a window of that many days', () => {
    const r = resolveEventDate({ expr: 'Sunday', lasting: { days: 2, text: 'two-day' } }, '2022-02-14');
    expect(r).toEqual({ value: '2022-02-13/2022-02-14', precision: 'window', start: '2022-02-13', end: '2022-02-14' });
    expect(
      resolveEventDate({ expr: 'Wednesday', ahead: true, lasting: { days: 3, text: 'three-day' } }, '2022-02-07').value,
    ).toBe('2022-02-09/2022-02-11');
  });

  it('refuses what the words cannot carry, saying why', () => {
    expect(() => resolveEventDate({ expr: 'next week', ahead: true }, '2022-02-07')).toThrow(/"ahead" needs a weekday/);
    expect(() => resolveEventDate({ expr: 'next week', lasting: { days: 2, text: 'two-day' } }, '2022-02-07')).toThrow(
      /"lasting" needs a date that is one day/,
    );
    expect(() => resolveEventDate({ expr: 'Sunday', lasting: { days: 3, text: 'two-day' } }, '2022-02-07')).toThrow(
      /does not say 3 days/,
    );
    expect(() => resolveEventDate({ expr: 'Sunday', lasting: { days: 400, text: '400-day' } }, '2022-02-07')).toThrow(DateError);
  });

  it('reads the days of a duration in words or digits, "a week-long" as seven', () => {
    expect(durationDays('two-day')).toBe(2);
    expect(durationDays('ten days')).toBe(10);
    expect(durationDays('3-day')).toBe(3);
    expect(durationDays('a week-long')).toBe(7);
    expect(durationDays('two weeks')).toBe(14);
    expect(durationDays('twenty-day')).toBeNull();
    expect(durationDays('Sunday')).toBeNull();
  });
});

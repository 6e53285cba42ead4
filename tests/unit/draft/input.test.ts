import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/draft/html';
import { InputError, MAX_BYTES, readArticle } from '../../../src/draft/input';
import { detectChrome } from '../../../src/draft/source';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/draft');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'draft-input-'));

describe('a saved web page', () => {
  const page = readPage(readFileSync(path.join(FIX, 'html-broadcaster/article.html'), 'utf8'));

  it("takes the page's own metadata", () => {
    expect(page.meta).toEqual({
      title: 'US to send 3,000 troops to Poland and Romania',
      byline: 'Jonah Whitcombe',
      publisher: 'Example Broadcaster',
      published: '2022-02-02T15:40:00Z',
      url: 'https://broadcaster.example/news/us-troops-poland-romania-12345',
    });
  });

  it('keeps the article and its caption, and leaves credits, bylines, teasers and widgets out', () => {
    expect(page.text.split('\n\n')[0]).toBe('US to send 3,000 troops to Poland and Romania');
    expect(page.text).toContain('Soldiers board a transport aircraft at Fort Bragg on Wednesday.');
    expect(page.captions).toEqual(['Soldiers board a transport aircraft at Fort Bragg']);
    for (const gone of ['Alex Brandon', 'POOL', 'Jonah Whitcombe', 'Why Kyiv fears', 'Share on', 'Follow us', 'Home'])
      expect(page.text).not.toContain(gone);
    expect(page.removed).toContain('Photo: Alex Brandon/POOL');
  });

  it('reads JSON-LD and the canonical link when the page has no Open Graph tags', () => {
    const p = readPage(readFileSync(path.join(FIX, 'html-newsroom/article.html'), 'utf8'));
    expect(p.meta.published).toBe('2022-02-11T08:05:00+01:00');
    expect(p.meta.url).toBe('https://newsroom.example/2022/02/11/belarus-drills-luninets');
    for (const gone of ['cookies', 'min read', 'Sign up', 'Minsk markets', 'Handout']) expect(p.text).not.toContain(gone);
  });
});

describe('what the draft tool refuses, in one line', () => {
  const dir = tmp();
  const file = (name: string, data: string | Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, data);
    return f;
  };
  const refused = (f: string) => {
    try {
      readArticle(f);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as Error).message;
    }
    throw new Error(`${f} was read`);
  };

  it('a missing file, a directory, an empty, binary or oversized file', () => {
    mkdirSync(path.join(dir, 'sub'));
    expect(refused(path.join(dir, 'nope.txt'))).toBe(`${path.join(dir, 'nope.txt')}: no such file`);
    expect(refused(path.join(dir, 'sub'))).toMatch(/: a directory, not an article file$/);
    expect(refused(file('empty.txt', ''))).toMatch(/: empty file$/);
    expect(refused(file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])))).toMatch(/: a binary file/);
    expect(refused(file('big.txt', 'word '.repeat(MAX_BYTES / 5 + 1)))).toMatch(/more than the \d+-byte limit/);
  });

  it('an article in a language the drafting does not read', () => {
    const ru = file(
      'ru.txt',
      'Министерство обороны России сообщило, что подразделения Западного военного округа прибыли на полигон в Беларуси для участия в совместных учениях.\n',
    );
    expect(refused(ru)).toMatch(/reads as Russian \(rus\); the drafting reads English only, nothing drafted$/);
  });

  it('reads English text and a saved page', () => {
    expect(readArticle(path.join(FIX, 'wire-regions/article.txt')).kind).toBe('text');
    expect(readArticle(path.join(FIX, 'html-newsroom/article.html')).kind).toBe('html');
  });
});

describe('chrome lines of pasted text', () => {
  it('bylines, credits, reading times, timestamps, IDs and teasers; not sentences that look like them', () => {
    const chrome = [
      'By Mara Lindqvist and Tomas Ferreira',
      'Reporting by Mara Lindqvist; Editing by Paul Ostrow',
      '2 MIN READ',
      'Updated 14:32 GMT, 17 February 2022',
      'Press release No. 2291-44, 14 January 2022, 22 09',
      'Photo: Ivan Sergeyev / Belgorod Courier',
      'ID: 7f3a-2022-0124-881 | 3 MIN READ',
      'Read also: Kremlin comments on the remarks',
    ];
    const body = [
      'By the end of the week, the troops had moved to the border.',
      'Russia moved two battalions into the Rostov region, officials said.',
    ];
    expect(detectChrome([...chrome, ...body].join('\n'))).toEqual(chrome);
  });
});

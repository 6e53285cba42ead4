import { describe, expect, it } from 'vitest';
import { CaptureError, ingestCapture } from '../../../src/sources/capture';

const RAW =
  'Chrome line\n\nHeadline\n\nThe dek.\nMore chrome\n\nWASHINGTON\u00a0— First paragraph. \n\nA photo caption. Someone / AP\n\nLast paragraph.';

describe('ingestCapture', () => {
  const { text, blocks } = ingestCapture(RAW, { removed: ['Chrome line', 'More chrome'], captions: ['A photo caption.'] });

  it('removes the chrome lines and keeps every other character, non-breaking and trailing spaces included', () => {
    expect(text).toBe(
      'Headline\n\nThe dek.\n\nWASHINGTON\u00a0— First paragraph. \n\nA photo caption. Someone / AP\n\nLast paragraph.',
    );
  });

  it('divides the text into headline, dek, paragraphs and captions by offsets', () => {
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['headline', 'Headline'],
      ['dek', 'The dek.'],
      ['paragraph', 'WASHINGTON\u00a0— First paragraph. '],
      ['caption', 'A photo caption. Someone / AP'],
      ['paragraph', 'Last paragraph.'],
    ]);
  });

  it('names every chrome line and caption it cannot find', () => {
    expect(() => ingestCapture(RAW, { removed: ['Not there'], captions: ['Nor this'] })).toThrow(CaptureError);
    expect(() => ingestCapture(RAW, { removed: ['Not there'], captions: ['Nor this'] })).toThrow(
      'chrome line not found: "Not there"\ncaption not found: "Nor this"',
    );
  });
});

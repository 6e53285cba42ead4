/**
 * A pasted article → a source record (src/sources/record.ts): page chrome lines found and reported,
 * photo captions found by their credit line, then the text and blocks made by the same code as a hand-made
 * record (src/sources/capture.ts).
 */
import { datelineLength } from './title';
import { ingestCapture } from '../sources/capture';
import type { Source, SourceBlock } from '../sources/record';

/** Lines that are page furniture, not the article: browser notices, share and subscribe prompts. */
const CHROME =
  /^(?:.*\b(?:is not supported|optimal experience|another browser|enable javascript|cookies?|subscribe|sign up|newsletter|advertisement|share this|copy link|click here|follow us|read more|also read|read also|related:|watch live|listen to this article)\b.*|Get more news.*|Advertisement|ADVERTISEMENT|Share|Print|Email|.*\b\d+\s*min(?:ute)?s?\s+read\b.*|(?:Reporting|Writing|Additional reporting|Editing) by\b.*|By\s+\p{Lu}[^.!?]{0,80}|(?:Updated|Published|Posted|Last updated)\b[^.]{0,40}\d{1,2}[:.]\d{2}.*|Press release\b[^.]{0,20}(?:No\.|№|#).{0,60}|(?:Photo|Image|Picture|Credit)s?(?: by)?\s*:.{0,80}|ID:\s.*)$/iu;
/** A photo credit at the end of a paragraph: "Alexander Zemlianichenko / AP", "Reuters", "Getty Images". */
const CREDIT =
  /(?:\s\/\s|\.\s*)?(?:[\p{Lu}][\p{L}.'’-]+(?:\s[\p{Lu}][\p{L}.'’-]+){0,3}\s\/\s)?(?:AP|AFP|Reuters|Getty Images|EPA|TASS|Sputnik|Anadolu|Bloomberg|Shutterstock)(?:\s(?:via|file|photo|Images))?\s*$/u;

export interface SourceMeta {
  id: string;
  title?: string;
  publisher: string;
  published: string;
  url?: string;
  textName: string;
  capturedFrom: string;
  /** Captions known before the text was made (a web page's figcaptions): their first words. */
  captions?: string[];
  /** What was taken out before the text was made (a web page's credits and widgets), for the record. */
  removedBefore?: string[];
  /** A web page's standfirst as the page marks it, null when it marks none; absent for pasted text. */
  dek?: string | null;
}

export function detectChrome(raw: string): string[] {
  return [...new Set(raw.split('\n').filter((l) => l.trim() && CHROME.test(l.trim())))];
}

/** The first words of each paragraph that ends with a photo credit: how capture.ts names captions. */
function detectCaptions(text: string): string[] {
  return text
    .split('\n\n')
    .slice(1)
    .filter((p) => CREDIT.test(p.trim()) && p.length < 600)
    .map((p) => p.split(/\s+/).slice(0, 8).join(' '));
}

/** The dateline opening a block ("KYIV, Feb 14 (Example Wire) -", "MOSCOW, Jan. 21. /TASS/."), if any. */
const datelineOf = (block: string): string | undefined => {
  const n = datelineLength(block);
  return n ? block.slice(0, n) : undefined;
};

export function makeSource(raw: string, meta: SourceMeta): { record: Source; text: string } {
  const removed = detectChrome(raw);
  const kept = raw
    .split('\n')
    .filter((l) => !removed.includes(l))
    .join('\n');
  const captions = [
    ...new Set([...detectCaptions(kept.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '')), ...(meta.captions ?? [])]),
  ];
  const { text, blocks: ingested } = ingestCapture(raw, { removed, captions });
  // capture.ts takes the second paragraph for a dek; wire copy opening with a dateline has none.
  // A page's caption standing second is a caption, not a dek.
  let blocks: SourceBlock[] = ingested.map((b) =>
    b.kind === 'dek' && datelineOf(text.slice(b.start, b.end))
      ? { ...b, kind: 'paragraph' }
      : b.kind === 'dek' && (meta.captions ?? []).some((c) => text.startsWith(c, b.start))
        ? { ...b, kind: 'caption' }
        : // A page says which paragraph is its standfirst; any other is the lead.
          b.kind === 'dek' && meta.dek !== undefined && !(meta.dek && text.startsWith(meta.dek.slice(0, 40), b.start))
          ? { ...b, kind: 'paragraph' }
          : b,
  );
  // Copy with single line breaks between paragraphs: one block a line.
  if (!text.includes('\n\n') && text.includes('\n')) {
    blocks = [];
    let offset = 0;
    text.split('\n').forEach((line, i) => {
      if (line.trim())
        blocks.push({
          kind: i === 0 ? 'headline' : captions.some((c) => line.startsWith(c)) ? 'caption' : 'paragraph',
          start: offset,
          end: offset + line.length,
        });
      offset += line.length + 1;
    });
  }
  const headline = text.slice(blocks[0].start, blocks[0].end);
  const dateline =
    datelineOf(text.slice(blocks[1]?.start ?? 0, blocks[1]?.end ?? 0)) ?? datelineOf(text.slice(blocks[2]?.start ?? 0));
  const record: Source = {
    id: meta.id,
    title: meta.title ?? headline,
    publisher: meta.publisher,
    published: meta.published,
    ...(meta.url ? { url: meta.url } : {}),
    ...(dateline
      ? {
          dateline: dateline
            .replace(/\s*(?:\([^)]*\)|\/[^/]*\/\.?)?\s*[—–-]*\s*$/, '')
            .replace(/\.$/, '')
            .trim(),
        }
      : {}),
    text: meta.textName,
    captured_from: meta.capturedFrom,
    removed: [...removed, ...(meta.removedBefore ?? [])],
    captions,
    blocks,
  };
  return { record, text };
}

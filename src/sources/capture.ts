/**
 * From a captured web page to a source text: page chrome removed, everything else verbatim, and the text
 * divided into blocks (headline, dek, paragraphs, photo captions) by offsets.
 */
import type { BlockKind, SourceBlock } from './record';

interface CaptureProfile {
  /** Lines of page chrome, verbatim, to remove ("Get more newsLiveon"). */
  removed: string[];
  /** The first words of each paragraph that is a photo caption. */
  captions: string[];
}

export class CaptureError extends Error {}

/**
 * Removes the chrome lines and the blank lines they leave behind; keeps every other character as captured.
 * Throws, naming each one, if a chrome line or caption is not found: a changed capture must be looked at.
 */
export function ingestCapture(raw: string, profile: CaptureProfile): { text: string; blocks: SourceBlock[] } {
  const problems: string[] = [];
  const lines = raw.split('\n');
  for (const chrome of profile.removed) {
    if (!lines.includes(chrome)) problems.push(`chrome line not found: ${JSON.stringify(chrome)}`);
  }
  const kept = lines.filter((line) => !profile.removed.includes(line));
  const text = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');

  const blocks: SourceBlock[] = [];
  let offset = 0;
  const paragraphs = text.split('\n\n');
  const captionsFound = new Set<string>();
  paragraphs.forEach((paragraph, i) => {
    const caption = profile.captions.find((c) => paragraph.startsWith(c));
    if (caption) captionsFound.add(caption);
    const kind: BlockKind = i === 0 ? 'headline' : i === 1 ? 'dek' : caption ? 'caption' : 'paragraph';
    blocks.push({ kind, start: offset, end: offset + paragraph.length });
    offset += paragraph.length + 2;
  });
  for (const c of profile.captions) if (!captionsFound.has(c)) problems.push(`caption not found: ${JSON.stringify(c)}`);
  if (problems.length) throw new CaptureError(problems.join('\n'));
  return { text, blocks };
}

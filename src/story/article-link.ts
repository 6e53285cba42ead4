/**
 * The link to the original article: its source record's `url`, when the story carries one and it is an
 * http(s) address. Anything else (absent, not a string, not a URL, javascript:, data:) is no link: the
 * header then shows the title as text. The catalogue validator is where a bad URL is an error.
 */
import type { StorySource } from './types';

export function articleUrl(source: Pick<StorySource, 'url'>): string | null {
  const url: unknown = (source as StorySource & { url?: unknown }).url;
  if (typeof url !== 'string' || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}

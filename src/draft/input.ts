/**
 * What the draft tool reads: a text file or a saved web page, refused in one line when it cannot be read
 * (missing, a directory, empty, binary, too large) or is in a language the drafting does not read.
 */
import { readFileSync, statSync } from 'node:fs';
import { franc } from 'franc-min';
import { datelineDay } from './dates';
import { readPage, type PageMeta } from './html';

/** 2 MB: ten times the longest article seen; a web page's markup is most of it. */
export const MAX_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {}

interface ArticleInput {
  kind: 'text' | 'html';
  /** The article's text as the drafting reads it (a page's article, headline first). */
  text: string;
  meta: PageMeta;
  captions: string[];
  removed: string[];
}

const LANGUAGES: Record<string, string> = {
  rus: 'Russian',
  ukr: 'Ukrainian',
  bel: 'Belarusian',
  deu: 'German',
  fra: 'French',
  spa: 'Spanish',
  pol: 'Polish',
  ita: 'Italian',
  por: 'Portuguese',
  cmn: 'Chinese',
  arb: 'Arabic',
};

/** The language of a text as franc-min reads it (ISO 639-3), 'und' when too short to say. */
export function language(text: string): string {
  return franc(text.slice(0, 20000), { minLength: 60 });
}

function datelineMeta(text: string): PageMeta {
  const published = datelineDay(text);
  return published ? { published } : {};
}

export function readArticle(file: string): ArticleInput {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: a directory, not an article file`);
  if (!stat.isFile()) throw new InputError(`${file}: not a regular file`);
  if (stat.size === 0) throw new InputError(`${file}: empty file`);
  if (stat.size > MAX_BYTES)
    throw new InputError(`${file}: ${stat.size} bytes, more than the ${MAX_BYTES}-byte limit for one article`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new InputError(`${file}: a binary file (it holds NUL bytes), not text or HTML`);
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = (raw.match(/\uFFFD/g) ?? []).length;
  if (bad > 8 && bad / raw.length > 0.01) throw new InputError(`${file}: not UTF-8 text (${bad} undecodable bytes)`);
  const html = /\.x?html?$/i.test(file) || /^\s*(?:<!doctype html|<html[\s>])/i.test(raw.slice(0, 1000));
  const input: ArticleInput = html
    ? { kind: 'html', ...readPage(raw) }
    : // Pasted text has no metadata but may give its day on a line of its own near the top (a stamp).
      { kind: 'text', text: raw, meta: datelineMeta(raw), captions: [], removed: [] };
  if (!input.text.trim()) throw new InputError(`${file}: no article text found${html ? ' in the page' : ''}`);
  const lang = language(input.text);
  if (lang !== 'eng' && lang !== 'und')
    throw new InputError(
      `${file}: the article reads as ${LANGUAGES[lang] ?? lang} (${lang}); the drafting reads English only, nothing drafted`,
    );
  return input;
}

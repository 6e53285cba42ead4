/**
 * A saved web page → the article's text and what the page says about itself.
 *
 * The article is found by Mozilla's Readability (what Firefox Reader View uses) on linkedom's server-side
 * DOM; boxes that are page furniture inside the article (share buttons, "Read more" and "Related" boxes,
 * newsletter and cookie prompts) are taken out first. The page's own metadata gives the headline,
 * byline, publisher, publication time (`article:published_time`, JSON-LD `datePublished`) and URL
 * (`og:url`, canonical link). A `figcaption` is a caption; its photo credit is kept apart, for the source
 * record's removed lines, and never enters the text the drafting reads.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageMeta {
  title?: string;
  dek?: string;
  byline?: string;
  publisher?: string;
  /** ISO 8601 as the page gives it. */
  published?: string;
  url?: string;
}

export interface Page {
  meta: PageMeta;
  /** Headline, then one paragraph a block, separated by blank lines, as a pasted article is. */
  text: string;
  /** The first words of each caption paragraph (how src/sources/capture.ts names captions). */
  captions: string[];
  /** Text taken out of the article: credits, teasers, widgets, each once. */
  removed: string[];
}

/** Boxes inside an article that are not the article. Matched against class and id. */
const FURNITURE =
  /\b(?:share|sharing|social|related|read-?more|more-?from|newsletter|subscribe|signup|cookie|consent|promo|teaser|advert|ad-slot|recommend|outbrain|taboola|byline|meta|author|timestamp|tags?)\b/i;
/** A photo credit at the end of a caption: "Photo: Alex Brandon/POOL", "Reuters", "Name / Agency". */
const CAPTION_CREDIT =
  /\s*(?:(?:Photo|Image|Picture|Credit|Foto)s?\s*(?:by)?\s*:\s*[^.]+|\(?\b[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*)*\s?\/\s?[\p{Lu}][\p{L} .'’-]*\)?)\s*$/u;
/** Lines that are furniture wherever they stand. */
const CHROME_LINE =
  /^(?:(?:also )?read (?:more|also)\b.*|related\b.*|share (?:this|on)\b.*|sign up\b.*|subscribe\b.*|follow us\b.*|advertisement|\d+\s*min(?:ute)?s?\s+read|©.*)$/i;

/** A byline paragraph: "By Jonah Whitcombe, Washington correspondent". Its words are never places. */
const BYLINE = /^By\s+[\p{Lu}]/u;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function jsonLd(document: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A page's broken JSON-LD is the page's; the other metadata still stands.
    }
    const items = Array.isArray(data) ? data : [data];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const graph = (item as { '@graph'?: unknown })['@graph'];
      out.push(...(Array.isArray(graph) ? graph : [item]));
    }
  }
  return out.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
}

const nameOf = (x: unknown): string | undefined => {
  if (typeof x === 'string') return clean(x) || undefined;
  if (Array.isArray(x))
    return (
      x
        .map(nameOf)
        .filter((n): n is string => !!n)
        .join(', ') || undefined
    );
  if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string')
    return clean((x as { name: string }).name) || undefined;
  return undefined;
};

function pageMeta(document: Document): PageMeta {
  const meta = (sel: string) => clean(document.querySelector(sel)?.getAttribute('content')) || undefined;
  const ld = jsonLd(document).find((x) => /Article|Posting|Report/.test(String(x['@type']))) ?? {};
  const str = (k: string) => (typeof ld[k] === 'string' ? clean(ld[k] as string) || undefined : undefined);
  return Object.fromEntries(
    Object.entries({
      // The page's own headline before the <title>, which often ends " | Site name".
      title:
        str('headline') ??
        meta('meta[property="og:title"]') ??
        (clean(document.querySelector('h1')?.textContent) || undefined) ??
        (clean(document.querySelector('title')?.textContent).replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, '') || undefined),
      // A standfirst the page marks as one; without it the paragraph after the headline is the lead.
      dek:
        clean(
          document.querySelector(
            '[class~="dek"], [class~="standfirst"], [class~="subtitle"], [class~="subheadline"], [class~="article-summary"]',
          )?.textContent,
        ) || undefined,
      byline: nameOf(ld.author) ?? meta('meta[name="author"]'),
      publisher: nameOf(ld.publisher) ?? meta('meta[property="og:site_name"]'),
      published:
        meta('meta[property="article:published_time"]') ??
        str('datePublished') ??
        (clean(document.querySelector('time[datetime]')?.getAttribute('datetime')) || undefined),
      url:
        meta('meta[property="og:url"]') ??
        (clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) || undefined),
    }).filter(([, v]) => v !== undefined),
  ) as PageMeta;
}

/** The article of a saved page, its captions and its metadata. Throws only on input that is not HTML at all. */
export function readPage(html: string): Page {
  const { document } = parseHTML(html);
  const meta = pageMeta(document as unknown as Document);
  const removed: string[] = [];
  const drop = (el: Element) => {
    const t = clean(el.textContent);
    if (t && !removed.includes(t)) removed.push(t);
    el.remove();
  };
  for (const el of [...document.querySelectorAll('script, style, noscript, nav, footer, aside, form, button, iframe')])
    if (el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE' && el.tagName !== 'NOSCRIPT') drop(el as unknown as Element);
    else el.remove();
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    if (['html', 'body', 'article', 'main', 'figure', 'figcaption', 'h1'].includes(tag)) continue;
    if (FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) drop(el as unknown as Element);
  }
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  const { document: body } = parseHTML(`<!doctype html><html><body>${article?.content ?? ''}</body></html>`);

  const headline = clean(meta.title ?? article?.title);
  const blocks: string[] = headline ? [headline] : [];
  const captions: string[] = [];
  for (const el of body.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, figcaption')) {
    // A block inside another block is read with its parent.
    if (el.parentElement?.closest('p, li, blockquote, figcaption')) continue;
    let t = clean(el.textContent);
    if (!t || CHROME_LINE.test(t) || (BYLINE.test(t) && t.length < 120)) {
      if (t && !removed.includes(t)) removed.push(t);
      continue;
    }
    if (el.tagName === 'FIGCAPTION') {
      const credit = CAPTION_CREDIT.exec(t);
      if (credit && credit.index > 0) {
        removed.push(clean(credit[0]));
        t = t.slice(0, credit.index).trim();
      }
      if (!t) continue;
      captions.push(t.split(/\s+/).slice(0, 8).join(' '));
    }
    if (t === headline && blocks.length === 1) continue; // the h1 repeats the metadata's headline
    blocks.push(t);
  }
  return { meta, text: blocks.join('\n\n') + '\n', captions, removed };
}

/**
 * A source: the article as captured, its text in a file beside this record, cut into blocks (headline,
 * dek, paragraphs, photo captions) by offsets. The pipeline's first stage; the catalogue anchors every
 * event to a source's text (src/catalogue/schema.ts).
 */

export const BLOCK_KINDS = ['headline', 'dek', 'paragraph', 'caption'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface SourceBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO date, the day the article was published; relative dates resolve against it. */
  published: string;
  /** Where the original is published (https): the app links it, opening in a new tab on a click. */
  url?: string;
  dateline?: string;
  /** File name of the text, beside this record. */
  text: string;
  /** Where the text was captured from, and the page chrome removed from it (verbatim lines). */
  captured_from: string;
  removed: string[];
  /** First words of each paragraph that is a photo caption (captions carry facts: the Yaroslavl drills). */
  captions: string[];
  blocks: SourceBlock[];
  /** Written for the tests, reporting nothing that happened: an invented outlet's invented article. */
  fictional?: true;
  /**
   * The agency story this article carries, named the same in every outlet that carries it ("AFP: …"):
   * copies of one story count once among the sources that agree (src/story/across.ts).
   */
  carries?: string;
}

/**
 * Turns a captured article into a source text under geodata/sources/.
 *
 *   npm run geodata:source -- --capture ../shared/seed/nbc-2022-01-26-us-response-to-russia.txt \
 *                             --source geodata/sources/nbc-2022-01-26.json
 *
 * The source record (hand-written: title, publisher, date, chrome lines, caption starts) gets its `blocks`
 * filled in, and the cleaned text is written beside it under the record's `text` name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stableJson } from '../io/files';
import type { Source } from './record';
import { CaptureError, ingestCapture } from './capture';

const { values } = parseArgs({ options: { capture: { type: 'string' }, source: { type: 'string' } } });
if (!values.capture || !values.source) {
  console.error('usage: npm run geodata:source -- --capture <captured page text> --source <source record .json>');
  process.exit(2);
}
const record = JSON.parse(readFileSync(values.source, 'utf8')) as Source;
let ingested: ReturnType<typeof ingestCapture>;
try {
  ingested = ingestCapture(readFileSync(values.capture, 'utf8'), record);
} catch (err) {
  // A capture that does not fit its record is a finding to report, not a crash.
  if (!(err instanceof CaptureError)) throw err;
  console.error(`${values.capture}: ${err.message}`);
  process.exit(1);
}
const { text, blocks } = ingested;
const textFile = path.join(path.dirname(values.source), record.text);
writeFileSync(textFile, text);
writeFileSync(values.source, stableJson({ ...record, blocks }));
console.log(
  `${textFile}: ${text.length} characters, ${blocks.length} blocks (${blocks.filter((b) => b.kind === 'caption').length} captions)`,
);

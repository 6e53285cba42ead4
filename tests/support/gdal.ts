/**
 * GDAL's look at a vector file, for the unit and end-to-end tests alike: `ogrinfo -ro -so -al`, its
 * summary of every layer (feature count, fields). Where GDAL is not installed this says so loudly and
 * gives null, and the caller checks nothing more: a skipped check is never a passed one.
 */
import { execFileSync } from 'node:child_process';

export function ogrinfo(file: string): string | null {
  try {
    return execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.warn(`\n!!! SKIPPED: ogrinfo (GDAL) is not installed; ${file} was NOT opened in GDAL. apt-get install gdal-bin\n`);
    return null;
  }
}

/**
 * One save at a time in a project's catalogue, across editor processes: a lock file created exclusively
 * (O_EXCL) in the catalogue folder, holding the owner's process id, removed when the save ends. A save
 * waits for another's to end, then reads the catalogue as that one left it, so neither loses the other's
 * records. A lock whose process no longer runs (a killed editor) is taken over; one held longer than the
 * wait is a 409 that says which file and what to do.
 */
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_NAME = '.editor-save.lock';

export class LockBusy extends Error {}

/** Whether process `pid` runs on this machine (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Saves of this process, one after another (the file lock is per process: a second take would wait on itself). */
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` holding the lock of `folder`. Waits up to `waitMs` for another holder (a save, validating the whole catalogue, takes seconds, and 15 s on a busy 2-core machine); then throws LockBusy
 * with the lock file and its holder named.
 */
export function withSaveLock<T>(folder: string, fn: () => Promise<T>, { waitMs = 120_000 } = {}): Promise<T> {
  const run = chain.then(async () => {
    const file = path.join(folder, LOCK_NAME);
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let holder = NaN;
      try {
        holder = Number(readFileSync(file, 'utf8'));
      } catch {
        continue; // released between the two calls: take it now
      }
      // An empty file is a holder between its create and its write: wait for it like any other.
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new LockBusy(
          `another save holds ${file} (process ${holder || 'unknown'}) and has for over ${waitMs / 1000} s: nothing ` +
            'was written. Save again in a moment; if no editor is saving, delete that file.',
        );
      await sleep(20);
    }
    try {
      return await fn();
    } finally {
      rmSync(file, { force: true });
    }
  });
  chain = run.catch(() => undefined);
  return run;
}

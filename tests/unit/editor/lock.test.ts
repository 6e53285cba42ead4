/**
 * The save lock (src/editor/lock.ts): saves one after another within a process and across processes, a
 * dead holder's lock taken over, and a live holder's lock past the wait refused with the file named.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_NAME, LockBusy, withSaveLock } from '../../../src/editor/lock';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'lock-')));

describe('the save lock', () => {
  it('runs the saves of one process one after another, and removes its file after each', async () => {
    fresh();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name} start`);
      expect(existsSync(path.join(dir, LOCK_NAME))).toBe(true);
      await sleep(30);
      log.push(`${name} end`);
    };
    await Promise.all([withSaveLock(dir, job('a')), withSaveLock(dir, job('b'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false);
  });

  it('is released when the save fails, and the failure is the caller’s', async () => {
    fresh();
    await expect(withSaveLock(dir, () => Promise.reject(new Error('invalid')))).rejects.toThrow('invalid');
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false);
    expect(await withSaveLock(dir, () => Promise.resolve(1))).toBe(1);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    fresh();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(path.join(dir, LOCK_NAME), String(child.pid));
    expect(await withSaveLock(dir, () => Promise.resolve('saved'), { waitMs: 200 })).toBe('saved');
  });

  it('refuses after the wait while a live process holds it, naming the file, the holder and what to do', async () => {
    fresh();
    writeFileSync(path.join(dir, LOCK_NAME), String(process.ppid));
    const err = await withSaveLock(dir, () => Promise.resolve('saved'), { waitMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockBusy);
    expect((err as Error).message).toContain(`${path.join(dir, LOCK_NAME)} (process ${process.ppid})`);
    expect((err as Error).message).toMatch(
      /nothing was written. Save again in a moment; if no editor is saving, delete that file/,
    );
  });
});

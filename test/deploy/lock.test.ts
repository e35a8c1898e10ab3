/**
 * The deploy lock: exclusive while held, released by its holder only, stale locks of dead
 * processes broken (PF609), live or foreign locks reported with their holder (PF601).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireLock, LOCK_PATH, processAlive, readLockInfo } from '../../src/deploy/lock.js';
import { cleanup, deadPid, tempDir } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

function writeLock(info: object | string): void {
  mkdirSync(path.join(dir, '.panfab'), { recursive: true });
  writeFileSync(path.join(dir, LOCK_PATH), typeof info === 'string' ? info : JSON.stringify(info));
}

describe('deploy lock', () => {
  it('creates .panfab/lock with pid, host and start time, and removes it on release', async () => {
    const r = await acquireLock(dir);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const info = JSON.parse(readFileSync(path.join(dir, LOCK_PATH), 'utf8'));
    expect(info).toEqual({ pid: process.pid, hostname: os.hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(readdirSync(path.join(dir, '.panfab'))).toEqual(['lock']);
    await r.lock.release();
    expect(existsSync(path.join(dir, LOCK_PATH))).toBe(false);
  });

  it('refuses a second holder while the lock is held by a running process (PF601)', async () => {
    const holder = { pid: process.ppid, hostname: os.hostname(), startedAt: '2030-01-01T00:00:00.000Z' };
    expect(processAlive(holder.pid)).toBe(true);
    writeLock(holder);
    const r = await acquireLock(dir);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PF601']);
    expect(r.diagnostics[0]!.message).toContain(`pid ${holder.pid} on ${os.hostname()} since 2030-01-01T00:00:00.000Z`);
    expect(r.diagnostics[0]!.span?.file).toBe(path.join(dir, LOCK_PATH));
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_PATH), 'utf8'))).toEqual(holder);
  });

  it('breaks the lock of a process that is no longer running (PF609) and takes it', async () => {
    const pid = deadPid();
    expect(processAlive(pid)).toBe(false);
    writeLock({ pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
    const r = await acquireLock(dir);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['PF609', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain(`pid ${pid}`);
    expect(await readLockInfo(path.join(dir, LOCK_PATH))).toMatchObject({ pid: process.pid });
    expect(readdirSync(path.join(dir, '.panfab'))).toEqual(['lock']);
  });

  it('does not break a lock taken on another host, even if the pid is free here', async () => {
    writeLock({ pid: deadPid(), hostname: `not-${os.hostname()}`, startedAt: '2020-01-01T00:00:00.000Z' });
    const r = await acquireLock(dir);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toMatch(/on not-/);
  });

  it('reports an unreadable lock file as held by an unknown process', async () => {
    writeLock('not json');
    const r = await acquireLock(dir);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toMatch(/an unknown process \(the lock file is unreadable\); if no deploy is running, remove/);
  });

  it('lets exactly one of several concurrent attempts win', async () => {
    const results = await Promise.all([acquireLock(dir), acquireLock(dir), acquireLock(dir)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.diagnostics[0]!.code)).toEqual(['PF601', 'PF601']);
  });

  it('leaves a lock it does not hold in place on release', async () => {
    const r = await acquireLock(dir);
    if (!r.ok) throw new Error('lock expected');
    const other = { pid: process.ppid, hostname: os.hostname(), startedAt: 'x' };
    writeLock(other);
    await r.lock.release();
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_PATH), 'utf8'))).toEqual(other);
  });
});

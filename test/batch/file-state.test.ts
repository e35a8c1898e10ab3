/**
 * File states of the build cache: absent, directory, or hashed file; size and mtime trusted
 * only outside the racy window; states adopted from a compile's reads, a file read in two
 * versions recorded so that it never matches.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStates } from '../../src/batch/file-state.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'panfab-file-state-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Writes a file dated a minute ago (outside the racy window of a record written now). */
function writeOld(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
  return file;
}

describe('FileStates', () => {
  it('records absent paths, directories and hashed files', () => {
    mkdirSync(path.join(dir, 'sub'));
    const file = writeOld('a.pan', 'one');
    const states = new FileStates();
    expect(states.state(path.join(dir, 'missing.pan'))).toEqual([path.join(dir, 'missing.pan'), 0, 0, null]);
    expect(states.state(path.join(dir, 'sub'))[3]).toBe('dir');
    expect(states.state(file)).toEqual([file, 3, statSync(file).mtimeMs, sha1('one')]);
  });

  it('trusts size and mtime outside the racy window, and hashes again inside it', () => {
    const file = writeOld('a.pan', 'one');
    const recorded: [string, number, number, string] = [file, 3, statSync(file).mtimeMs, 'hash-of-an-older-version'];
    expect(new FileStates(Date.now()).unchanged(recorded)).toBe(true);
    expect(new FileStates(statSync(file).mtimeMs + 500).unchanged(recorded)).toBe(false);
  });

  it('adopts the states a compile read, unless the path was examined before', () => {
    const file = writeOld('a.pan', 'one');
    const examined = writeOld('b.pan', 'two');
    const states = new FileStates();
    states.state(examined);
    states.adopt([
      { path: file, size: 3, mtimeMs: 1234, sha1: 'as-read' },
      { path: examined, size: 3, mtimeMs: 1234, sha1: 'as-read' },
    ]);
    expect(states.state(file)).toEqual([file, 3, 1234, 'as-read']);
    expect(states.state(examined)[3]).toBe(sha1('two'));
  });

  it('records a file read in two versions so that it never matches', () => {
    const file = writeOld('a.pan', 'one');
    const states = new FileStates();
    states.adopt([
      { path: file, size: 3, mtimeMs: 1000, sha1: sha1('one') },
      { path: file, size: 3, mtimeMs: 2000, sha1: sha1('new') },
    ]);
    const record = states.state(file);
    expect(record[3]).not.toBe(sha1('one'));
    expect(new FileStates(Date.now()).unchanged(record)).toBe(false);
  });

  it('tells two versions apart when the threads\' reads are adopted one after the other', () => {
    const file = writeOld('a.pan', 'one');
    const states = new FileStates();
    states.adopt([{ path: file, size: 3, mtimeMs: 1000, sha1: sha1('one') }]);
    states.adopt([{ path: file, size: 3, mtimeMs: 1000, sha1: sha1('one') }]);
    expect(states.state(file)[3]).toBe(sha1('one'));
    states.adopt([{ path: file, size: 3, mtimeMs: 2000, sha1: sha1('new') }]);
    expect(new FileStates(Date.now()).unchanged(states.state(file))).toBe(false);
  });
});

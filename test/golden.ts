/**
 * Golden-file comparison for tests: compares output with a file under fixtures/, or writes
 * the file instead when the environment variable UPDATE_GOLDEN=1 is set.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's fixtures/ directory. */
export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** True when golden files are being regenerated. */
export function updatingGolden(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

/**
 * Expects `actual` to equal the golden file `fixtures/<relativePath>` byte for byte; with
 * UPDATE_GOLDEN=1 writes `actual` to that file instead.
 */
export function expectGolden(relativePath: string, actual: string | Buffer): void {
  const file = path.join(FIXTURES_DIR, relativePath);
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : actual;
  if (updatingGolden()) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file fixtures/${relativePath} does not exist; run the test with UPDATE_GOLDEN=1 to create it`);
  }
  const expected = readFileSync(file);
  if (typeof actual === 'string') expect(actual).toBe(expected.toString('utf8'));
  else expect(bytes.equals(expected)).toBe(true);
}

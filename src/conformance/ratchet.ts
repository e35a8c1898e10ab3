/**
 * The known-failures ratchet: a committed list of conformance tests that are allowed to fail
 * (`<test path>  # <reason>` per line). A run breaks the ratchet when a test outside the list
 * fails or a listed test passes; updating rewrites the list from a run, keeping the reasons
 * already written for tests that still fail.
 */

/** Test path → reason. */
export type KnownFailures = Map<string, string>;

const HEADER = [
  '# Conformance tests that are known to fail, one per line: <test path>  # <reason>',
  '# Checked by `panfab conformance --ratchet`; rewritten by `--update-known-failures`.',
];

/** Parses the known-failures file; blank lines and lines starting with `#` are ignored. */
export function parseKnownFailures(text: string): KnownFailures {
  const known: KnownFailures = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const hash = line.indexOf(' #');
    const test = (hash < 0 ? line : line.slice(0, hash)).trim();
    const reason = hash < 0 ? '' : line.slice(hash + 2).trim();
    known.set(test, reason);
  }
  return known;
}

/** Renders a known-failures list (sorted by test path). */
export function formatKnownFailures(known: KnownFailures): string {
  const lines = [...known.keys()].sort().map((test) => {
    const reason = known.get(test)!;
    return reason === '' ? test : `${test}  # ${reason.replace(/\s*\n\s*/g, ' | ')}`;
  });
  return [...HEADER, ...lines].join('\n') + '\n';
}

/** One test's outcome, as the ratchet needs it. */
export interface RatchetEntry {
  readonly test: string;
  readonly pass: boolean;
  readonly reason?: string;
}

export interface RatchetReport {
  /** Tests that failed but are not listed. */
  readonly newFailures: string[];
  /** Listed tests that passed. */
  readonly nowPassing: string[];
  /** Listed tests that no longer exist (only reported for a complete run). */
  readonly unknownListed: string[];
  readonly ok: boolean;
}

/**
 * Compares a run with the list. `complete` says the run covered the whole suite (no filter):
 * only then do listed tests that were not run count as stale.
 */
export function checkRatchet(results: readonly RatchetEntry[], known: KnownFailures, complete: boolean): RatchetReport {
  const ran = new Set(results.map((r) => r.test));
  const newFailures = results.filter((r) => !r.pass && !known.has(r.test)).map((r) => r.test);
  const nowPassing = results.filter((r) => r.pass && known.has(r.test)).map((r) => r.test);
  const unknownListed = complete ? [...known.keys()].filter((t) => !ran.has(t)).sort() : [];
  return { newFailures, nowPassing, unknownListed, ok: newFailures.length === 0 && nowPassing.length === 0 && unknownListed.length === 0 };
}

/**
 * The list after a run: current failures (with their existing reason if listed, else the
 * run's reason), plus listed tests the run did not cover when it was partial.
 */
export function updateKnownFailures(results: readonly RatchetEntry[], known: KnownFailures, complete: boolean): KnownFailures {
  const next: KnownFailures = new Map();
  const ran = new Set(results.map((r) => r.test));
  if (!complete) for (const [test, reason] of known) if (!ran.has(test)) next.set(test, reason);
  for (const r of results) {
    if (r.pass) continue;
    const existing = known.get(r.test);
    next.set(r.test, existing !== undefined && existing !== '' ? existing : r.reason ?? '');
  }
  return next;
}

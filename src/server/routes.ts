/**
 * The install server's routes. Besides every file of the deployed tree at its relative path:
 *
 *   /healthz                  status, manifest generator (`panfab <version>`) and file count (JSON)
 *   /  and  /report           the site report page (HTML), when the tree carries report data
 *                             (src/report/served.ts); otherwise `/` is the index below
 *   /index.json               every managed artifact: path, kind, owner, sha256, size, url (JSON)
 *   /ks/by-fqdn/<fqdn>        a host's kickstart
 *   /ks/by-mac/<mac>          the kickstart of the host booting from <mac> (any case/separator)
 *   /ipxe/<mac or fqdn>       a host's iPXE script (its managed iPXE artifact, else a file of
 *                             that exact name, else ipxe/<fqdn>.ipxe)
 *
 * Host lookups go through the manifest: owners of kickstart and iPXE artifacts, and the MAC
 * index derived from the owners of `pxelinux.cfg/01-<mac>` and `grub.cfg-01-<mac>` files.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { sha256 } from './file-store.js';
import type { Manifest, ManifestEntry, ManifestState } from './manifest.js';
import { normaliseFqdn, normaliseMac } from './names.js';
import { urlForRelative } from './paths.js';

/** What a request path resolves to. */
export type Resolution =
  /** Files to try in order; the first existing one is served. `notFound` is logged when none exists (default: the file-system reason). */
  | { readonly type: 'files'; readonly candidates: readonly string[]; readonly notFound?: string }
  /** An in-memory body: JSON unless `contentType` says otherwise. */
  | { readonly type: 'json'; readonly status: number; readonly body: Buffer; readonly etag: string; readonly contentType?: string }
  | { readonly type: 'missing'; readonly reason: string };

/** What the routes need from the server. */
export interface RouteContext {
  readonly root: string;
  manifest(): Promise<ManifestState>;
  /** The site report page of the tree; undefined when the tree carries no report data. */
  report?(): Promise<{ readonly body: Buffer; readonly etag: string } | undefined>;
  /** Per-server memo: the index and health bodies of the last manifest state seen. */
  readonly memo: {
    index?: { readonly stamp: string; readonly resolution: Resolution };
    health?: { readonly state: ManifestState; readonly resolution: Resolution };
  };
}

/** Resolves checked path segments to a route. */
export async function resolveRoute(segments: readonly string[], ctx: RouteContext): Promise<Resolution> {
  const [first, second, third] = segments;
  const relative = segments.join('/');
  if (segments.length === 0 || (segments.length === 1 && first === 'report')) {
    const page = await ctx.report?.();
    if (page !== undefined) return { type: 'json', status: 200, body: page.body, etag: page.etag, contentType: 'text/html; charset=utf-8' };
    if (segments.length === 1) return { type: 'missing', reason: 'no site report in this tree' };
  }
  if (segments.length === 0 || (segments.length === 1 && first === 'index.json')) return indexRoute(ctx);
  if (segments.length === 1 && first === 'healthz') return healthRoute(ctx);
  if (segments.length === 3 && first === 'ks' && (second === 'by-fqdn' || second === 'by-mac')) {
    return kickstartRoute(second, third!, ctx);
  }
  if (segments.length === 2 && first === 'ipxe') {
    const derived = await ipxeCandidates(second!, ctx);
    const candidates = [...derived.owned, relative, ...derived.fallbacks];
    return { type: 'files', candidates, notFound: candidates.length > 1 ? 'no iPXE script for this host' : undefined };
  }
  return { type: 'files', candidates: [relative] };
}

async function kickstartRoute(by: 'by-fqdn' | 'by-mac', key: string, ctx: RouteContext): Promise<Resolution> {
  const state = await ctx.manifest();
  const manifest = state.status === 'ok' ? state.manifest : undefined;
  let fqdn: string | undefined;
  if (by === 'by-fqdn') {
    fqdn = normaliseFqdn(key);
    if (fqdn === undefined) return { type: 'missing', reason: 'not a host name' };
  } else {
    const mac = normaliseMac(key);
    if (mac === undefined) return { type: 'missing', reason: 'not a MAC address' };
    fqdn = manifest?.macOwners.get(mac);
    if (fqdn === undefined) return { type: 'missing', reason: 'no host boots from this MAC' };
  }
  const owned = ownedPaths(manifest, fqdn, (e) => e.kind === 'kickstart');
  return { type: 'files', candidates: [...owned, `ks/${fqdn}.ks`], notFound: 'no kickstart for this host' };
}

/**
 * Files that may hold the iPXE script of the host named by `key` (MAC or FQDN): the host's
 * managed iPXE artifacts, tried before the exact name, and conventional names tried after it.
 */
async function ipxeCandidates(key: string, ctx: RouteContext): Promise<{ owned: string[]; fallbacks: string[] }> {
  const state = await ctx.manifest();
  const manifest = state.status === 'ok' ? state.manifest : undefined;
  const mac = normaliseMac(key);
  const fqdn = mac !== undefined ? manifest?.macOwners.get(mac) : normaliseFqdn(key);
  if (fqdn === undefined) return { owned: [], fallbacks: [] };
  return { owned: ownedPaths(manifest, fqdn, (e) => e.kind === 'ipxe'), fallbacks: [`ipxe/${fqdn}.ipxe`, `tftpboot/ipxe/${fqdn}.ipxe`] };
}

function ownedPaths(manifest: Manifest | undefined, fqdn: string, wanted: (e: ManifestEntry) => boolean): string[] {
  return (manifest?.byOwner.get(fqdn) ?? []).filter(wanted).map((e) => e.path);
}

async function healthRoute(ctx: RouteContext): Promise<Resolution> {
  const state = await ctx.manifest();
  const memo = ctx.memo.health;
  if (memo !== undefined && memo.state === state) return memo.resolution;
  let resolution: Resolution;
  if (state.status === 'invalid') {
    resolution = json(503, { status: 'degraded', manifest: { status: 'invalid', reason: state.reason } });
  } else if (state.status === 'absent') {
    resolution = json(200, { status: 'ok', manifest: { status: 'absent' } });
  } else {
    resolution = json(200, { status: 'ok', manifest: { status: 'ok', generator: state.manifest.generator, files: state.manifest.entries.length } });
  }
  ctx.memo.health = { state, resolution };
  return resolution;
}

async function indexRoute(ctx: RouteContext): Promise<Resolution> {
  const state = await ctx.manifest();
  if (state.status === 'invalid') return json(503, { error: 'manifest is invalid', reason: state.reason });
  if (state.status === 'absent') return json(200, { generator: null, count: 0, artifacts: [] });
  const memo = ctx.memo.index;
  if (memo !== undefined && memo.stamp === state.stamp) return memo.resolution;
  const m = state.manifest;
  const artifacts = await Promise.all(
    m.entries.map(async (e) => ({
      path: e.path,
      kind: e.kind,
      owner: e.owner ?? null,
      sha256: e.sha256,
      size: await sizeOf(ctx.root, e.path),
      url: urlForRelative(e.path),
    })),
  );
  const resolution = json(200, { generator: m.generator, count: artifacts.length, artifacts });
  ctx.memo.index = { stamp: state.stamp, resolution };
  return resolution;
}

async function sizeOf(root: string, relative: string): Promise<number | null> {
  try {
    const st = await fsp.stat(path.join(root, relative));
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

function json(status: number, value: unknown): Resolution {
  const body = Buffer.from(JSON.stringify(value, null, 2) + '\n');
  return { type: 'json', status, body, etag: `"${sha256(body)}"` };
}

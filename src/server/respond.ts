/**
 * Writing install-server responses: files and JSON bodies with their validators (strong ETag,
 * Last-Modified), conditional requests (If-None-Match, then If-Modified-Since → 304), HEAD
 * without a body, and short plain-text refusals that never echo the request.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { TEXT } from './content-types.js';
import type { ServedFile } from './file-store.js';

/** A body ready to send: content and its validators. */
export interface Representation {
  readonly status: number;
  readonly contentType: string;
  readonly etag: string;
  readonly lastModified?: string;
  readonly size: number;
  /** In-memory content; absent when the caller streams it. */
  readonly body?: Buffer;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request\n',
  404: 'Not Found\n',
  405: 'Method Not Allowed\n',
  500: 'Internal Server Error\n',
  503: 'Service Unavailable\n',
};

/** The methods the server answers. */
export const ALLOWED_METHODS = 'GET, HEAD';

/**
 * Answers 304 when the client's validators match, otherwise writes the headers and, for GET,
 * the in-memory body. Returns the number of body bytes written, or -1 when the caller must
 * stream the body (GET of a representation without `body`).
 */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, closing: boolean): number {
  const headers: OutgoingHttpHeaders = {
    'Cache-Control': 'no-cache',
    ETag: rep.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (rep.lastModified !== undefined) headers['Last-Modified'] = rep.lastModified;
  if (closing) headers['Connection'] = 'close';
  if (rep.status === 200 && notModified(req, rep)) {
    res.writeHead(304, headers);
    res.end();
    return 0;
  }
  headers['Content-Type'] = rep.contentType;
  headers['Content-Length'] = rep.size;
  res.writeHead(rep.status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  if (rep.body === undefined) return -1;
  res.end(rep.body);
  return rep.body.length;
}

/** The representation of a served file. */
export function fileRepresentation(file: ServedFile): Representation {
  return { status: 200, contentType: file.contentType, etag: file.etag, lastModified: file.lastModified, size: file.size, body: file.body };
}

/** Sends a short plain-text error (405 carries `Allow`). Returns the body bytes written. */
export function sendError(req: IncomingMessage, res: ServerResponse, status: number, closing: boolean): number {
  const body = STATUS_TEXT[status] ?? 'Error\n';
  const headers: OutgoingHttpHeaders = {
    'Content-Type': TEXT,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (status === 405) headers['Allow'] = ALLOWED_METHODS;
  if (closing) headers['Connection'] = 'close';
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  res.end(body);
  return body.length;
}

/** RFC 9110 §13.1.2/§13.1.3: If-None-Match (weak comparison) wins over If-Modified-Since. */
function notModified(req: IncomingMessage, rep: Representation): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagListMatches(inm, rep.etag);
  const ims = req.headers['if-modified-since'];
  if (ims === undefined || rep.lastModified === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(rep.lastModified) <= since;
}

/** True if a comma-separated If-None-Match list contains `*` or the tag (ignoring `W/`). */
export function etagListMatches(header: string, etag: string): boolean {
  if (header === etag) return true;
  for (const item of header.split(',')) {
    const tag = item.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

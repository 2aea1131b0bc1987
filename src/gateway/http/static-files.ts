import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { STORED_ENCODINGS, type StoredEncoding, chooseEncoding } from './accept-encoding';
import { HttpError } from './http-error';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where each stored coding lives beside the plain file (written at build time, never at request time). */
const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' };

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Representation {
  body: Buffer;
  etag: string;
}

interface StaticFile {
  type: string;
  plain: Representation;
  encoded: Partial<Record<StoredEncoding, Representation>>;
}

export interface StaticFilesOptions {
  /** Names whose content decides the name (a content hash in it): cached for a year, never revalidated. */
  isHashed: (name: string) => boolean;
  /** Extra headers for one file (e.g. the page's Content-Security-Policy). */
  headersFor?: (name: string) => Record<string, string>;
}

/** Distinct per coding: a strong ETag names one exact byte sequence (RFC 9110 §8.8.3). */
function representation(body: Buffer, encoding: StoredEncoding | 'identity'): Representation {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return { body, etag: `"${hash}${encoding === 'identity' ? '' : `-${encoding}`}"` };
}

/** If-None-Match names this representation (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

/**
 * A fixed set of static files served from memory: read once, each with the brotli and gzip copies
 * the build wrote beside it (`<name>.br`, `<name>.gz`), chosen by Accept-Encoding with
 * `Vary: Accept-Encoding`. Hashed names are immutable for a year; every other name is `no-cache` with
 * an ETag, so a revalidation costs a 304. Only names in the set can be served: a request names a key
 * of a map, never a path on disk.
 */
export class StaticFiles {
  private constructor(
    private readonly files: ReadonlyMap<string, StaticFile>,
    private readonly options: StaticFilesOptions,
  ) {}

  /** The files of `dir` with a known type (not its subdirectories); empty when `dir` does not exist. */
  static fromDirectory(dir: string, options: StaticFilesOptions): StaticFiles {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // Not there (not built): an empty set, which its user reports.
    }
    return StaticFiles.fromFiles(
      Object.fromEntries(names.filter((name) => TYPES[extname(name)]).map((name) => [name, join(dir, name)])),
      options,
    );
  }

  /**
   * Files served by name from anywhere on disk (e.g. GraphiQL's, from node_modules), each with the
   * `<path>.br` and `<path>.gz` beside it when they exist. The type comes from the name's extension.
   */
  static fromFiles(paths: Readonly<Record<string, string>>, options: StaticFilesOptions): StaticFiles {
    const files = new Map<string, StaticFile>();
    for (const [name, path] of Object.entries(paths)) {
      const type = TYPES[extname(name)];
      if (!type) throw new Error(`No content type for ${name}`);
      const encoded: StaticFile['encoded'] = {};
      for (const encoding of STORED_ENCODINGS) {
        const stored = path + SUFFIX[encoding];
        if (existsSync(stored)) encoded[encoding] = representation(readFileSync(stored), encoding);
      }
      files.set(name, { type, plain: representation(readFileSync(path), 'identity'), encoded });
    }
    return new StaticFiles(files, options);
  }

  get size(): number {
    return this.files.size;
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  /** Answers GET or HEAD of `name`; throws HttpError 404 for a name outside the set, 405 for other methods. */
  serve(req: IncomingMessage, res: ServerResponse, name: string): void {
    const file = this.files.get(name);
    if (!file) throw new HttpError(404, `No file ${name}`, 'NOT_FOUND');
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `${name} answers GET and HEAD only`, 'METHOD_NOT_ALLOWED');
    }
    const available = STORED_ENCODINGS.filter((encoding) => file.encoded[encoding]);
    const encoding = chooseEncoding(req.headers['accept-encoding'], available);
    const chosen = encoding === 'identity' ? file.plain : file.encoded[encoding]!;
    const headers: Record<string, string> = {
      'x-content-type-options': 'nosniff',
      // Immutable: the name changes with the content. Anything else must pick up a new build at once.
      'cache-control': this.options.isHashed(name) ? IMMUTABLE : 'no-cache',
      etag: chosen.etag,
      ...this.options.headersFor?.(name),
    };
    // Only where there is a choice: a cache must then key the answer on the request's codings too.
    if (available.length > 0) headers.vary = [res.getHeader('vary'), 'Accept-Encoding'].filter(Boolean).join(', ');
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (notModified(req.headers['if-none-match'], chosen.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': file.type, 'content-length': chosen.body.length });
    res.end(method === 'HEAD' ? undefined : chosen.body);
  }
}

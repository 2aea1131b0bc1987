import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { HttpError } from './http-error';
import { redirect, send } from './send';

/**
 * The backup console (client/console/, React + Apollo Client): static files esbuild writes into
 * dist/console/ during `npm run build`, served from here alone (no CDN: it works offline). The page
 * holds no data and no credentials; it asks /graphql for everything, with the caller's credentials.
 */
export const CONSOLE_PATH = '/console';

// From src/gateway/http/ (ts-jest) and dist/gateway/http/ (the build) alike: <repository>/dist/console.
const CONSOLE_DIR = join(__dirname, '..', '..', '..', 'dist', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// Everything it loads comes from this origin; it talks to /graphql over fetch and WebSocket.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

let files: Map<string, { body: Buffer; type: string }> | undefined;

/** The console's files, read once (a fixed set: nothing outside dist/console/ can be named). */
function consoleFiles(): Map<string, { body: Buffer; type: string }> {
  if (files) return files;
  const found = new Map<string, { body: Buffer; type: string }>();
  let names: string[] = [];
  try {
    names = readdirSync(CONSOLE_DIR);
  } catch {
    // Not built: answered as 404 below, with what to run.
  }
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (type) found.set(name, { body: readFileSync(join(CONSOLE_DIR, name)), type });
  }
  if (found.size > 0) files = found;
  return found;
}

/** GET /console (the page) and /console/<file> (its script and style sheet). */
export function serveConsole(res: ServerResponse, pathname: string): void {
  if (pathname === CONSOLE_PATH) return redirect(res, `${CONSOLE_PATH}/`);
  const name = pathname.slice(CONSOLE_PATH.length + 1) || 'index.html';
  const file = consoleFiles().get(name);
  if (!file) {
    const hint = consoleFiles().size === 0 ? ' (the console is not built: run npm run build)' : '';
    throw new HttpError(404, `No console file ${name}${hint}`, 'NOT_FOUND');
  }
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    // The page is small and must pick up a new build at once; its assets are revalidated too.
    'cache-control': 'no-cache',
  };
  if (name === 'index.html') {
    headers['content-security-policy'] = CSP;
    headers['referrer-policy'] = 'no-referrer';
  }
  send(res, 200, file.type, file.body, headers);
}

import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error';
import { redirect } from './send';
import { StaticFiles } from './static-files';

/**
 * The backup console (client/console/, React + Apollo Client): static files esbuild writes into
 * dist/console/ during `npm run build` (scripts/build-console.mjs: content-hashed script and style
 * sheet, each with its brotli and gzip copies), served from here alone (no CDN: it works offline).
 * The page holds no data and no credentials; it asks /graphql for everything, with the caller's
 * credentials.
 */
export const CONSOLE_PATH = '/console';

// From src/gateway/http/ (ts-jest) and dist/gateway/http/ (the build) alike: <repository>/dist/console.
const CONSOLE_DIR = join(__dirname, '..', '..', '..', 'dist', 'console');

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

/** esbuild's `[name]-[hash]`: eight characters of base32 before the extension (console-7YQ2XK3A.js). */
const HASHED = /-[A-Z2-7]{8}\.(js|css)$/;

const PAGE = 'index.html';

let files: StaticFiles | undefined;

/** The console's files, read once the build is there (until then, every request looks again). */
function consoleFiles(): StaticFiles {
  if (files) return files;
  const found = StaticFiles.fromDirectory(CONSOLE_DIR, {
    isHashed: (name) => HASHED.test(name),
    headersFor: (name): Record<string, string> =>
      name === PAGE ? { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' } : {},
  });
  if (found.size > 0) files = found;
  return found;
}

/** GET /console (the page) and /console/<file> (its script and style sheet). */
export function serveConsole(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (pathname === CONSOLE_PATH) return redirect(res, `${CONSOLE_PATH}/`);
  const name = pathname.slice(CONSOLE_PATH.length + 1) || PAGE;
  const served = consoleFiles();
  if (!served.has(name)) {
    const hint = served.size === 0 ? ' (the console is not built: run npm run build)' : '';
    throw new HttpError(404, `No console file ${name}${hint}`, 'NOT_FOUND');
  }
  served.serve(req, res, name);
}

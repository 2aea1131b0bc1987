import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { send } from './send';

/**
 * GraphiQL that works offline: the page and every asset come from node_modules (graphiql 3's UMD
 * build on React 18 UMD) or from here, never a CDN. Apollo's default landing page loads Sandbox from a
 * CDN and is blank without internet, so it is disabled and this page is served to browsers at /graphql.
 * The page runs no inline script, so a strict Content-Security-Policy holds it.
 */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

type Asset = { type: string } & ({ pkg: string; file: string } | { text: string });

/**
 * Starts GraphiQL from the page's JSON configuration. Subscriptions go over graphql-ws on the same
 * origin (graphiql bundles graphql-ws): GraphiQL sends the headers of its Headers tab as the
 * connection's `connectionParams`, which the gateway authenticates like HTTP headers, so a
 * subscription runs with the same credentials as a query.
 */
const INIT = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  // GraphiQL's menus and dialogs inject a <style> (react-remove-scroll-bar), which stamps it with this
  // nonce: the page's CSP then allows that element and no other inline style.
  window.__webpack_nonce__ = config.styleNonce;
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.endpoint;
  var fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    subscriptionUrl: wsUrl,
    headers: { 'apollo-require-preflight': 'true' },
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: config.defaultQuery, shouldPersistHeaders: true })
  );
})();
`;

/** The API's mark: a backup (a disk with a clock hand), as an SVG. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#e535ab"/><circle cx="16" cy="16" r="9" fill="none" stroke="#fff" stroke-width="3"/><path d="M16 10v6l4 3" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`;

const ASSETS: Record<string, Asset> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'init.js': { text: INIT, type: 'text/javascript' },
  'page.css': { text: 'html, body, #graphiql { height: 100%; margin: 0; }\n', type: 'text/css' },
  'favicon.svg': { text: FAVICON, type: 'image/svg+xml' },
};

const cache = new Map<string, Buffer>();

/** An asset's bytes and content type, or undefined for an unknown name (read once, then kept). */
export function graphiqlAsset(name: string): { body: Buffer; type: string } | undefined {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    body =
      'text' in asset ? Buffer.from(asset.text) : readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

/**
 * What the page opens with. Each operation runs as it is, on the demo estate: the subscription follows
 * the file system's backups (the CreateBackup below shows up in it), the query and the mutation need
 * nothing else.
 */
const EXAMPLE = `# fsx-backup-graph: FSx backups over GraphQL.
# Every result is a union: switch on __typename;
# ... on ErrorResult covers every failure.
# ▶ runs one operation of this document: pick it.
# Run Watch, open a tab (+), run CreateBackup there:
# the new backup's progress streams into Watch.
query Backups {
  backups(first: 10) {
    __typename
    ... on BackupConnection {
      edges { node { backupId lifecycle type progressPercent creationTime fileSystem { fileSystemId fileSystemType } } }
      pageInfo { hasNextPage endCursor }
    }
    ... on ErrorResult { message retryable }
  }
}

mutation CreateBackup {
  createBackup(input: { fileSystemId: "fs-0a1b2c3d4e5f60001", tags: [{ key: "Name", value: "from GraphiQL" }] }) {
    __typename
    ... on CreateBackupSuccess { clientRequestToken backup { backupId lifecycle progressPercent } }
    ... on ErrorResult { message retryable }
    ... on InvalidInput { fieldErrors { path constraint message } }
  }
}

subscription Watch {
  backupChanged(fileSystemIds: ["fs-0a1b2c3d4e5f60001"]) {
    __typename
    ... on BackupChanged { previousLifecycle final backup { backupId lifecycle progressPercent } }
    ... on ErrorResult { message retryable }
  }
}
`;

// Everything comes from this origin; queries over fetch, subscriptions over a same-origin WebSocket.
const csp = (styleNonce: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The page: markup, its configuration as inert JSON (no inline script), and the assets above. */
export function graphiqlPage(endpoint: string, styleNonce: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PREFIX}${name}`;
  // `<` escaped: the configuration cannot close its own script element.
  const config = JSON.stringify({ endpoint, defaultQuery: EXAMPLE, styleNonce }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>fsx-backup-graph · GraphiQL</title>
<link rel="icon" href="${asset('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${asset('graphiql.css')}">
<link rel="stylesheet" href="${asset('page.css')}">
<script id="graphiql-config" type="application/json">${config}</script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('init.js')}"></script>
</body>
</html>`;
}

/** GET /graphql from a browser: the page, under its CSP. */
export function sendGraphiqlPage(res: ServerResponse, endpoint: string): void {
  const styleNonce = randomBytes(16).toString('base64');
  send(res, 200, 'text/html; charset=utf-8', graphiqlPage(endpoint, styleNonce), {
    'content-security-policy': csp(styleNonce),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
}

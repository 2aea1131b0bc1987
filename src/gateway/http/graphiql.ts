import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * GraphiQL that works offline: the page and every asset come from node_modules (graphiql 3's UMD
 * build on React 18 UMD), never a CDN. Apollo's default landing page loads Sandbox from a CDN and is
 * blank without internet, so it is disabled and this page is served to browsers at /graphql.
 */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();

/** An asset's bytes and content type, or undefined for an unknown name (read once, then kept). */
export function graphiqlAsset(name: string): { body: Buffer; type: string } | undefined {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

const EXAMPLE = `# fsx-backup-graph: FSx backups over GraphQL.
# Every result is a union: switch on __typename, handle the rest with ... on ErrorResult.
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
`;

export function graphiqlPage(endpoint: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>fsx-backup-graph · GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)}, headers: { 'apollo-require-preflight': 'true' } });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)}, shouldPersistHeaders: true })
  );
</script>
</body>
</html>`;
}

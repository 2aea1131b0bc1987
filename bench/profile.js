'use strict';
/**
 * `npm run bench:profile -- [target] [seconds]`: CPU profile (node --cpu-prof) of the server process
 * under autocannon load with the Read-50 document, summarised by package and by function (self time).
 * target: gateway | gatewayMem | baselineMem | sdlMem | baseline | createBackup (the gateway, mutation) |
 * singleRead (the gateway, backup(backupId), one connection: the path scenario 1r measures).
 * Profiles land in bench/.profiles/ (open them in Chrome DevTools → Performance); the summary is printed.
 */
process.env.NODE_ENV ??= 'production'; // as bench/run.js: the deployment setting
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const autocannon = require('autocannon');
const { DescribeBackupsCommand } = require('@aws-sdk/client-fsx');
const { loadConfig } = require('../dist/config');
const { createFsxClient } = require('../dist/gateway/fsx/fsx-client');
const { DEMO } = require('../dist/emulator');
const { startChild } = require('./lib/procs');
const { seedEstate } = require('./lib/seed');
const { post } = require('./lib/http-client');
const Q = require('./lib/queries');

const [target = 'gatewayMem', seconds = '10'] = process.argv.slice(2);
const DIR = path.join(__dirname, '.profiles');

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const emulator = await startChild('emulator-proc.js');
  const seeder = createFsxClient(loadConfig({ FSX_ENDPOINT_URL: emulator.info.url }));
  await seedEstate(seeder, { fileSystems: 20, perFs: 6 });
  seeder.destroy();
  const before = new Set(fs.readdirSync(DIR));
  const servers = await startChild('server-proc.js', {
    env: { BENCH_EMULATOR_URL: emulator.info.url, CURSOR_SECRET: 'bench-cursor-secret', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    execArgv: ['--cpu-prof', '--cpu-prof-dir', DIR],
  });
  const mutation = target === 'createBackup';
  const single = target === 'singleRead';
  const url = servers.info.urls[mutation || single ? 'gateway' : target];
  if (!url) throw new Error(`unknown target ${target}`);
  const body = mutation
    ? JSON.stringify({
        query: Q.CREATE_BACKUP,
        variables: { input: { fileSystemId: DEMO.fileSystems.openzfs, clientRequestToken: 'bench-profile' } },
      })
    : single
      ? JSON.stringify({ query: Q.SINGLE_READ, variables: { backupId: await someBackupId(emulator.info.url) } })
      : JSON.stringify({ query: Q.READ_50 });
  const expected = (await post(url, body), await post(url, body)).body;
  const result = await new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: mutation || single ? 1 : 10,
        duration: Number(seconds),
        verifyBody: (b) => b === expected,
      },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  );
  await servers.stop();
  await emulator.stop();
  const file = fs.readdirSync(DIR).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  console.log(
    `${target}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, mismatches ${result.mismatches}, non2xx ${result.non2xx}`,
  );
  console.log(summarise(path.join(DIR, file), result.requests.total));
}

async function someBackupId(emulatorUrl) {
  const client = createFsxClient(loadConfig({ FSX_ENDPOINT_URL: emulatorUrl }));
  const { Backups } = await client.send(new DescribeBackupsCommand({ MaxResults: 1 }));
  client.destroy();
  return Backups[0].BackupId;
}

/** Self time by package and by function, from the samples of a .cpuprofile. */
function summarise(file, requests) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url) => {
    if (!url) return '';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.includes('/dist/gateway/')) return 'ours: dist/gateway';
    if (url.includes('/dist/emulator/')) return 'ours: dist/emulator';
    if (url.includes('/bench/')) return 'bench harness';
    if (url.startsWith('node:')) return 'node core';
    return url;
  };
  const packages = new Map();
  const functions = new Map();
  for (const [id, us] of self) {
    const { callFrame: cf } = byId.get(id);
    const pkg = where(cf.url) || cf.functionName; // (garbage collector), (program), (idle)
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const fn = `${cf.functionName || '(anonymous)'} ${cf.url ? `${cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|bench)\//, '$1/')}:${cf.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const busy = total - (packages.get('(idle)') ?? 0);
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [
    `profile ${path.relative(process.cwd(), file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy, ${requests} requests → ${(busy / 1000 / requests).toFixed(2)} ms CPU per request`,
    '',
    'self time by package:',
  ];
  for (const [k, us] of top(packages, 18)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push('', 'self time by function (top 30):');
  for (const [k, us] of top(functions, 30)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

'use strict';
/**
 * Scenario 13 (issue 22), for bench/run.js: one graph across 3 accounts × 2 regions, FSx and STS calls
 * counted at the emulator (its call log records each call's account and SourceIdentity). An in-process
 * emulator with three accounts, each region of each seeded through its own credentials (the first
 * account's with the long-term key, the others' assumed through the emulator's STS), and an in-process
 * gateway with FSX_ACCOUNTS, API keys and attribution on (FSX_SOURCE_IDENTITY=principal, the default).
 *
 * (a) One operation reading 10 backups by id in each of the 6 places: one DescribeBackups per account
 *     and region (6), each made with the caller's own credentials (SourceIdentity = its key id).
 * (b) Many such requests by two principals: AssumeRole once per account and principal (3 × 2 = 6),
 *     however many requests; credentials are kept until 5 minutes before they expire (an hour).
 * (c) The time one read of all 6 places takes through the gateway, attributed and not (the same
 *     gateway setup with FSX_SOURCE_IDENTITY=off): what attribution adds once its credentials are cached.
 */
const { performance } = require('node:perf_hooks');
const { FSxClient } = require('@aws-sdk/client-fsx');
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');
const { createHash } = require('node:crypto');
const { loadConfig } = require('../dist/config');
const { startGateway } = require('../dist/app');
const { startEmulator } = require('../dist/emulator');
const { seedEstate } = require('./lib/seed');
const { post } = require('./lib/http-client');
const { median } = require('./lib/stats');

const ACCOUNTS = ['123456789012', '111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'us-west-2'];
const PRINCIPALS = ['alice', 'bob'];
const LOCAL = { accessKeyId: 'local', secretAccessKey: 'local' };
const roleOf = (account) => `arn:aws:iam::${account}:role/fsx-backup-graph`;
const keyOf = (who) => `bench-key-${who}-0123456789abcdef`;

module.exports = function createAccounts({ quick, Failure }) {
  const P = quick ? { requests: 20, timed: 30 } : { requests: 200, timed: 300 };
  const check = (cond, message) => {
    if (!cond) throw new Failure(message);
  };

  /** FSx clients of one account, signing for each region: the first account with the long-term key, the others assumed. */
  async function clientsOf(emulator, account) {
    let credentials = LOCAL;
    if (account !== ACCOUNTS[0]) {
      const sts = new STSClient({ endpoint: emulator.url, region: REGIONS[0], credentials: LOCAL, maxAttempts: 1 });
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleOf(account), RoleSessionName: 'bench-seed' }));
      sts.destroy();
      credentials = {
        accessKeyId: out.Credentials.AccessKeyId,
        secretAccessKey: out.Credentials.SecretAccessKey,
        sessionToken: out.Credentials.SessionToken,
      };
    }
    return REGIONS.map((region) => new FSxClient({ endpoint: emulator.url, region, credentials, maxAttempts: 1 }));
  }

  async function startOne(emulator, sourceIdentity) {
    const keys = PRINCIPALS.map((id) => ({
      id,
      sha256: createHash('sha256').update(keyOf(id)).digest('hex'),
      scopes: ['backups:read'],
    }));
    return startGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        FSX_ENDPOINT_URL: emulator.url,
        FSX_REGIONS: REGIONS.join(','),
        FSX_ACCOUNTS: JSON.stringify(ACCOUNTS.map((accountId, i) => (i === 0 ? { accountId } : { accountId, roleArn: roleOf(accountId) }))),
        FSX_ROLE_ARN: roleOf(ACCOUNTS[0]),
        FSX_SOURCE_IDENTITY: sourceIdentity,
        AUTH_MODE: 'apikey',
        API_KEYS: JSON.stringify(keys),
        CURSOR_SECRET: 'bench-cursor-secret',
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
      }),
    );
  }

  async function accounts() {
    const emulator = await startEmulator({
      port: 0,
      accounts: ACCOUNTS,
      regions: REGIONS,
      seed: false,
      backupDurationMs: 0,
      fileSystemDurationMs: 0,
    });
    const gateways = [];
    try {
      // Each place: 2 file systems with 5 backups each; the read takes the first 10 of each place.
      const places = [];
      for (const account of ACCOUNTS) {
        const clients = await clientsOf(emulator, account);
        for (const [i, region] of REGIONS.entries()) {
          const { backupIds } = await seedEstate(clients[i], { fileSystems: 2, perFs: 5, tag: `acc-${account}-${region}` });
          places.push({ account, region, backupIds: backupIds.slice(0, 10) });
          clients[i].destroy();
        }
      }
      const aliases = places.flatMap((p, i) =>
        p.backupIds.map(
          (id, j) =>
            `p${i}b${j}: backup(backupId: "${id}", account: "${p.account}", region: "${p.region}") { __typename ... on Backup { backupId accountId region } }`,
        ),
      );
      const body = JSON.stringify({ query: `{ ${aliases.join('\n')} }` });
      const read = async (url, who) => {
        const res = await post(url, body, { 'x-api-key': keyOf(who) });
        const parsed = JSON.parse(res.body);
        check(res.status === 200 && !parsed.errors, `accounts: ${res.status} ${res.body.slice(0, 300)}`);
        places.forEach((p, i) =>
          p.backupIds.forEach((id, j) => {
            const got = parsed.data[`p${i}b${j}`];
            check(
              got.__typename === 'Backup' && got.backupId === id && got.accountId === p.account && got.region === p.region,
              `accounts: p${i}b${j} is ${JSON.stringify(got)}`,
            );
          }),
        );
      };

      const attributed = await startOne(emulator, 'principal');
      gateways.push(attributed);
      const url = attributed.url;
      // (a) one read of 60 backups in 6 places.
      await read(url, 'alice');
      emulator.calls.clear();
      await read(url, 'alice');
      const describes = emulator.calls.filter((c) => c.operation === 'DescribeBackups');
      const perPlace = new Map();
      for (const c of describes) perPlace.set(`${c.account}:${c.region}`, (perPlace.get(`${c.account}:${c.region}`) ?? 0) + 1);
      check(
        describes.length === 6 && perPlace.size === 6 && [...perPlace.values()].every((n) => n === 1),
        `accounts a: ${describes.length} DescribeBackups ${JSON.stringify([...perPlace])}, goal 1 per account and region`,
      );
      check(
        describes.every((c) => c.sourceIdentity === 'alice'),
        `accounts a: SourceIdentity ${JSON.stringify(describes.map((c) => c.sourceIdentity))}`,
      );
      check(
        emulator.calls.length === 6,
        `accounts a: ${emulator.calls.length} calls in all, goal 6 (no STS: alice's credentials are cached)`,
      );

      // (b) many requests by two principals: one AssumeRole per account and principal.
      emulator.calls.clear();
      const fresh = await startOne(emulator, 'principal');
      gateways.push(fresh);
      const ownSessions = emulator.calls.filter((c) => c.operation === 'AssumeRole').length;
      emulator.calls.clear();
      for (let i = 0; i < P.requests; i++) await read(fresh.url, PRINCIPALS[i % PRINCIPALS.length]);
      const assumed = emulator.calls.filter((c) => c.operation === 'AssumeRole');
      const pairs = new Set(assumed.map((c) => `${c.input.RoleArn}|${c.input.SourceIdentity}`));
      check(
        assumed.length === ACCOUNTS.length * PRINCIPALS.length && pairs.size === assumed.length,
        `accounts b: ${assumed.length} AssumeRole over ${P.requests} requests ${JSON.stringify([...pairs])}, goal ${ACCOUNTS.length * PRINCIPALS.length}`,
      );
      const fsxCalls = emulator.calls.filter((c) => c.service !== 'sts').length;
      check(fsxCalls === P.requests * 6, `accounts b: ${fsxCalls} FSx calls for ${P.requests} requests, goal 6 each`);

      // (c) the read's time, attributed and not (alternating, after a warm-up of each).
      const off = await startOne(emulator, 'off');
      gateways.push(off);
      for (const g of [fresh, off]) for (let i = 0; i < 10; i++) await read(g.url, 'alice');
      const times = { attributed: [], off: [] };
      for (let i = 0; i < P.timed; i++) {
        for (const [name, g] of [
          ['attributed', fresh],
          ['off', off],
        ]) {
          const s = performance.now();
          await read(g.url, 'alice');
          times[name].push(performance.now() - s);
        }
      }
      const p50 = { attributed: median(times.attributed), off: median(times.off) };
      const row = {
        scenario: '13 Accounts: 3 accounts × 2 regions, FSx and STS calls',
        a: `off: read of 60 backups in 6 places p50 ${p50.off.toFixed(2)} ms`,
        b: `attributed: p50 ${p50.attributed.toFixed(2)} ms · ${describes.length} DescribeBackups · ${assumed.length} AssumeRole over ${P.requests} requests (+${ownSessions} own sessions at start)`,
        ratio: `${(p50.attributed / p50.off).toFixed(2)}×`,
        goal: '1 call per account and region · 1 AssumeRole per account and principal',
        status: 'met',
      };
      return {
        rows: [row],
        result: {
          describeBackupsPerRead: describes.length,
          assumeRolePerPrincipalAndAccount: assumed.length / (ACCOUNTS.length * PRINCIPALS.length),
          requests: P.requests,
          ownSessionsAtStart: ownSessions,
          p50Ms: p50,
          goal: { met: true },
        },
      };
    } finally {
      for (const g of gateways) await g.stop();
      await emulator.stop();
    }
  }

  return { accounts };
};

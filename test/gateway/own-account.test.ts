import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningEmulator, startEmulator } from '../../src/emulator';
import { TEAM_A, TEAM_B } from '../support/accounts';
import { postGraphQL, startGatewayWithLog } from '../support/gateway';

/**
 * Without FSX_ACCOUNTS the gateway serves the one account its own credentials belong to: STS
 * GetCallerIdentity at the endpoint; where the endpoint speaks no STS, the account of the ARNs FSx
 * answers with; where neither tells, "unknown", said in one warn line. Start-up works in every case.
 */

const ACCOUNTS = '{ accounts { accountId name } fileSystems(first: 1) { __typename } }';

/** The emulator behind a proxy that answers only FSx (AWS JSON 1.1, X-Amz-Target): an endpoint without STS. */
async function withoutSts(emulator: RunningEmulator): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(emulator.url);
  const proxy = http.createServer((req, res) => {
    if (!req.headers['x-amz-target']) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))),
  };
}

test.each([
  ['STS GetCallerIdentity', { seed: true, sts: true }, TEAM_A],
  ['the ARNs of FSx answers (no STS at the endpoint)', { seed: true, sts: false }, TEAM_A],
  ['nothing (no STS, no resources): "unknown", said once', { seed: false, sts: false }, 'unknown'],
])('the gateway’s own account from %s', async (_how, { seed, sts }, expected) => {
  const emulator = await startEmulator({ port: 0, accounts: [TEAM_A, TEAM_B], seed });
  const proxy = sts ? undefined : await withoutSts(emulator);
  const endpoint = proxy?.url ?? emulator.url;
  const { gateway, lines } = await startGatewayWithLog({ ...emulator, url: endpoint }, { LOG_LEVEL: 'info' });
  try {
    const res = await postGraphQL(gateway.url, ACCOUNTS);
    expect(res.body.data).toEqual({
      accounts: [{ accountId: expected, name: expected }],
      fileSystems: { __typename: 'FileSystemConnection' },
    });
    const warned = lines.filter((l) => String(l.msg).startsWith('FSx account unknown'));
    expect(warned).toHaveLength(expected === 'unknown' ? 1 : 0);
  } finally {
    await gateway.stop();
    await proxy?.close();
    await emulator.stop();
  }
});

/** The admin API under /_emulator/, outside the AWS protocols, so another process can steer a standalone emulator. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountStores } from './accounts';
import type { CallLog } from './call-log';
import { parseFaultSpec, type FaultInjector, type FaultRule } from './faults';
import { readBody } from './protocol/aws-json';

export interface AdminDeps {
  accounts: AccountStores;
  defaultRegion: string;
  calls: CallLog;
  faults: FaultInjector;
  reset(): Promise<void>;
}

export const plainJson = (res: ServerResponse, status: number, body: unknown): void => {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
};

function health(deps: AdminDeps) {
  const accounts = deps.accounts.counts();
  const accountId = deps.accounts.defaultAccount;
  const regions = accounts[accountId];
  return {
    status: 'ok',
    region: deps.defaultRegion,
    accountId,
    // The first account's default region at the top, its every region under `regions` (as before
    // accounts), and every account's every region under `accounts`.
    ...regions[deps.defaultRegion],
    regions,
    accounts,
    calls: deps.calls.length,
    faults: deps.faults.list(),
  };
}

async function setFaults(req: IncomingMessage, res: ServerResponse, deps: AdminDeps): Promise<void> {
  const text = (await readBody(req)).toString('utf8').trim();
  try {
    let rules: FaultRule[];
    if (text.startsWith('[') || text.startsWith('{')) {
      const parsed = JSON.parse(text) as FaultRule[] | { rules?: FaultRule[]; spec?: string };
      rules = Array.isArray(parsed) ? parsed : parsed.spec !== undefined ? parseFaultSpec(parsed.spec) : (parsed.rules ?? []);
      if (!Array.isArray(rules)) throw new Error('rules must be a list');
    } else {
      rules = parseFaultSpec(text);
    }
    deps.faults.set(rules);
  } catch (e) {
    return plainJson(res, 400, { error: (e as Error).message });
  }
  return plainJson(res, 200, { rules: deps.faults.list() });
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, deps: AdminDeps, path: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /_emulator/health':
      return plainJson(res, 200, health(deps));
    case 'POST /_emulator/reset':
      await deps.reset();
      return plainJson(res, 200, { status: 'reset' });
    case 'GET /_emulator/faults':
      return plainJson(res, 200, { rules: deps.faults.list() });
    case 'DELETE /_emulator/faults':
      deps.faults.clear();
      return plainJson(res, 200, { rules: [] });
    case 'POST /_emulator/faults':
    case 'PUT /_emulator/faults':
      return setFaults(req, res, deps);
    case 'GET /_emulator/calls':
      return plainJson(res, 200, { calls: [...deps.calls] });
    case 'DELETE /_emulator/calls':
      deps.calls.clear();
      return plainJson(res, 200, { calls: [] });
    default:
      return plainJson(res, 404, {
        error: `No admin route ${route}.`,
        routes: ['GET /_emulator/health', 'POST /_emulator/reset', 'GET|POST|DELETE /_emulator/faults', 'GET|DELETE /_emulator/calls'],
      });
  }
}

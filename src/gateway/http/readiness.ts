import type { ServerResponse } from 'node:http';
import { DescribeFileSystemsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { FsxPlaces } from '../fsx/fsx-places';
import { Place } from '../fsx/place';
import { sendJson } from './send';

/** How long one dependency may take to answer a readiness probe. */
export const PROBE_TIMEOUT_MS = 2000;

/** The cheapest FSx call there is: proves credentials, endpoint and connection work. Rejects when FSx cannot be reached in time. */
export async function probeFsx(fsx: FSxClient, timeoutMs: number): Promise<void> {
  await fsx.send(new DescribeFileSystemsCommand({ MaxResults: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
}

/** A dependency besides FSx: `required` ones make the gateway unavailable when down, others only degraded. */
export interface DependencyProbe {
  name: string;
  required: boolean;
  probe(timeoutMs: number): Promise<unknown>;
}

export interface DependencyCheck {
  /** `connecting`: its first connection is still being made (e.g. Redis while the gateway starts). */
  status: 'up' | 'down' | 'connecting';
  /** Whether the gateway cannot serve without it. */
  required: boolean;
  latencyMs: number;
  /** Why it is down: the error's code (ECONNREFUSED), else its name. */
  error?: string;
}

/**
 * /readyz: every dependency probed at once, each reported in `checks`: `fsx:<region>` per region of
 * the default account, `fsx:account-<n>:<region>` per region of the n-th account of FSX_ACCOUNTS
 * (each probed with the credentials the gateway uses there), `redis` when configured. Never an account
 * id: /readyz needs no credentials, and which accounts the gateway serves is not everyone's to know
 * (the metrics' `account` label and the start-up log line name them). 200 `ready` while all answer;
 * 200 `degraded` while only an optional one is down (Redis: each replica then polls for its own
 * watchers; an account other than the default: its calls fail, the others' serve); 503 `unavailable`,
 * naming the first failing required dependency in `reason`, while FSx does not answer in a region of
 * the default account. /healthz only says the process serves. Probes are not traced: they run every few seconds.
 */
export async function answerReadiness(res: ServerResponse, fsx: FsxPlaces, others: readonly DependencyProbe[] = []): Promise<void> {
  const probes: DependencyProbe[] = [
    ...fsx.accounts.flatMap((account, index) =>
      account.regions.map((region) => ({
        name: index === 0 ? `fsx:${region}` : `fsx:account-${index + 1}:${region}`,
        // Only the default account is needed to serve: another account's broken role (or FSx away
        // there) fails that account's calls alone, so it degrades the gateway, never takes it out.
        required: index === 0,
        probe: (timeoutMs: number) => probeFsx(fsx.client(Place.of(account.accountId, region)), timeoutMs),
      })),
    ),
    ...others,
  ];
  const results = await context.with(suppressTracing(context.active()), () => Promise.all(probes.map(check)));
  const checks = Object.fromEntries(probes.map((p, i) => [p.name, results[i]]));
  const failed = probes.findIndex((p, i) => p.required && results[i].status !== 'up');
  if (failed >= 0) {
    const { name } = probes[failed];
    const { status, error } = results[failed];
    const what = name.startsWith('fsx:') ? `FSx endpoint not reachable in ${name.slice(4)}` : `${name} not reachable`;
    const reason = status === 'connecting' ? `${name} still connecting` : `${what}: ${error}`;
    return sendJson(res, 503, { status: 'unavailable', reason, checks });
  }
  sendJson(res, 200, { status: results.some((r) => r.status !== 'up') ? 'degraded' : 'ready', checks });
}

async function check(dependency: DependencyProbe): Promise<DependencyCheck> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await dependency.probe(PROBE_TIMEOUT_MS);
    return { status: 'up', required: dependency.required, latencyMs: latency() };
  } catch (error) {
    // A probe rejects with this name while its dependency's first connection is still being made: not yet up, not down.
    if ((error as Error).name === 'StillConnecting') return { status: 'connecting', required: dependency.required, latencyMs: latency() };
    // A refused connection is a bare Error whose code says what happened (ECONNREFUSED). Never its
    // message: /readyz needs no credentials, and a message can name internal hosts and ports.
    // (The SDK's retry layer can wrap a foreign Error, keeping the code in its message alone: the
    // code-shaped word is taken from there, nothing else.)
    const { name, code, message } = error as Partial<Error> & { code?: unknown };
    const why = (typeof code === 'string' && code) || /\bE[A-Z]{3,}\b/.exec(message ?? '')?.[0] || name || 'Error';
    return { status: 'down', required: dependency.required, latencyMs: latency(), error: why };
  }
}

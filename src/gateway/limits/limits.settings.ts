import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';
import { DEFAULT_LIMITS, type LimitsConfig } from './limits';
import { TrustedDocuments } from './trusted-documents';

export const LIMITS_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'MAX_DEPTH', default: '12', description: 'Deepest selection allowed in an operation.' },
  { name: 'MAX_ALIASES', default: '200', description: 'Most aliases allowed in an operation.' },
  {
    name: 'MAX_TOKENS',
    default: '10000',
    description: 'Most lexical tokens in a document (refused while parsing: long fragment chains cannot exhaust validation).',
  },
  {
    name: 'MAX_COST',
    default: '10000',
    description:
      'Highest query cost allowed (400 QUERY_TOO_COMPLEX before any FSx call beyond it): each field costs 1, a list 1 + its longest possible length times its selection (the FSx model maximum, e.g. 50 tags; a connection its `first`), each alias counted.',
  },
  {
    name: 'CLIENT_COST_PER_MINUTE',
    default: '(off)',
    description:
      'Query-cost points each client may spend per minute (cost as MAX_COST counts it; client = JWT subject, API key id, or address when AUTH_MODE=none). Over it: HTTP 429 with Retry-After (over WebSocket, an error RATE_LIMITED for that operation), before any FSx call; shared by replicas with REDIS_URL.',
  },
  {
    name: 'PERSISTED_DOCUMENTS',
    default: '(none)',
    description:
      "Path of a manifest of trusted documents, sha256 → document (`npm run codegen` writes client/generated/persisted-documents.json: the console's operations, never the README's examples with their literal ids). They are parsed and validated at start-up and found by their APQ hash without registering.",
  },
  {
    name: 'PERSISTED_DOCUMENTS_ONLY',
    default: 'false',
    description:
      'true: run only the documents of PERSISTED_DOCUMENTS (by identical text or extensions.persistedQuery.sha256Hash, over HTTP and WebSocket); any other is refused with HTTP 400 and PERSISTED_QUERY_NOT_ALLOWED before it is parsed.',
  },
  {
    name: 'MAX_BODY_BYTES',
    default: '1048576',
    description: 'Largest request body accepted (413 beyond); also the largest WebSocket message.',
  },
  {
    name: 'MAX_RESPONSE_BYTES',
    default: '8388608',
    description:
      'Largest answer sent, in bytes (8 MiB). A larger one is not sent: over HTTP the client gets HTTP 200 with `data: null` and one error RESPONSE_TOO_LARGE (the operation did run: a mutation took effect), over WebSocket that error for the operation; the log names the operation.',
  },
];

export function readLimits(read: EnvReader): LimitsConfig {
  return {
    maxDepth: read.int('MAX_DEPTH', 1, 100) ?? DEFAULT_LIMITS.maxDepth,
    maxAliases: read.int('MAX_ALIASES', 0, 10_000) ?? DEFAULT_LIMITS.maxAliases,
    maxTokens: read.int('MAX_TOKENS', 100, 1_000_000) ?? DEFAULT_LIMITS.maxTokens,
    maxCost: read.int('MAX_COST', 1, 10_000_000) ?? DEFAULT_LIMITS.maxCost,
    maxBodyBytes: read.int('MAX_BODY_BYTES', 1024, 100 * 1024 * 1024) ?? DEFAULT_LIMITS.maxBodyBytes,
    maxResponseBytes: read.int('MAX_RESPONSE_BYTES', 1024, 1024 * 1024 * 1024) ?? DEFAULT_LIMITS.maxResponseBytes,
  };
}

/** CLIENT_COST_PER_MINUTE (undefined: no client budgets). */
export function readClientCostPerMinute(read: EnvReader): number | undefined {
  return read.int('CLIENT_COST_PER_MINUTE', 1, 1_000_000_000);
}

/** PERSISTED_DOCUMENTS, read and checked (with PERSISTED_DOCUMENTS_ONLY): a manifest that cannot be used stops start-up. */
export function readTrustedDocuments(read: EnvReader): TrustedDocuments | undefined {
  const path = read.string('PERSISTED_DOCUMENTS');
  const only = read.bool('PERSISTED_DOCUMENTS_ONLY') ?? false;
  if (!path) {
    if (only) throw new ConfigError('PERSISTED_DOCUMENTS_ONLY', 'needs PERSISTED_DOCUMENTS (the manifest of the documents to run)');
    return undefined;
  }
  try {
    return TrustedDocuments.load(path, only);
  } catch (error) {
    throw new ConfigError('PERSISTED_DOCUMENTS', `cannot be read from ${path}: ${(error as Error).message}`);
  }
}

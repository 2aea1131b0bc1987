import { refusal } from './refusal';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { GraphQLError } from 'graphql';
import { type GraphQLSchema, parse, validate } from 'graphql';

/** Apollo's document hash: sha256 of the document's exact text, lowercase hex (APQ's `sha256Hash`). */
export const documentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What a GraphQL request carries that names its document: the text, or APQ's hash. */
export interface DocumentRequest {
  query?: unknown;
  extensions?: unknown;
}

/**
 * The trusted documents (PERSISTED_DOCUMENTS): the manifest `npm run codegen` writes,
 * client/generated/persisted-documents.json, hash → document text (GraphQL Code Generator's client
 * preset `persistedDocuments` format; Apollo's persisted query manifest is read too). With `only`
 * (PERSISTED_DOCUMENTS_ONLY) nothing else runs; without it they are pre-registered for APQ.
 */
export class TrustedDocuments {
  constructor(
    readonly documents: ReadonlyMap<string, string>,
    readonly only: boolean,
  ) {}

  /** Reads and checks a manifest: every key must be the sha256 of its document. Throws a message fit for the operator. */
  static load(path: string, only: boolean): TrustedDocuments {
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new Error('expected an object of sha256 → document (or an Apollo persisted query manifest)');
    const entries = isApolloManifest(manifest)
      ? manifest.operations.map((operation) => [operation.id, operation.body] as const)
      : Object.entries(manifest);
    const documents = new Map<string, string>();
    for (const [hash, body] of entries) {
      if (typeof body !== 'string' || documentHash(body) !== hash) throw new Error(`entry ${hash} is not the sha256 of its document`);
      documents.set(hash, body);
    }
    return new TrustedDocuments(documents, only);
  }

  get(hash: string): string | undefined {
    return this.documents.get(hash);
  }

  /**
   * Why a request may not run (PERSISTED_DOCUMENTS_ONLY), before anything parses it: its text, or
   * the document its APQ hash names, must be in the manifest. A request naming no document is left
   * to Apollo's own answer.
   */
  refusal(request: DocumentRequest): GraphQLError | undefined {
    if (!this.only) return undefined;
    if (typeof request.query === 'string' && request.query !== '')
      return this.documents.has(documentHash(request.query)) ? undefined : notTrusted('its text is not');
    const hash = apqHash(request.extensions);
    if (hash === undefined) return undefined;
    return this.documents.has(hash) ? undefined : notTrusted('the document its persistedQuery.sha256Hash names is not');
  }

  /** The document a request runs: its text, or the trusted one its APQ hash names (GraphQL over WebSocket has no APQ of its own). */
  resolve(request: DocumentRequest): string | undefined {
    if (typeof request.query === 'string' && request.query !== '') return request.query;
    const hash = apqHash(request.extensions);
    return hash === undefined ? undefined : this.documents.get(hash);
  }
}

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';

function notTrusted(what: string): GraphQLError {
  return refusal(
    `This gateway only runs trusted documents: ${what} in its manifest (PERSISTED_DOCUMENTS). Send a document of the manifest by its text or by extensions.persistedQuery.sha256Hash.`,
    { code: PERSISTED_QUERY_NOT_ALLOWED, http: { status: 400 } },
  );
}

function apqHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

interface ApolloManifest {
  format: 'apollo-persisted-query-manifest';
  operations: Array<{ id: string; body: string }>;
}

function isApolloManifest(manifest: unknown): manifest is ApolloManifest {
  return (
    (manifest as ApolloManifest | undefined)?.format === 'apollo-persisted-query-manifest' &&
    Array.isArray((manifest as ApolloManifest).operations)
  );
}

/**
 * Apollo's APQ cache with the trusted documents in front: a manifest document is found by its hash
 * without a round trip and never registered again; everything else lives in `store` (in memory, or
 * Redis shared by the replicas). Apollo prefixes its keys (`apq:<hash>`): the hash is the last part.
 */
export class TrustedDocumentsApqCache implements KeyValueCache<string> {
  constructor(
    private readonly trusted: TrustedDocuments | undefined,
    private readonly store: KeyValueCache<string>,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.trusted?.get(hashOf(key)) ?? this.store.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // Only trusted documents run in `only` mode: there is nothing to register.
    if (this.trusted && (this.trusted.only || this.trusted.get(hashOf(key)) !== undefined)) return;
    await this.store.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.store.delete(key);
  }
}

const hashOf = (key: string): string => key.slice(key.lastIndexOf(':') + 1);

/**
 * The hashes of the trusted documents that do not parse or validate against `schema`: a manifest older
 * than the schema. Checked once at start, so the operator hears of it before a client does.
 */
export function documentsTheSchemaRefuses(schema: GraphQLSchema, trusted: TrustedDocuments): string[] {
  const refused: string[] = [];
  for (const [hash, query] of trusted.documents) {
    try {
      if (validate(schema, parse(query)).length) refused.push(hash);
    } catch {
      refused.push(hash);
    }
  }
  return refused;
}

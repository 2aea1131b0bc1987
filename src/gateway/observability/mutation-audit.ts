import { AsyncLocalStorage } from 'node:async_hooks';
import type { FSxClient } from '@aws-sdk/client-fsx';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import type { Logger } from '../logging';

/** What one mutation field learns while it runs, beyond its arguments and its answer. */
interface AuditRecord {
  /** The resource's ARN, when a service read it (a deletion's answer names none). */
  resourceArn?: string;
  /** The FSx request id (x-amzn-RequestId) and region of the last write FSx answered, success or error. */
  fsxRequestId?: string;
  region?: string;
}

const current = new AsyncLocalStorage<AuditRecord>();

/** A service names the resource its mutation acts on, when it has read it (its ARN carries the account). */
export function noteAuditedResource(arn: string | null | undefined): void {
  const record = current.getStore();
  if (record && arn) record.resourceArn = arn;
}

const isRead = (commandName: string | undefined): boolean => /^(Describe|List)/.test(commandName ?? '');

/**
 * The request id of every FSx write (CreateBackup, DeleteBackup, TagResource, ...) made while a
 * mutation is audited, whoever makes it, at the SDK client itself: one place for every mutation.
 */
export function recordFsxWrites(client: FSxClient, region: string): void {
  client.middlewareStack.add(
    (next, ctx) => async (args) => {
      const record = current.getStore();
      if (!record || isRead(ctx.commandName)) return next(args);
      try {
        const output = await next(args);
        Object.assign(record, { region, fsxRequestId: (output.output as MaybeMetadata).$metadata?.requestId });
        return output;
      } catch (error) {
        Object.assign(record, { region, fsxRequestId: (error as MaybeMetadata | undefined)?.$metadata?.requestId });
        throw error;
      }
    },
    { step: 'initialize', name: 'fsxBackupGraphAudit', override: true },
  );
}

interface MaybeMetadata {
  $metadata?: { requestId?: string };
}

/** Who ran a mutation, as the request context tells (the observability room knows no more of it). */
export interface AuditedContext {
  principal?: { id?: string };
  requestId?: string;
}

type Fields = Record<string, unknown>;

/**
 * The audit line of each mutation field: who (principal; source identity is null until STS attribution
 * exists), on what (account and region of the resource, its id), what (operation, dryRun), the typed
 * outcome (__typename, and the deletion guard's rule), and where to look further (the FSx request id,
 * the trace id, the request id). One line per field, at info, whatever the outcome.
 */
export class MutationAudit {
  constructor(
    private readonly logger: Logger,
    /** The region of a mutation that named none and reached no FSx: the gateway's default. */
    private readonly defaultRegion: string,
  ) {}

  /** Runs `resolve` with a fresh record, for `write` to read afterwards. */
  run<T>(resolve: () => T): { record: AuditRecord; value: T } {
    const record: AuditRecord = {};
    return { record, value: current.run(record, resolve) };
  }

  write(operation: string, args: Fields, ctx: unknown, record: AuditRecord, outcome: string, value: unknown): void {
    const input = (args.input ?? {}) as Fields;
    const answer = (value ?? {}) as Fields;
    const made = (answer.backup ?? answer.fileSystem ?? answer.volume) as Fields | undefined;
    const arn = str(made?.resourceARN) ?? record.resourceArn;
    const who = (ctx ?? {}) as AuditedContext;
    this.logger.info(
      {
        requestId: who.requestId ?? null,
        principal: who.principal?.id ?? null,
        sourceIdentity: null,
        account: arn?.split(':')[4] || null,
        region: record.region ?? (arn?.split(':')[3] || str(input.region) || str(input.destinationRegion) || this.defaultRegion),
        operation,
        resourceId:
          str(made?.backupId ?? made?.fileSystemId ?? made?.volumeId) ??
          str(answer.backupId) ??
          str(input.backupId ?? input.sourceBackupId ?? input.fileSystemId ?? input.volumeId) ??
          null,
        ...(input.dryRun === true ? { dryRun: true } : {}),
        outcome,
        rule: str(answer.rule) ?? null,
        fsxRequestId: record.fsxRequestId ?? str(answer.requestId) ?? null,
        trace_id: traceId(),
      },
      'mutation',
    );
  }
}

/** A non-empty string, or undefined. */
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The active span's trace id (null with tracing off), written even then, so every audit line has the field. */
function traceId(): string | null {
  const span = trace.getSpan(context.active());
  const ids = span?.spanContext();
  return ids && isSpanContextValid(ids) ? ids.traceId : null;
}

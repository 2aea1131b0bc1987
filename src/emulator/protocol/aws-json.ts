/** AWS JSON 1.1 in and out: the only place that knows about targets, __type and headers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FsxError } from './errors';

const TARGET_PREFIX = 'AWSSimbaAPIService_v20180301.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The operation named by X-Amz-Target, or the raw header when it is not an FSx target. */
export function operationFromTarget(target: string | string[] | undefined): { operation: string; known: boolean } {
  const value = Array.isArray(target) ? target[0] : target;
  if (!value) return { operation: '', known: false };
  if (!value.startsWith(TARGET_PREFIX)) return { operation: value, known: false };
  return { operation: value.slice(TARGET_PREFIX.length), known: true };
}

/** Empty body means no input (`{}`); anything but a JSON object is a SerializationException. */
export function parseInput(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new FsxError('SerializationException', `Request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new FsxError('SerializationException', 'Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

export function writeJson(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
    ...extraHeaders,
  });
  res.end(payload);
}

export function writeSuccess(res: ServerResponse, requestId: string, output: unknown): void {
  writeJson(res, 200, requestId, output);
}

/** `{"__type": code, "Message": ..., <modeled members>}`; the code is also in x-amzn-ErrorType. */
export function writeError(res: ServerResponse, requestId: string, error: FsxError): void {
  writeJson(
    res,
    error.status,
    requestId,
    { __type: error.code, Message: error.message, ...error.extra },
    { 'x-amzn-errortype': error.code },
  );
}

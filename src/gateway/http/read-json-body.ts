import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/**
 * Reads a request body up to `limit` bytes. JSON bodies are parsed here because Apollo's HTTP core
 * expects a parsed body; a malformed one becomes a 400 that explains itself, never a 500.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `Request body exceeds ${limit} bytes`, 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `Request body exceeds ${limit} bytes`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = String(req.headers['content-type'] ?? '');
  if (!/json/i.test(type)) return text;
  if (text.trim() === '') throw new HttpError(400, 'Request body is empty; send {"query": "..."}', 'BAD_REQUEST');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`, 'BAD_REQUEST');
  }
}

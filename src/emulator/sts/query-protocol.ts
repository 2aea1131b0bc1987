/**
 * The AWS query protocol as STS speaks it: form-encoded requests (`Action=AssumeRole&Version=2011-06-15&…`,
 * in a POST body or a GET query), XML answers `<{Action}Response><{Action}Result>…</{Action}Result>
 * <ResponseMetadata><RequestId>…` and `<ErrorResponse>` errors, the request id also in x-amzn-RequestId.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StsError } from './errors';

export const STS_VERSION = '2011-06-15';
const XMLNS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

/** An XML element's content: text, or child elements in order (undefined children are left out). */
export type XmlContent = string | number | { [element: string]: XmlContent | undefined };

/** Whether a request to POST / speaks the query protocol rather than FSx's JSON: no X-Amz-Target, and a form body or STS's signature. */
export function isQueryRequest(req: Pick<IncomingMessage, 'headers' | 'method' | 'url'>, signedService: string | undefined): boolean {
  if (req.headers['x-amz-target'] !== undefined) return false;
  if (req.method === 'GET') return /[?&]Action=/.test(req.url ?? '');
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  return contentType.startsWith('application/x-www-form-urlencoded') || signedService === 'sts';
}

/** The request's parameters: the query string's (a GET, or SigV4 presigning) and the form body's, the body winning. */
export function queryParameters(req: Pick<IncomingMessage, 'url'>, body: Buffer): Record<string, string> {
  const params: Record<string, string> = {};
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  // The first of a repeated parameter counts, as URLSearchParams.get reads it.
  const add = (search: URLSearchParams) => {
    const seen = new Set<string>();
    for (const [key, value] of search) {
      if (seen.has(key)) continue;
      seen.add(key);
      params[key] = value;
    }
  };
  if (query >= 0) add(new URLSearchParams(url.slice(query + 1)));
  add(new URLSearchParams(body.toString('utf8')));
  return params;
}

/** Text content needs only these escaped (quotes matter in attributes, and the one attribute here is a constant). */
const escapeXml = (text: string): string => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

function xml(name: string, content: XmlContent): string {
  const inner =
    typeof content === 'object'
      ? Object.entries(content)
          .filter((entry): entry is [string, XmlContent] => entry[1] !== undefined)
          .map(([child, value]) => xml(child, value))
          .join('')
      : escapeXml(String(content));
  return `<${name}>${inner}</${name}>`;
}

function writeXml(res: ServerResponse, status: number, requestId: string, root: string, content: Record<string, XmlContent>): void {
  const body = xml(root, content).replace(`<${root}>`, `<${root} xmlns="${XMLNS}">`);
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

export function writeQuerySuccess(res: ServerResponse, requestId: string, action: string, result: Record<string, XmlContent>): void {
  writeXml(res, 200, requestId, `${action}Response`, {
    [`${action}Result`]: result,
    ResponseMetadata: { RequestId: requestId },
  });
}

export function writeQueryError(res: ServerResponse, requestId: string, error: StsError): void {
  writeXml(res, error.status, requestId, 'ErrorResponse', {
    Error: { Type: error.type, Code: error.code, Message: error.message },
    RequestId: requestId,
  });
}

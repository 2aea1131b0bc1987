/**
 * One HTTP exchange, read whole: the base of every request helper (GraphQL posts, raw AWS JSON 1.1
 * calls, hostile requests). The body is kept as text, and as JSON when it parses, so a test can check
 * an answer that is not JSON (or not the JSON it expected) and still print what came back.
 */
export interface Answer {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  json: any;
}

export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', text, json };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

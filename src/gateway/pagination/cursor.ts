import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Opaque pagination cursors: base64url(JSON payload) + "." + HMAC. Signing makes a forged or edited
 * cursor detectable; the payload binds the cursor to the list it came from (`scope`: the query and its
 * filters), so reusing it with other filters is refused instead of silently paging another list.
 */
export interface CursorPayload {
  /** Which list: e.g. "backups:<region>:<filters as JSON>" or "fs-backups:<region>:<fileSystemId>". */
  scope: string;
  /** FSx NextToken of the page that contains the position (absent for the first page). */
  token?: string;
  /** Items to skip in that page (or, for lists the gateway pages itself, the offset). */
  skip: number;
}

export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(payload: CursorPayload): string {
    const body = Buffer.from(JSON.stringify([payload.scope, payload.token ?? null, payload.skip])).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** Where a page starts: the list's beginning when `after` is absent, else the decoded cursor. */
  start(after: string | null | undefined, scope: string): CursorPayload | { refused: string } {
    return after === null || after === undefined ? { scope, skip: 0 } : this.decode(after, scope);
  }

  /** The payload, or an explanation of why the cursor is refused. */
  decode(cursor: string, expectedScope: string): CursorPayload | { refused: string } {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined || !this.verify(body, signature)) {
      return { refused: 'cursor is not one this gateway issued (malformed or altered)' };
    }
    const [scope, token, skip] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [string, string | null, number];
    if (scope !== expectedScope) return { refused: 'cursor belongs to a different list (other filters or another parent)' };
    return { scope, token: token ?? undefined, skip };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private verify(body: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

import { type Connection, toConnection } from './connection.types';
import type { CursorCodec, CursorPayload } from './cursor';

type Position = Pick<CursorPayload, 'token' | 'skip'>;

/**
 * A page read with an FSx NextToken: `fetched` is what FSx returned from `position.token` on. Edge i
 * resumes in that same FSx page after `skip + i + 1` items; `endCursor` is FSx's NextToken, and
 * `hasNextPage` is true exactly when FSx returned one.
 */
export function tokenPage<N>(
  type: new () => Connection<N>,
  cursors: CursorCodec,
  scope: string,
  position: Position,
  fetched: N[],
  first: number,
  nextToken: string | undefined,
): Connection<N> {
  const nodes = fetched.slice(position.skip, position.skip + first);
  return toConnection(type, nodes, (i) => cursors.encode({ scope, token: position.token, skip: position.skip + i + 1 }), {
    hasNextPage: Boolean(nextToken),
    endCursor: nextToken ? cursors.encode({ scope, token: nextToken, skip: 0 }) : undefined,
  });
}

/**
 * A page of a list the gateway pages itself by offset: `page` holds the items from `skip` on (null
 * where an item has vanished: skipped, but still counted, so every cursor keeps its position).
 */
export function offsetPage<N>(
  type: new () => Connection<N>,
  cursors: CursorCodec,
  scope: string,
  skip: number,
  page: (N | null)[],
  hasNextPage: boolean,
): Connection<N> {
  const present = page.flatMap((node, i) => (node === null ? [] : [{ node, offset: skip + i + 1 }]));
  return toConnection(
    type,
    present.map((p) => p.node),
    (i) => cursors.encode({ scope, skip: present[i].offset }),
    {
      hasNextPage,
      // Past the whole page, vanished items included: a page of only vanished items still moves on.
      endCursor: page.length ? cursors.encode({ scope, skip: skip + page.length }) : undefined,
    },
  );
}

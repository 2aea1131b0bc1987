import { type DocumentNode, type ExecutionArgs, type ExecutionResult, createSourceEventStream, execute } from 'graphql';
import type { Principal } from '../auth/principal';

/**
 * Marks an event whose answer is the same for every subscriber that asked the same document with the
 * same variables and sees the same things: `source` is an object all of them were handed (the FSx
 * record of one change), `variant` what else the event carries for that subscriber.
 */
const SHARED_EVENT = Symbol('sharedEvent');

interface SharedEvent {
  source: object;
  variant: string;
}

export function shareable<T extends object>(event: T, source: object, variant: string): T {
  Object.defineProperty(event, SHARED_EVENT, { value: { source, variant } satisfies SharedEvent });
  return event;
}

type PromiseOrValue<T> = T | Promise<T>;

/**
 * graphql's `subscribe`, except that a shareable event is executed once per distinct document,
 * variables, visibility and variant, not once per subscriber: a change watched by thousands of
 * consoles costs one execution. Answers are kept as long as the event's source is (a WeakMap).
 */
export function sharedSubscribe(
  principalOf: (contextValue: unknown) => Principal | undefined,
): (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const visibilities = new WeakMap<Principal, string>();
  const answers = new WeakMap<object, Map<string, PromiseOrValue<ExecutionResult>>>();

  const documentId = (document: DocumentNode): number => {
    let id = documentIds.get(document);
    if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
    return id;
  };
  // What a subscriber may see decides its answer, not who it is: same scopes and file systems, same answer.
  const visibility = (principal: Principal | undefined): string => {
    if (!principal) return '';
    let key = visibilities.get(principal);
    if (key === undefined) {
      const fileSystems = principal.fileSystemIds ? [...principal.fileSystemIds].sort().join(',') : '*';
      visibilities.set(principal, (key = `${[...principal.scopes].sort().join(',')}|${fileSystems}`));
    }
    return key;
  };

  return async (args) => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const asked = JSON.stringify([
      documentId(args.document),
      args.operationName ?? null,
      args.variableValues ?? {},
      visibility(principalOf(args.contextValue)),
    ]);
    return mapAsyncIterable(stream, (payload: unknown) => {
      const shared = (payload as { [SHARED_EVENT]?: SharedEvent } | null)?.[SHARED_EVENT];
      if (!shared) return execute({ ...args, rootValue: payload });
      let bySubscriber = answers.get(shared.source);
      if (!bySubscriber) answers.set(shared.source, (bySubscriber = new Map<string, PromiseOrValue<ExecutionResult>>()));
      const key = `${asked}|${shared.variant}`;
      let answer = bySubscriber.get(key);
      if (answer === undefined) bySubscriber.set(key, (answer = execute({ ...args, rootValue: payload })));
      return answer;
    });
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/**
 * Maps a stream as graphql-js does: `return` reaches the source at once, even while a `next` waits
 * for an event (an async generator would hold it until the next event: a completed subscription
 * would stay registered until its backup changed again).
 */
function mapAsyncIterable<T, U>(iterable: AsyncIterable<T>, map: (value: T) => PromiseOrValue<U>): AsyncGenerator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const mapped = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (result.done) return { done: true, value: undefined };
    try {
      return { done: false, value: await map(result.value) };
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
  };
  const generator: AsyncGenerator<U> = {
    next: () => iterator.next().then(mapped),
    return: async () => (iterator.return ? mapped(await iterator.return()) : { done: true, value: undefined }),
    throw: async (error: unknown) => {
      if (iterator.throw) return mapped(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]: () => generator,
  };
  return generator;
}

import { Repeater } from '@repeaterjs/repeater';
import { buildSchema, parse } from 'graphql';
import { LatestByKey } from '../../../src/gateway/live/latest-by-key';
import { Place } from '../../../src/gateway/fsx/place';
import { PendingChange } from '../../../src/gateway/live/pending-event';
import { shareable, sharedSubscribe } from '../../../src/gateway/live/shared-execution';
import { ANONYMOUS, type Principal } from '../../../src/gateway/auth/principal';

describe('LatestByKey: what waits for a slow subscriber', () => {
  test('one value per key waits, the latest merged with the one it replaces, in the order keys first waited', async () => {
    const handed: string[] = [];
    let release!: () => void;
    const queue = new LatestByKey<string>(
      (value) => {
        handed.push(value);
        return new Promise<void>((resolve) => (release = resolve));
      },
      (waiting, newer) => `${newer}(after ${waiting})`,
    );
    queue.offer('a', 'a1'); // handed at once; the subscriber has not taken it yet
    for (let i = 2; i <= 1000; i++) queue.offer('a', `a${i}`);
    queue.offer('b', 'b1');
    queue.offer('a', 'a1001');
    expect(queue.size).toBe(2); // not a queue of 1,001 old states
    const idle = queue.idle();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await idle;
    expect(handed).toHaveLength(3);
    expect(handed[0]).toBe('a1');
    expect(handed[1].startsWith('a1001(after a1000(after a999')).toBe(true);
    expect(handed[2]).toBe('b1');
  });

  test('a change that replaces one never sent keeps what the subscriber was last told (previousLifecycle)', () => {
    const EAST = Place.of('123456789012', 'us-east-1');
    const record = (lifecycle: string, progress: number) =>
      ({ BackupId: 'backup-0123456789abcdef0', Lifecycle: lifecycle, ProgressPercent: progress }) as any;
    const first = new PendingChange(record('CREATING', 10), EAST, null, false);
    const second = new PendingChange(record('CREATING', 50), EAST, 'CREATING' as any, false);
    const last = new PendingChange(record('AVAILABLE', 100), EAST, 'CREATING' as any, true);
    const merged = last.after(second.after(first)).event() as any;
    expect(merged.previousLifecycle).toBeNull();
    expect(merged.final).toBe(true);
    expect(merged.backup.lifecycle).toBe('AVAILABLE');
  });
});

describe('sharedSubscribe: one execution per document, variables and visibility', () => {
  const schema = buildSchema('type Query { x: Int } type Subscription { tick: Tick } type Tick { n: Int, expensive: Int }');
  let executions = 0;

  test('1,000 subscribers handed one shareable event execute it once; another visibility or document once more', async () => {
    const sources: Array<(value: unknown) => Promise<unknown>> = [];
    const rootValue = {
      tick: () =>
        new Repeater(async (push, stop) => {
          sources.push(push);
          await stop;
        }),
    };
    const subscribe = sharedSubscribe((context) => (context as { principal: Principal }).principal);
    const document = parse('subscription { tick { n expensive } }');
    const other = parse('subscription { tick { n } }');
    const narrow: Principal = { id: 'k', scopes: new Set(['backups:read']), fileSystemIds: new Set(['fs-1']) };
    const streams = [];
    for (let i = 0; i < 1000; i++)
      streams.push(
        (await subscribe({
          schema,
          document,
          rootValue,
          contextValue: { principal: { ...ANONYMOUS, id: `user${i}` } },
        })) as AsyncGenerator<any>,
      );
    streams.push((await subscribe({ schema, document, rootValue, contextValue: { principal: narrow } })) as AsyncGenerator<any>);
    streams.push((await subscribe({ schema, document: other, rootValue, contextValue: { principal: ANONYMOUS } })) as AsyncGenerator<any>);
    const nexts = streams.map((stream) => stream.next());
    const source = {};
    for (const push of sources) {
      // Every subscriber gets its own event object; what they share is its source.
      const tick = Object.defineProperty({ n: 1 }, 'expensive', { get: () => ++executions, enumerable: true });
      void push(shareable({ tick }, source, 'v'));
    }
    const results = await Promise.all(nexts);
    expect(results[0].value).toEqual({ data: { tick: { n: 1, expensive: 1 } } });
    expect(results[999].value).toBe(results[0].value);
    // The narrower key and the other document: one execution each (the latter does not select `expensive`).
    expect(executions).toBe(2);
    expect(results[1001].value).toEqual({ data: { tick: { n: 1 } } });
    await Promise.all(streams.map((stream) => stream.return(undefined)));
  });
});

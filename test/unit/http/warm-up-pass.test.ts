import { FSxClient } from '@aws-sdk/client-fsx';
import { ANONYMOUS, type Principal } from '../../../src/gateway/auth/principal';
import { FsxRegions } from '../../../src/gateway/fsx/fsx-regions';
import { WARM_UP_HEADER } from '../../../src/gateway/http/warm-up';
import { WarmUpPass } from '../../../src/gateway/http/warm-up-pass';
import { LiveHub } from '../../../src/gateway/live/live-hub';
import { CursorCodec } from '../../../src/gateway/pagination/cursor';

/** The warm-up's pass: its secret is looked at once, at authentication; what it marked stays marked. */
const client = () => new FSxClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const served = FsxRegions.single('us-east-1', client());
const scratch = FsxRegions.single('us-east-1', client());
const deps = { fsx: served, cursors: new CursorCodec('x'), live: new LiveHub(served, { pollIntervalMs: 60_000 }) };
const reader: Principal = { id: 'reader', scopes: new Set(['backups:read']) };
const authenticate = async (headers: Record<string, unknown>) => {
  if (headers['x-api-key'] !== 'key') throw new Error('401');
  return reader;
};
/** Which FSx a context reaches: its backups service's client. */
const fsxOf = (context: ReturnType<WarmUpPass['context']>) => (context.backups.in() as unknown as { fsx: FSxClient }).fsx;

afterAll(() => deps.live.stop());

test("with a scratch FSx, the warm-up's requests are anyone on the scratch FSx, unlogged and uncharged, even once it is over", async () => {
  const pass = new WarmUpPass(deps, scratch);
  const principal = await pass.authenticate(authenticate)(pass.headers);
  expect(principal).toEqual(ANONYMOUS);
  await pass.close();
  // Built after the warm-up ended (a slow body): still the scratch FSx, never the served one as anyone.
  const context = pass.context(principal, 'r1');
  expect(context.warmUp).toBe(true);
  expect(fsxOf(context)).toBe(scratch.client());
});

test('once it is over, its secret means nothing: credentials are required again', async () => {
  const pass = new WarmUpPass(deps, scratch);
  const { headers } = pass;
  await pass.close();
  expect(pass.headers).toEqual({});
  await expect(pass.authenticate(authenticate)(headers)).rejects.toThrow('401');
  const principal = await pass.authenticate(authenticate)({ ...headers, 'x-api-key': 'key' });
  expect(principal).toBe(reader);
  expect(pass.context(principal, 'r2').warmUp).toBeUndefined();
  expect(fsxOf(pass.context(principal, 'r2'))).toBe(served.client());
});

test('a guessed secret is nothing', async () => {
  const pass = new WarmUpPass(deps, scratch);
  await expect(pass.authenticate(authenticate)({ [WARM_UP_HEADER]: 'guess' })).rejects.toThrow('401');
  await pass.close();
});

test('without a scratch FSx, the credentials decide; the requests are still unlogged and uncharged', async () => {
  const pass = new WarmUpPass(deps);
  await expect(pass.authenticate(authenticate)(pass.headers)).rejects.toThrow('401');
  const principal = await pass.authenticate(authenticate)({ ...pass.headers, 'x-api-key': 'key' });
  expect(principal).toEqual(reader);
  expect(principal).not.toBe(reader); // marked: a copy
  const context = pass.context(principal, 'r3');
  expect(context.warmUp).toBe(true);
  expect(fsxOf(context)).toBe(served.client());
  await pass.close();
});

import { DEMO } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';

/** Query.viewer: what the caller may do, as the gateway sees its credentials (the console offers only that). */
describe('viewer', () => {
  const keys = testApiKeys({
    reader: { scopes: ['backups:read', 'openid'] },
    limited: { scopes: ['backups:write', 'backups:read'], fileSystemIds: [DEMO.fileSystems.windows, DEMO.fileSystems.openzfs] },
    nothing: { scopes: [] },
  });
  let open: TestGateway;
  let keyed: TestGateway;
  beforeAll(async () => {
    open = await startTestGateway();
    keyed = await startTestGateway({}, keys.env);
  });
  afterAll(async () => {
    await open?.stop();
    await keyed?.stop();
  });
  const viewer = (t: TestGateway, key?: string) =>
    t.gql('{ viewer { scopes fileSystemIds } }', undefined, key ? { 'x-api-key': keys.keyOf(key as 'reader') } : {});

  test('AUTH_MODE=none: every scope, no file-system limit, and no FSx call', async () => {
    open.emulator.calls.clear();
    const res = await viewer(open);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.viewer.fileSystemIds).toBeNull();
    expect(res.body.data.viewer.scopes).toEqual(expect.arrayContaining(['backups:read', 'backups:write', 'backups:restore']));
    expect(open.calls()).toBe(0);
  });

  test("an API key's own scopes of this API (others left out) and its file systems", async () => {
    expect((await viewer(keyed, 'reader')).body.data.viewer).toEqual({ scopes: ['backups:read'], fileSystemIds: null });
    expect((await viewer(keyed, 'limited')).body.data.viewer).toEqual({
      scopes: ['backups:read', 'backups:write'],
      fileSystemIds: [DEMO.fileSystems.windows, DEMO.fileSystems.openzfs].sort(),
    });
  });

  test('needs no scope, only credentials', async () => {
    expect((await viewer(keyed, 'nothing')).body).toEqual({ data: { viewer: { scopes: [], fileSystemIds: null } } });
    expect((await viewer(keyed)).status).toBe(401);
  });
});

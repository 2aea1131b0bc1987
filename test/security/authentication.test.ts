import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type KeyLike, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { createHash } from 'node:crypto';
import { type TestGateway, startTestGateway } from '../support/gateway';

/** Each AUTH_MODE end to end over HTTP: 401 UNAUTHENTICATED before any resolver (and any FSx call). */
const QUERY = '{ fileSystems(first: 1) { __typename } }';

const post = (t: TestGateway, headers: Record<string, string>, query = QUERY) => t.gql(query, undefined, headers);

async function expectUnauthenticated(t: TestGateway, headers: Record<string, string>, message: RegExp) {
  t.emulator.calls.clear();
  const res = await post(t, headers);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer');
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } }]);
  expect(t.calls()).toBe(0);
}

describe('AUTH_MODE=jwt with a PEM public key (RS256)', () => {
  let t: TestGateway;
  let sign: (
    claims: Record<string, unknown>,
    options?: { expiresIn?: string | number; audience?: string; issuer?: string; key?: KeyLike | Uint8Array; alg?: string },
  ) => Promise<string>;
  let otherKey: KeyLike;
  let signingKey: KeyLike;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    signingKey = privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    sign = (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: o.alg ?? 'RS256' })
        .setSubject('user-1')
        .setIssuer(o.issuer ?? 'https://idp.example.com/')
        .setAudience(o.audience ?? 'fsx-backup-graph')
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? '5m')
        .sign(o.key ?? privateKey);
    t = await startTestGateway(
      {},
      {
        AUTH_MODE: 'jwt',
        JWT_PUBLIC_KEY: await exportSPKI(publicKey),
        JWT_ISSUER: 'https://idp.example.com/',
        JWT_AUDIENCE: 'fsx-backup-graph',
        JWT_CLOCK_TOLERANCE_S: '5',
      },
    );
  });
  afterAll(() => t.stop());

  test('a valid token with the read scope is served', async () => {
    const res = await post(t, { authorization: `Bearer ${await sign({ scope: 'backups:read' })}` });
    expect(res.status).toBe(200);
    expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
  });

  test('scopes may also come as an scp array', async () => {
    const res = await post(t, { authorization: `Bearer ${await sign({ scp: ['backups:read'] })}` });
    expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
  });

  test('no token', () => expectUnauthenticated(t, {}, /bearer token is required/));
  test('a token expired beyond the clock tolerance', async () =>
    expectUnauthenticated(
      t,
      { authorization: `Bearer ${await sign({ scope: 'backups:read' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}` },
      /expired/,
    ));
  test('a token expired within the clock tolerance is still accepted', async () => {
    const res = await post(t, {
      authorization: `Bearer ${await sign({ scope: 'backups:read' }, { expiresIn: Math.floor(Date.now() / 1000) - 2 })}`,
    });
    expect(res.status).toBe(200);
  });
  test('a token signed by another key', async () =>
    expectUnauthenticated(t, { authorization: `Bearer ${await sign({ scope: 'backups:read' }, { key: otherKey })}` }, /signature/));
  test('a token for another audience', async () =>
    expectUnauthenticated(
      t,
      { authorization: `Bearer ${await sign({ scope: 'backups:read' }, { audience: 'someone-else' })}` },
      /aud claim/,
    ));
  test('a token from another issuer', async () =>
    expectUnauthenticated(
      t,
      { authorization: `Bearer ${await sign({ scope: 'backups:read' }, { issuer: 'https://evil.example.com/' })}` },
      /iss claim/,
    ));
  test('an unsigned (alg: none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'x',
        scope: 'backups:read backups:write',
        iss: 'https://idp.example.com/',
        aud: 'fsx-backup-graph',
        exp: 9999999999,
      }),
    ).toString('base64url');
    await expectUnauthenticated(t, { authorization: `Bearer ${header}.${payload}.` }, /algorithm|malformed|verified/);
  });
  test('garbage', () => expectUnauthenticated(t, { authorization: 'Bearer not.a.jwt' }, /malformed|verified/));
  test('a token without a subject: every caller must be named (logs, audit, CloudTrail)', async () => {
    const anonymous = await new SignJWT({ scope: 'backups:read' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://idp.example.com/')
      .setAudience('fsx-backup-graph')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signingKey);
    await expectUnauthenticated(t, { authorization: `Bearer ${anonymous}` }, /no sub claim/);
  });
  test('a file system limit that is not a list of ids', async () =>
    expectUnauthenticated(
      t,
      { authorization: `Bearer ${await sign({ scope: 'backups:read', fsx_file_system_ids: 'fs-0a1b2c3d4e5f60001' })}` },
      /claim must be an array/,
    ));
  test('an account limit (fsx_accounts): only those accounts; another is refused as not served; a malformed claim is 401', async () => {
    const token = (accounts: unknown) => sign({ scope: 'backups:read', fsx_accounts: accounts });
    const own = t.emulator.accountId;
    const mine = await post(
      t,
      { authorization: `Bearer ${await token([own])}` },
      '{ accounts { accountId } fileSystems(first: 1) { __typename } }',
    );
    expect(mine.body.data).toEqual({ accounts: [{ accountId: own }], fileSystems: { __typename: 'FileSystemConnection' } });
    t.emulator.calls.clear();
    const other = await post(
      t,
      { authorization: `Bearer ${await token(['111111111111'])}` },
      '{ accounts { accountId } fileSystems(first: 1) { __typename ... on InvalidInput { fieldErrors { constraint } } } }',
    );
    expect(other.body.data).toEqual({
      accounts: [],
      fileSystems: { __typename: 'InvalidInput', fieldErrors: [{ constraint: 'isServedAccount' }] },
    });
    expect(t.calls()).toBe(0);
    await expectUnauthenticated(t, { authorization: `Bearer ${await token('111111111111')}` }, /fsx_accounts claim must be an array/);
    await expectUnauthenticated(t, { authorization: `Bearer ${await token(['team-a'])}` }, /12-digit AWS account ids/);
  });
  test('the GraphiQL page and health checks need no credentials', async () => {
    const base = t.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('AUTH_MODE=jwt with a JWKS URL', () => {
  let t: TestGateway;
  let jwks: http.Server;
  let token: string;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    t = await startTestGateway(
      {},
      {
        AUTH_MODE: 'jwt',
        JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
        JWT_ISSUER: 'https://idp.example.com/',
        JWT_AUDIENCE: 'fsx',
      },
    );
    token = await new SignJWT({ scope: 'backups:read' })
      .setSubject('user-1')
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://idp.example.com/')
      .setAudience('fsx')
      .setExpirationTime('5m')
      .sign(privateKey);
  });
  afterAll(async () => {
    await t.stop();
    jwks.close();
  });

  test('verifies against the key set it fetched', async () => {
    const res = await post(t, { authorization: `Bearer ${token}` });
    expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
  });
  test('an unknown key id is refused', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const other = await new SignJWT({ scope: 'backups:read' })
      .setSubject('user-1')
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .setIssuer('https://idp.example.com/')
      .setAudience('fsx')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expectUnauthenticated(t, { authorization: `Bearer ${other}` }, /unknown key/);
  });
});

describe('AUTH_MODE=jwt with an HS256 secret', () => {
  test('accepts tokens signed with the secret, refuses RS256-looking tricks', async () => {
    const secret = 's'.repeat(40);
    const t = await startTestGateway({}, { AUTH_MODE: 'jwt', JWT_SECRET: secret, JWT_ISSUER: 'me', JWT_AUDIENCE: 'you' });
    try {
      const good = await new SignJWT({ scope: 'backups:read' })
        .setSubject('user-1')
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('me')
        .setAudience('you')
        .setExpirationTime('1m')
        .sign(new TextEncoder().encode(secret));
      expect((await post(t, { authorization: `Bearer ${good}` })).status).toBe(200);
      const hs512 = await new SignJWT({ scope: 'backups:read' })
        .setSubject('user-1')
        .setProtectedHeader({ alg: 'HS512' })
        .setIssuer('me')
        .setAudience('you')
        .setExpirationTime('1m')
        .sign(new TextEncoder().encode(secret));
      await expectUnauthenticated(t, { authorization: `Bearer ${hs512}` }, /algorithm/);
    } finally {
      await t.stop();
    }
  });
});

describe('AUTH_MODE=apikey', () => {
  const key = 'fsxg_test-key-with-enough-entropy-0123456789';
  let t: TestGateway;
  beforeAll(async () => {
    const keys = [{ id: 'dashboard', sha256: createHash('sha256').update(key).digest('hex'), scopes: ['backups:read'] }];
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(keys) });
  });
  afterAll(() => t.stop());

  test('x-api-key and Authorization: ApiKey both work', async () => {
    expect((await post(t, { 'x-api-key': key })).body.data.fileSystems.__typename).toBe('FileSystemConnection');
    expect((await post(t, { authorization: `ApiKey ${key}` })).body.data.fileSystems.__typename).toBe('FileSystemConnection');
  });
  test('no key', () => expectUnauthenticated(t, {}, /API key is required/));
  test('a wrong key', () => expectUnauthenticated(t, { 'x-api-key': `${key}x` }, /not valid/));
  test('a bearer token is not an API key', () => expectUnauthenticated(t, { authorization: `Bearer ${key}` }, /API key is required/));
});

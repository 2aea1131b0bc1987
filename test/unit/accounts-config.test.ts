import { loadConfig } from '../../src/config';
import { FsxCaller, FsxPlaces } from '../../src/gateway/fsx/fsx-places';
import { Place } from '../../src/gateway/fsx/place';
import { sourceIdentityOf } from '../../src/gateway/fsx/source-identity';
import { testApiKeys } from '../support/api-keys';

const ROLE = 'arn:aws:iam::111111111111:role/fsx-backup-graph';
const accounts = (value: unknown) => ({ FSX_ACCOUNTS: JSON.stringify(value) });

describe('FSX_ACCOUNTS and attribution settings', () => {
  test('defaults: the gateway’s own account; attribution on with authentication, off without; 1000 cached credentials', () => {
    expect(loadConfig({}).accounts).toEqual({ accounts: undefined, sourceIdentity: 'off', roleArn: undefined, credentialsCacheSize: 1000 });
    const keys = testApiKeys({ ops: { scopes: ['backups:read'] } });
    expect(loadConfig(keys.env).accounts.sourceIdentity).toBe('principal');
    expect(loadConfig({ ...keys.env, FSX_SOURCE_IDENTITY: 'off' }).accounts.sourceIdentity).toBe('off');
  });

  test('an account list: names default to the id, regions to the gateway’s (resolved at start), roles and external ids kept', () => {
    const config = loadConfig({
      ...accounts([
        { accountId: '111111111111', roleArn: ROLE, externalId: 'ext-1', name: 'team-a', regions: ['eu-west-1'] },
        { accountId: '222222222222' },
      ]),
      FSX_ROLE_ARN: 'arn:aws:iam::222222222222:role/attributed',
      FSX_CREDENTIALS_CACHE_SIZE: '50',
    });
    expect(config.accounts).toEqual({
      accounts: [
        { accountId: '111111111111', name: 'team-a', roleArn: ROLE, externalId: 'ext-1', regions: ['eu-west-1'] },
        { accountId: '222222222222', name: '222222222222' },
      ],
      sourceIdentity: 'off',
      roleArn: 'arn:aws:iam::222222222222:role/attributed',
      credentialsCacheSize: 50,
    });
  });

  test.each([
    [accounts({}), 'FSX_ACCOUNTS must be a JSON array of 1–50 accounts'],
    [accounts([]), 'FSX_ACCOUNTS must be a JSON array of 1–50 accounts'],
    [accounts([{ accountId: '1' }]), 'FSX_ACCOUNTS[0] needs "accountId": 12 digits'],
    [accounts([{ accountId: '111111111111' }, { accountId: '111111111111' }]), 'FSX_ACCOUNTS[1] lists account 111111111111 a second time'],
    [accounts([{ accountId: '111111111111', role: ROLE }]), 'FSX_ACCOUNTS[0] has an unknown key "role"'],
    [accounts([{ accountId: '111111111111', roleArn: 'fsx-backup-graph' }]), 'FSX_ACCOUNTS[0].roleArn must be an IAM role ARN'],
    [
      accounts([{ accountId: '222222222222', roleArn: ROLE }]),
      'FSX_ACCOUNTS[0].roleArn is a role of account 111111111111, not of 222222222222',
    ],
    [accounts([{ accountId: '111111111111', externalId: 'x' }]), 'FSX_ACCOUNTS[0].externalId must be 2–1224 characters'],
    [accounts([{ accountId: '111111111111', regions: [] }]), 'FSX_ACCOUNTS[0].regions must be a non-empty array'],
    [
      accounts([{ accountId: '111111111111', regions: ['mars-1'] }]),
      'FSX_ACCOUNTS[0].regions must list regions such as us-east-1 (got "mars-1")',
    ],
    [
      accounts(Array.from({ length: 51 }, (_, i) => ({ accountId: String(i).padStart(12, '1') }))),
      'FSX_ACCOUNTS must be a JSON array of 1–50',
    ],
    [{ FSX_ACCOUNTS: 'no-such-file.json' }, 'FSX_ACCOUNTS cannot be read'],
    [{ FSX_SOURCE_IDENTITY: 'principal' }, 'FSX_SOURCE_IDENTITY cannot be principal with AUTH_MODE=none'],
    [{ FSX_SOURCE_IDENTITY: 'person' }, 'FSX_SOURCE_IDENTITY must be one of principal, off'],
    [{ FSX_ROLE_ARN: 'arn:aws:iam::1:role/x' }, 'FSX_ROLE_ARN must be an IAM role ARN'],
    [
      { ...accounts([{ accountId: '111111111111', roleArn: ROLE }]), FSX_ROLE_ARN: 'arn:aws:iam::111111111111:role/other' },
      'FSX_ROLE_ARN names account 111111111111, which is not an account of FSX_ACCOUNTS without a roleArn',
    ],
    [{ FSX_CREDENTIALS_CACHE_SIZE: '0' }, 'FSX_CREDENTIALS_CACHE_SIZE must be between 1 and 1000000'],
  ])('%j is refused at start-up', (env, message) => expect(() => loadConfig(env)).toThrow(message));

  test('an API key limited to accounts: only account ids, and only accounts FSX_ACCOUNTS serves', () => {
    const limited = testApiKeys({ ops: { scopes: ['backups:read'], accounts: ['111111111111'] } });
    expect(loadConfig({ ...limited.env, ...accounts([{ accountId: '111111111111' }]) }).auth).toMatchObject({
      keys: [{ id: 'ops', accounts: ['111111111111'] }],
    });
    expect(() => loadConfig({ ...limited.env, ...accounts([{ accountId: '222222222222' }]) })).toThrow(
      'API_KEYS[0].accounts names account 111111111111, which FSX_ACCOUNTS does not serve',
    );
    const bad = testApiKeys({ ops: { scopes: ['backups:read'], accounts: ['team-a'] } });
    expect(() => loadConfig(bad.env)).toThrow('API_KEYS[0] "accounts" must be an array of 12-digit AWS account ids');
  });

  test('JWT_ACCOUNTS_CLAIM names the claim that limits a token to accounts (default fsx_accounts)', () => {
    const jwt = { AUTH_MODE: 'jwt', JWT_SECRET: 's'.repeat(32), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(loadConfig(jwt).auth).toMatchObject({ accountsClaim: 'fsx_accounts' });
    expect(loadConfig({ ...jwt, JWT_ACCOUNTS_CLAIM: 'aws_accounts' }).auth).toMatchObject({ accountsClaim: 'aws_accounts' });
  });
});

describe('STS SourceIdentity of a principal', () => {
  test.each([
    ['ops', 'ops'],
    ['dashboard-ci', 'dashboard-ci'],
    ['alice@example.com', 'alice@example.com'],
    ['a+b=c,d.e@f-g_h', 'a+b=c,d.e@f-g_h'],
  ])('%s is kept as it is', (id, expected) => expect(sourceIdentityOf(id)).toBe(expected));

  test('any other id is made to fit, distinctly: other characters replaced, cut, and a hash of the id appended', () => {
    const fits = /^[\w+=,.@-]{2,64}$/;
    for (const id of ['auth0|alice', 'a', '', 'x'.repeat(65), 'aws:admin', 'ünïcödé user', '|'.repeat(200)]) {
      const mapped = sourceIdentityOf(id);
      expect(mapped).toMatch(fits);
      expect(mapped.toLowerCase().startsWith('aws:')).toBe(false);
    }
    expect(sourceIdentityOf('auth0|alice')).toMatch(/^auth0_alice\.[0-9a-f]{16}$/);
    expect(sourceIdentityOf('auth0|alice')).toBe(sourceIdentityOf('auth0|alice'));
    expect(sourceIdentityOf('auth0|alice')).not.toBe(sourceIdentityOf('auth0#alice'));
    expect(sourceIdentityOf('x'.repeat(65))).toHaveLength(64);
  });

  test('one-to-one: an id that fits STS but ends like a mapped one is mapped too, never equal to the id it mimics', () => {
    const mapped = sourceIdentityOf('auth0|alice');
    // The literal mapped form of auth0|alice, as an id of its own (an API key named so, a JWT subject).
    expect(mapped).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(sourceIdentityOf(mapped)).not.toBe(mapped);
    expect(sourceIdentityOf(mapped)).toMatch(/^auth0_alice\.[0-9a-f]{16}\.[0-9a-f]{16}$/);
    // A shorter hex tail is no mapped form: kept as it is.
    expect(sourceIdentityOf('build.3f1c9a0e')).toBe('build.3f1c9a0e');
  });
});

describe('the places a caller may use', () => {
  const fsx = new FsxPlaces(
    [
      { accountId: '111111111111', name: 'a', regions: ['us-east-1', 'us-west-2'] },
      { accountId: '222222222222', name: 'b', regions: ['eu-west-1'] },
    ],
    {
      own: () => undefined as never,
      live: () => undefined as never,
      attributed: () => undefined,
      destroy: () => undefined,
    },
  );

  test('defaults: the first account it may use, that account’s first region', () => {
    expect(new FsxCaller(fsx).choose()).toEqual(Place.of('111111111111', 'us-east-1'));
    expect(new FsxCaller(fsx, undefined, new Set(['222222222222'])).choose()).toEqual(Place.of('222222222222', 'eu-west-1'));
    expect((new FsxCaller(fsx).choose('222222222222', 'eu-west-1') as Place).key).toBe('222222222222:eu-west-1');
  });

  test('refusals: an account not served and one not allowed alike; a region not served in the account, with its regions', () => {
    const limited = new FsxCaller(fsx, undefined, new Set(['111111111111']));
    expect(limited.choose('222222222222')).toEqual({ refused: 'account' });
    expect(limited.choose('333333333333')).toEqual({ refused: 'account' });
    expect(new FsxCaller(fsx).choose('222222222222', 'us-east-1')).toEqual({ refused: 'region', served: ['eu-west-1'] });
    expect(new FsxCaller(fsx, undefined, new Set()).choose()).toEqual({ refused: 'account' });
    expect(limited.all().map(String)).toEqual(['111111111111:us-east-1', '111111111111:us-west-2']);
  });

  test('place keys round-trip', () => {
    expect(Place.fromKey('111111111111:us-east-1')).toEqual(Place.of('111111111111', 'us-east-1'));
    expect(Place.fromKey('us-east-1')).toBeUndefined();
  });
});

/**
 * STS on the emulator's endpoint, driven as a real client drives it: the AWS SDK's STS client (AWS
 * query protocol: form-encoded requests, XML answers). Errors must reach the SDK as its exceptions with
 * the right names, which proves the XML error shape.
 */
import { DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import {
  AssumeRoleCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSServiceException,
  type STSClient,
} from '@aws-sdk/client-sts';
import { DEMO_ACCOUNT_ESTATE, ManualClock, type RunningEmulator, startEmulator } from '../../src/emulator';
import { rejection } from '../support/emulator';
import { assumeRole, fsxClientWith, rawStsCall, roleArn, signedAs, stsClientFor } from '../support/emulator-accounts';
import { send } from '../support/http';

const FIRST = '123456789012';
const SECOND = '111111111111';
const THIRD = '222222222222';
const EXTERNAL_ROLE = roleArn(THIRD, 'partner');
const START = Date.UTC(2026, 0, 1);

let emulator: RunningEmulator;
let clock: ManualClock;
let sts: STSClient;
beforeAll(async () => {
  clock = new ManualClock(START);
  emulator = await startEmulator({ accounts: [FIRST, SECOND, THIRD], clock, roleExternalIds: { [EXTERNAL_ROLE]: 'partner-42' } });
  sts = stsClientFor(emulator);
});
afterAll(async () => {
  sts.destroy();
  await emulator.stop();
});
beforeEach(() => {
  clock.set(START);
  emulator.reset();
});

/** The typed exception an STS call rejects with: its name, status, fault and message. */
async function stsError(promise: Promise<unknown>) {
  const e = await rejection(promise);
  expect(e).toBeInstanceOf(STSServiceException);
  return { name: e.name, status: e.$metadata.httpStatusCode, fault: e.$fault, message: e.message };
}

describe('GetCallerIdentity', () => {
  it('answers any key the emulator did not issue as the first account`s user', async () => {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: FIRST,
      Arn: `arn:aws:iam::${FIRST}:user/emulator`,
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
    });
    expect(out.$metadata.requestId).toBe(emulator.calls.at(-1)!.requestId);
  });

  it('answers assumed-role credentials as their role session', async () => {
    const credentials = await assumeRole(emulator, { RoleArn: roleArn(SECOND), RoleSessionName: 'alice-session' });
    const out = await stsClientFor(emulator, credentials).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: SECOND,
      Arn: `arn:aws:sts::${SECOND}:assumed-role/fsx-reader/alice-session`,
      UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:alice-session$/),
    });
  });

  it('also answers a GET with the action in the query string', async () => {
    const { UserId } = await sts.send(new GetCallerIdentityCommand({}));
    const res = await send(`${emulator.url}/?Action=GetCallerIdentity&Version=2011-06-15`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/xml');
    expect(res.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        `<UserId>${UserId}</UserId><Account>${FIRST}</Account>` +
        `<Arn>arn:aws:iam::${FIRST}:user/emulator</Arn></GetCallerIdentityResult>` +
        `<ResponseMetadata><RequestId>${res.headers.get('x-amzn-requestid')}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });
});

describe('AssumeRole', () => {
  it('issues credentials for a role of any served account, expiring on the emulator`s clock', async () => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(SECOND, 'ops'), RoleSessionName: 'gw=1,a.b@c-d_e' }));
    expect(out.Credentials).toEqual({
      AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/),
      SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/),
      SessionToken: expect.any(String),
      Expiration: new Date(START + 3600_000),
    });
    expect(out.AssumedRoleUser).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:gw=1,a\.b@c-d_e$/),
      Arn: `arn:aws:sts::${SECOND}:assumed-role/ops/gw=1,a.b@c-d_e`,
    });
    expect(out.SourceIdentity).toBeUndefined();
    // The same role has the same unique id in every session; another role another.
    const again = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(SECOND, 'ops'), RoleSessionName: 'other' }));
    const other = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(THIRD, 'ops'), RoleSessionName: 'other' }));
    const roleId = (s: string) => s.split(':')[0];
    expect(roleId(again.AssumedRoleUser!.AssumedRoleId!)).toBe(roleId(out.AssumedRoleUser!.AssumedRoleId!));
    expect(roleId(other.AssumedRoleUser!.AssumedRoleId!)).not.toBe(roleId(out.AssumedRoleUser!.AssumedRoleId!));
    expect(again.Credentials!.AccessKeyId).not.toBe(out.Credentials!.AccessKeyId);
  });

  it('takes DurationSeconds from 900 to 43200, a role path, and SourceIdentity', async () => {
    const short = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(FIRST), RoleSessionName: 'short', DurationSeconds: 900 }));
    expect(short.Credentials!.Expiration).toEqual(new Date(START + 900_000));
    const long = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${THIRD}:role/team/fsx/auditor`,
        RoleSessionName: 'long',
        DurationSeconds: 43200,
        SourceIdentity: 'alice@example.com',
      }),
    );
    expect(long.Credentials!.Expiration).toEqual(new Date(START + 43_200_000));
    expect(long.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${THIRD}:assumed-role/auditor/long`);
    expect(long.SourceIdentity).toBe('alice@example.com');
  });

  it.each([
    ['an account the emulator does not serve', { RoleArn: roleArn('999999999999') }],
    ['an ARN that is no role', { RoleArn: `arn:aws:iam::${SECOND}:user/fsx-reader` }],
    ['a role name that breaks IAM`s pattern', { RoleArn: `arn:aws:iam::${SECOND}:role/<script>&` }],
    ['a role requiring an ExternalId, without it', { RoleArn: EXTERNAL_ROLE }],
    ['a role requiring an ExternalId, with another', { RoleArn: EXTERNAL_ROLE, ExternalId: 'partner-43' }],
  ])('AccessDenied (403) for %s', async (_case, params) => {
    expect(await stsError(assumeRole(emulator, params))).toEqual({
      name: 'AccessDenied',
      status: 403,
      fault: 'client',
      message: `User: arn:aws:iam::${FIRST}:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${params.RoleArn}`,
    });
  });

  it('an ExternalId is checked only where a role requires one', async () => {
    await expect(assumeRole(emulator, { RoleArn: EXTERNAL_ROLE, ExternalId: 'partner-42' })).resolves.toBeDefined();
    await expect(assumeRole(emulator, { RoleArn: roleArn(THIRD), ExternalId: 'anything:goes/here' })).resolves.toBeDefined();
  });

  const constraint = (member: string, value: string, text: string) =>
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${text}`;
  it.each([
    [{ RoleSessionName: 's' }, constraint('roleSessionName', 's', 'Member must have length greater than or equal to 2')],
    [
      { RoleSessionName: 'x'.repeat(65) },
      constraint('roleSessionName', 'x'.repeat(65), 'Member must have length less than or equal to 64'),
    ],
    [
      { RoleSessionName: 'has space' },
      constraint('roleSessionName', 'has space', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'),
    ],
    [{ SourceIdentity: 'a' }, constraint('sourceIdentity', 'a', 'Member must have length greater than or equal to 2')],
    [{ SourceIdentity: 'a/b' }, constraint('sourceIdentity', 'a/b', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*')],
    [{ SourceIdentity: 'aws:me' }, "SourceIdentity 'aws:me' cannot start with the reserved prefix 'aws:'."],
    [{ ExternalId: 'x' }, constraint('externalId', 'x', 'Member must have length greater than or equal to 2')],
    [{ DurationSeconds: 899 }, constraint('durationSeconds', '899', 'Member must have value greater than or equal to 900')],
    [{ DurationSeconds: 43201 }, constraint('durationSeconds', '43201', 'Member must have value less than or equal to 43200')],
    [
      { RoleArn: 'arn:aws:iam::1:role' },
      constraint('roleArn', 'arn:aws:iam::1:role', 'Member must have length greater than or equal to 20'),
    ],
  ])('ValidationError (400) for %j', async (params, message) => {
    expect(await stsError(assumeRole(emulator, { RoleArn: roleArn(SECOND), ...params }))).toEqual({
      name: 'ValidationError',
      status: 400,
      fault: 'client',
      message,
    });
  });

  it('names every broken member in one ValidationError', async () => {
    const err = await stsError(assumeRole(emulator, { RoleArn: roleArn(SECOND), RoleSessionName: 'a', DurationSeconds: 60 }));
    expect(err.message).toBe(
      "2 validation errors detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });
});

describe('role chaining', () => {
  it('works with STS-issued credentials; the chained session keeps its SourceIdentity', async () => {
    const first = await assumeRole(emulator, { RoleArn: roleArn(SECOND, 'hop'), RoleSessionName: 'hop1', SourceIdentity: 'carol' });
    const firstSts = stsClientFor(emulator, first);
    const chained = await firstSts.send(new AssumeRoleCommand({ RoleArn: roleArn(THIRD, 'target'), RoleSessionName: 'hop2' }));
    expect(chained.SourceIdentity).toBe('carol');
    expect(chained.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${THIRD}:assumed-role/target/hop2`);
    const same = await firstSts.send(new AssumeRoleCommand({ RoleArn: roleArn(THIRD), RoleSessionName: 'hop2', SourceIdentity: 'carol' }));
    expect(same.SourceIdentity).toBe('carol');
    // A chained session lasts at most an hour (AWS's role-chaining limit).
    expect(
      await stsError(firstSts.send(new AssumeRoleCommand({ RoleArn: roleArn(THIRD), RoleSessionName: 'long', DurationSeconds: 3601 }))),
    ).toMatchObject({ name: 'ValidationError', status: 400 });
    // A SourceIdentity cannot be changed down the chain; the caller is named by its assumed-role ARN.
    expect(
      await stsError(firstSts.send(new AssumeRoleCommand({ RoleArn: roleArn(THIRD), RoleSessionName: 'hop2', SourceIdentity: 'mallory' }))),
    ).toEqual({
      name: 'AccessDenied',
      status: 403,
      fault: 'client',
      message: `User: arn:aws:sts::${SECOND}:assumed-role/hop/hop1 is not authorized to perform: sts:SetSourceIdentity on resource: ${roleArn(THIRD)}`,
    });
    // The chained credentials act in the chained role's account, with the inherited SourceIdentity.
    const fsx = fsxClientWith(emulator, {
      accessKeyId: chained.Credentials!.AccessKeyId!,
      secretAccessKey: chained.Credentials!.SecretAccessKey!,
      sessionToken: chained.Credentials!.SessionToken!,
    });
    const { FileSystems } = await fsx.send(new DescribeFileSystemsCommand({}));
    expect(FileSystems!.map((f) => f.FileSystemId)).toEqual(Object.values(DEMO_ACCOUNT_ESTATE(THIRD).fileSystems));
    expect(emulator.calls.at(-1)).toMatchObject({ service: 'fsx', account: THIRD, sourceIdentity: 'carol' });
    firstSts.destroy();
    fsx.destroy();
  });
});

describe('credentials STS refuses', () => {
  it('expired credentials: ExpiredTokenException, the SDK`s own exception class', async () => {
    const credentials = await assumeRole(emulator, { RoleArn: roleArn(SECOND), DurationSeconds: 900 });
    const client = stsClientFor(emulator, credentials);
    clock.advance(900_000 - 1);
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: SECOND });
    clock.advance(1);
    const e = await rejection(client.send(new GetCallerIdentityCommand({})));
    expect(e).toBeInstanceOf(ExpiredTokenException);
    expect(e).toMatchObject({ $metadata: { httpStatusCode: 400 }, message: 'The security token included in the request is expired' });
    client.destroy();
  });

  it('a temporary key the emulator never issued, or an issued key with another session token: InvalidClientTokenId (403)', async () => {
    const credentials = await assumeRole(emulator, { RoleArn: roleArn(SECOND) });
    const unknown = stsClientFor(emulator, { ...credentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' });
    const wrongToken = stsClientFor(emulator, { ...credentials, sessionToken: 'forged' });
    for (const client of [unknown, wrongToken]) {
      expect(await stsError(client.send(new GetCallerIdentityCommand({})))).toEqual({
        name: 'InvalidClientTokenId',
        status: 403,
        fault: 'client',
        message: 'The security token included in the request is invalid.',
      });
      client.destroy();
    }
  });
});

describe('the query protocol', () => {
  it('answers errors as STS does: <ErrorResponse> XML with Type, Code, Message and the request id', async () => {
    const res = await rawStsCall(emulator, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roleArn(SECOND) });
    const requestId = res.headers.get('x-amzn-requestid');
    expect(res.status).toBe(400);
    expect(res.contentType).toBe('text/xml');
    expect(res.text).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ValidationError</Code>' +
        "<Message>1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null</Message>" +
        `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('escapes what it echoes', async () => {
    const res = await rawStsCall(emulator, {
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: `arn:aws:iam::${SECOND}:role/a<b>&"'`,
      RoleSessionName: 'sess',
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain(`on resource: arn:aws:iam::${SECOND}:role/a&lt;b&gt;&amp;"'</Message>`);
  });

  it.each([
    [{ Version: '2011-06-15' }, 'MissingAction', 'The request is missing an action or a required parameter.'],
    [{ Action: 'GetCallerIdentity' }, 'InvalidAction', 'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED'],
    [
      { Action: 'GetCallerIdentity', Version: '2010-01-01' },
      'InvalidAction',
      'Could not find operation GetCallerIdentity for version 2010-01-01',
    ],
    [
      { Action: 'DeleteEverything', Version: '2011-06-15' },
      'InvalidAction',
      'Could not find operation DeleteEverything for version 2011-06-15',
    ],
    [{ Action: 'toString', Version: '2011-06-15' }, 'InvalidAction', 'Could not find operation toString for version 2011-06-15'],
  ])('%j → 400 %s', async (params, code, message) => {
    const res = await rawStsCall(emulator, params);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<Type>Sender</Type><Code>${code}</Code><Message>${message}</Message>`);
  });

  it.each([
    ['garbage', 'MissingAction', Buffer.from([0xff, 0xfe, 0x00, 0x25, 0x26, 0x3d])],
    ['a prototype key as Action', 'InvalidAction', 'Action=__proto__&Version=2011-06-15'],
    [
      'DurationSeconds that is no integer',
      'ValidationError',
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::111111111111:role/x&RoleSessionName=ab&DurationSeconds=1e4',
    ],
    ['a body over 5 MB', 'ValidationError', `Action=GetCallerIdentity&Version=2011-06-15&x=${'y'.repeat(5 * 1024 * 1024)}`],
  ])('a hostile form (%s) is a 400 %s, never a crash', async (_case, code, body) => {
    const res = await send(`${emulator.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<Code>${code}</Code>`);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(FIRST);
  });

  it('an STS action the emulator does not serve is InvalidAction through the SDK too', async () => {
    expect(await stsError(sts.send(new GetSessionTokenCommand({})))).toMatchObject({ name: 'InvalidAction', status: 400 });
  });

  it('a request signed for STS without a form content type is still STS; one with an X-Amz-Target is FSx', async () => {
    const stsSigned = await send(`${emulator.url}/`, {
      method: 'POST',
      headers: signedAs('AKIDEXAMPLE', 'us-east-1', 'sts'),
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(stsSigned.text).toContain(`<Account>${FIRST}</Account>`);
    expect(emulator.calls.at(-1)).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', input: {} });
    // X-Amz-Target wins over a form content type and an STS scope.
    const fsx = await send(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        ...signedAs('AKIDEXAMPLE', 'us-east-1', 'sts'),
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems',
      },
      body: '{}',
    });
    expect(fsx.json.FileSystems).toHaveLength(6);
    expect(emulator.calls.at(-1)).toMatchObject({ service: 'fsx', operation: 'DescribeFileSystems', account: FIRST });
  });

  it('records every STS call with its account, without breaking counts of FSx operations', async () => {
    emulator.calls.clear();
    const credentials = await assumeRole(emulator, { RoleArn: roleArn(SECOND), RoleSessionName: 'logged', SourceIdentity: 'dave' });
    const client = stsClientFor(emulator, credentials);
    await client.send(new GetCallerIdentityCommand({}));
    client.destroy();
    expect(emulator.calls.map((c) => [c.service, c.operation, c.account, c.sourceIdentity])).toEqual([
      ['sts', 'AssumeRole', FIRST, null],
      ['sts', 'GetCallerIdentity', SECOND, 'dave'],
    ]);
    expect(emulator.calls[0].input).toEqual({ RoleArn: roleArn(SECOND), RoleSessionName: 'logged', SourceIdentity: 'dave' });
    expect(emulator.calls.count('DescribeFileSystems')).toBe(0);
    expect(emulator.calls.count('AssumeRole')).toBe(1);
  });
});

import { CreateBackupCommand, DescribeBackupsCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { DEMO, parseFaultSpec } from '../../src/emulator';
import { FaultInjector } from '../../src/emulator/faults';
import { fsxClientFor, HeldLatency, rejection, startTestEmulator, type TestEmulator } from '../support/emulator';

describe('parseFaultSpec', () => {
  it('parses the compact syntax', () => {
    expect(
      parseFaultSpec('CreateBackup:InternalServerError:0.5, DescribeBackups:latency=200,*:ThrottlingException:every=3:times=2'),
    ).toEqual([
      { operation: 'CreateBackup', error: 'InternalServerError', rate: 0.5 },
      { operation: 'DescribeBackups', latencyMs: 200 },
      { operation: '*', error: 'ThrottlingException', every: 3, times: 2 },
    ]);
    expect(parseFaultSpec('DeleteBackup:BackupRestoring:status=409:message=busy')).toEqual([
      { operation: 'DeleteBackup', error: 'BackupRestoring', status: 409, message: 'busy' },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
  });

  it.each(['CreateBackup', 'CreateBackup:latency=abc', 'CreateBackup:Err:rate=2', 'CreateBackup:colour=red', 'X:every=0:Err'])(
    'rejects %s',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow();
    },
  );
});

describe('FaultInjector determinism', () => {
  const firing = async (injector: FaultInjector, n: number) => {
    const out: boolean[] = [];
    for (let i = 0; i < n; i++)
      out.push(
        await injector.apply('Op').then(
          () => false,
          () => true,
        ),
      );
    return out;
  };

  it('every: N fires on the Nth, 2Nth, ... matching call', async () => {
    const injector = new FaultInjector([{ operation: 'Op', error: 'ThrottlingException', every: 3 }]);
    expect(await firing(injector, 7)).toEqual([false, false, true, false, false, true, false]);
  });

  it('rate draws from a seeded PRNG: the same sequence on every set()', async () => {
    const injector = new FaultInjector([{ error: 'InternalServerError', rate: 0.5 }]);
    const first = await firing(injector, 40);
    injector.set([{ error: 'InternalServerError', rate: 0.5 }]);
    const second = await firing(injector, 40);
    expect(second).toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
  });

  it('times caps the number of faults; other operations are not affected', async () => {
    const injector = new FaultInjector([{ operation: 'Op', error: 'InternalServerError', times: 2 }]);
    expect(await firing(injector, 4)).toEqual([true, true, false, false]);
    await expect(injector.apply('Other')).resolves.toBeUndefined();
  });

  it('latency: the firing rules add up, waited on a timer by default, before the error is thrown', async () => {
    jest.useFakeTimers();
    try {
      const injector = new FaultInjector([
        { operation: 'Op', latencyMs: 100 },
        { latencyMs: 50, error: 'ThrottlingException' },
      ]);
      let outcome: string | undefined;
      void injector.apply('Op').then(
        () => (outcome = 'answered'),
        (e: Error) => (outcome = e.name),
      );
      await jest.advanceTimersByTimeAsync(149);
      expect(outcome).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(outcome).toBe('ThrottlingException');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('fault injection over the wire', () => {
  let env: TestEmulator;
  const latency = new HeldLatency();
  beforeAll(async () => {
    env = await startTestEmulator({
      faults: [{ operation: 'DescribeFileSystems', error: 'ThrottlingException', every: 2 }],
      faultSleep: latency.sleep,
    });
  });
  afterAll(() => env.stop());
  afterEach(async () => {
    await latency.release();
    env.emulator.reset();
  });

  it('applies faults given at construction (ThrottlingException is a 400)', async () => {
    await env.client.send(new DescribeFileSystemsCommand({}));
    const err = await rejection(env.client.send(new DescribeFileSystemsCommand({})));
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('InternalServerError is a 500 and a faulted CreateBackup leaves nothing behind, not even its token', async () => {
    env.emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError' }]);
    const err = await rejection(
      env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'faulted' })),
    );
    expect(err.name).toBe('InternalServerError');
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect(err.$fault).toBe('server');
    const { Backups } = await env.client.send(
      new DescribeBackupsCommand({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.openzfs] }] }),
    );
    expect(Backups!.map((b) => b.BackupId)).toEqual([DEMO.backups.openzfsUser]);
    // Calls that got a fault are still recorded.
    expect(env.emulator.calls.count('CreateBackup')).toBe(1);

    env.emulator.faults.clear();
    const ok = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'faulted' }));
    expect(ok.Backup!.Lifecycle).toBe('CREATING');
  });

  it('the SDK retries injected 500s when allowed to: one fault, one retry, success', async () => {
    env.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError', times: 1 }]);
    const retrying = fsxClientFor(env.emulator, 3);
    try {
      const out = await retrying.send(new DescribeBackupsCommand({}));
      expect(out.Backups!.length).toBeGreaterThan(0);
      expect(env.emulator.calls.count('DescribeBackups')).toBe(2);
    } finally {
      retrying.destroy();
    }
  });

  it('adds latency: the call is answered only once its latency is over; other operations are not delayed', async () => {
    env.emulator.faults.set([{ operation: 'DescribeBackups', latencyMs: 150 }]);
    let answered = false;
    const slow = env.client.send(new DescribeBackupsCommand({})).finally(() => (answered = true));
    await latency.arrived(1);
    expect(latency.requested).toEqual([150]);
    // A whole other call goes and comes back while DescribeBackups waits out its latency,
    await env.client.send(new DescribeFileSystemsCommand({}));
    expect(latency.requested).toEqual([150]); // with no latency of its own,
    expect(answered).toBe(false); // and DescribeBackups is still not answered:
    await latency.release(); // it is once its latency is over.
    expect((await slow).Backups!.length).toBeGreaterThan(0);
    expect(answered).toBe(true);
  });

  it('any code can be injected; unknown ones reach the SDK as that name', async () => {
    env.emulator.faults.set([{ operation: 'DescribeBackups', error: 'BackupRestoring', message: 'busy restoring' }]);
    const err = await rejection(env.client.send(new DescribeBackupsCommand({})));
    expect(err.name).toBe('BackupRestoring');
    expect(err.message).toBe('busy restoring');
  });

  it('is steerable through the admin route, in JSON or the compact syntax', async () => {
    const set = await fetch(`${env.emulator.url}/_emulator/faults`, { method: 'POST', body: 'DescribeBackups:ServiceUnavailable' });
    expect(set.status).toBe(200);
    const err = await rejection(env.client.send(new DescribeBackupsCommand({})));
    expect(err.$metadata.httpStatusCode).toBe(503);

    await fetch(`${env.emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify([{ operation: 'DescribeBackups', error: 'InternalServerError' }]),
    });
    expect((await rejection(env.client.send(new DescribeBackupsCommand({})))).name).toBe('InternalServerError');
    const bad = await fetch(`${env.emulator.url}/_emulator/faults`, { method: 'POST', body: 'DescribeBackups' });
    expect(bad.status).toBe(400);

    await fetch(`${env.emulator.url}/_emulator/faults`, { method: 'DELETE' });
    await env.client.send(new DescribeBackupsCommand({}));

    // reset through the admin route clears faults, calls and state.
    env.emulator.faults.set([{ error: 'InternalServerError' }]);
    await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs })).catch(() => undefined);
    const reset = await fetch(`${env.emulator.url}/_emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(env.emulator.calls).toHaveLength(0);
    await env.client.send(new DescribeBackupsCommand({}));
  });
});

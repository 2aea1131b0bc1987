import { DescribeBackupsCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { emulatorConfigFromEnv } from '../../src/emulator';
import { ManualClock } from '../../src/emulator/lifecycle';
import { fsxClientFor, rejection, startTestEmulator } from '../support/emulator';

describe('FSX_EMULATOR_RATE_LIMIT: FSx API throttling per region', () => {
  test('beyond the burst, ThrottlingException (400) as AWS sends it; the bucket refills on the clock', async () => {
    const clock = new ManualClock();
    const test = await startTestEmulator({ clock, rateLimit: { callsPerSecond: 2, burst: 3 } });
    const { emulator, client } = test;
    try {
      for (let i = 0; i < 3; i++) await client.send(new DescribeBackupsCommand({}));
      const throttled = await rejection(client.send(new DescribeFileSystemsCommand({})));
      expect(throttled.name).toBe('ThrottlingException');
      expect(throttled.message).toBe('Rate exceeded');
      expect(throttled.$metadata.httpStatusCode).toBe(400);
      clock.advance(500); // one token back
      await client.send(new DescribeBackupsCommand({}));
      await expect(client.send(new DescribeBackupsCommand({}))).rejects.toThrow('Rate exceeded');
      // Each region has its own budget.
      const west = fsxClientFor(emulator, 1, 'us-west-2');
      await west.send(new DescribeBackupsCommand({}));
      west.destroy();
      // A reset fills every bucket.
      emulator.reset();
      for (let i = 0; i < 3; i++) await client.send(new DescribeBackupsCommand({}));
    } finally {
      await test.stop();
    }
  });

  test('the variable: rate, optional burst (default one second of calls), refused when malformed', () => {
    expect(emulatorConfigFromEnv({ FSX_EMULATOR_RATE_LIMIT: '20' }).rateLimit).toEqual({ callsPerSecond: 20, burst: 20 });
    expect(emulatorConfigFromEnv({ FSX_EMULATOR_RATE_LIMIT: '0.5:4' }).rateLimit).toEqual({ callsPerSecond: 0.5, burst: 4 });
    expect(emulatorConfigFromEnv({}).rateLimit).toBeUndefined();
    for (const bad of ['0', 'fast', '10:0', '-1', '5:2:1'])
      expect(() => emulatorConfigFromEnv({ FSX_EMULATOR_RATE_LIMIT: bad })).toThrow(/FSX_EMULATOR_RATE_LIMIT/);
  });
});

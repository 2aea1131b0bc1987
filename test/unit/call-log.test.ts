import { createCallLog } from '../../src/emulator/call-log';

test('the emulator call log keeps only the most recent calls, so a long-running embedded emulator does not grow', () => {
  const log = createCallLog(3);
  for (let i = 0; i < 5; i++) log.push({ operation: i % 2 ? 'DescribeBackups' : 'CreateBackup', input: { i } });
  expect(log.map((c) => (c.input as { i: number }).i)).toEqual([2, 3, 4]);
  expect(log.count()).toBe(3);
  expect(log.count('CreateBackup')).toBe(2);
  log.clear();
  expect(log.count()).toBe(0);
});

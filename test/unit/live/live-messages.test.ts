import { LIVE_MESSAGE_SERIALIZER, deletedRecord } from '../../../src/gateway/live/backup-state';
import { isEmpty, union } from '../../../src/gateway/live/watch-set';

/** What replicas exchange through Redis: the watch sets they register, the changes they publish. */
describe('watch sets', () => {
  test('the union of several replicas’ watches has each id once, region by region', () => {
    const merged = union([
      { 'us-east-1': { backupIds: ['b1', 'b2'], fileSystemIds: ['fs-1'] } },
      { 'us-east-1': { backupIds: ['b2', 'b3'], fileSystemIds: [] }, 'us-west-2': { backupIds: [], fileSystemIds: ['fs-9'] } },
      {},
    ]);
    expect(merged).toEqual({
      'us-east-1': { backupIds: ['b1', 'b2', 'b3'], fileSystemIds: ['fs-1'] },
      'us-west-2': { backupIds: [], fileSystemIds: ['fs-9'] },
    });
    expect(isEmpty(merged)).toBe(false);
    expect(isEmpty({ 'us-east-1': { backupIds: [], fileSystemIds: [] } })).toBe(true);
    expect(isEmpty({})).toBe(true);
  });
});

describe('live messages', () => {
  test('survive the trip through Redis with their dates still dates', () => {
    const created = new Date('2026-06-01T00:00:00.000Z');
    const message = {
      kind: 'states',
      region: 'us-east-1',
      backups: [{ BackupId: 'b1', Lifecycle: 'CREATING', CreationTime: created, Tags: [] }],
    };
    const back = LIVE_MESSAGE_SERIALIZER.parse(LIVE_MESSAGE_SERIALIZER.stringify(message)) as typeof message;
    expect(back).toEqual(message);
    expect(back.backups[0].CreationTime).toBeInstanceOf(Date);
    // An object that merely has a $date member among others stays an object.
    expect(LIVE_MESSAGE_SERIALIZER.parse('{"a":{"$date":1,"b":2}}')).toEqual({ a: { $date: 1, b: 2 } });
  });

  test('a deleted backup keeps what was last known of it, with lifecycle DELETED', () => {
    expect(deletedRecord('b1')).toEqual({ BackupId: 'b1', Lifecycle: 'DELETED', ProgressPercent: undefined });
    expect(deletedRecord('b1', { BackupId: 'b1', Lifecycle: 'AVAILABLE', ProgressPercent: 100 } as never)).toEqual({
      BackupId: 'b1',
      Lifecycle: 'DELETED',
      ProgressPercent: 100,
    });
  });
});

import { DEMO, ManualClock } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/** A backup FSx fails part-way: the graph shows FAILED with FSx's failure message, and a failed backup cannot be copied. */
let t: TestGateway;
const clock = new ManualClock(Date.parse('2026-06-01T00:00:00Z'));
const DURATION = 10_000;
beforeAll(async () => {
  t = await startTestGateway({ clock, backupDurationMs: DURATION });
  t.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 40, times: 1 }]);
});
afterAll(() => t.stop());

const BACKUP = `query($id: String!) { backup(backupId: $id) { ... on Backup { lifecycle progressPercent failureDetails { message } } } }`;

test('the backup is CREATING until the failure point, then FAILED with failureDetails; it cannot be copied, and can be deleted', async () => {
  const created = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows } });
  const id = created.body.data.createBackup.backup.backupId;
  clock.advance(DURATION * 0.2);
  expect((await t.gql(BACKUP, { id })).body.data.backup).toEqual({ lifecycle: 'CREATING', progressPercent: 20, failureDetails: null });
  clock.advance(DURATION * 0.3);
  const failed = (await t.gql(BACKUP, { id })).body.data.backup;
  expect(failed).toMatchObject({ lifecycle: 'FAILED', failureDetails: { message: expect.any(String) } });
  expect(failed.failureDetails.message.length).toBeGreaterThan(0);

  const copy = await t.gql(
    `mutation($id: String!) { copyBackup(input: { sourceBackupId: $id, destinationRegion: "us-west-2", sourceRegion: "us-east-1" }) { __typename ... on SourceBackupUnavailable { backupId } } }`,
    { id },
  );
  expect(copy.body.data.copyBackup).toEqual({ __typename: 'SourceBackupUnavailable', backupId: id });

  const removed = await t.gql(`mutation($id: String!) { deleteBackup(input: { backupId: $id }) { __typename } }`, { id });
  expect(removed.body.data.deleteBackup).toEqual({ __typename: 'DeleteBackupSuccess' });
});

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DEMO } from '../../src/emulator';
import { composeSupergraph } from '../../src/cli/compose-supergraph';
import { TEAMS_TYPE_DEFS, buildTeamsSchema } from './example/teams-subgraph';
import { type TestGateway, postGraphQL, startTestGateway } from '../support/gateway';

/**
 * Our subgraph composed with a second one (the example teams subgraph, which extends FileSystem and
 * references Backup), served by @apollo/gateway in-process, queried across both in each direction.
 */
let fsx: TestGateway;
let teams: ApolloServer;
let router: ApolloServer;
let routerUrl: string;
let hints: Array<{ message: string }>;

beforeAll(async () => {
  fsx = await startTestGateway();
  teams = new ApolloServer({ schema: buildTeamsSchema() });
  const { url: teamsUrl } = await startStandaloneServer(teams, { listen: { port: 0, host: '127.0.0.1' } });
  const composed = await composeSupergraph(fsx.gateway.url, [{ name: 'teams', url: teamsUrl, typeDefs: TEAMS_TYPE_DEFS }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  hints = composed.hints;
  router = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  ({ url: routerUrl } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } }));
});
afterAll(async () => {
  await router?.stop();
  await teams?.stop();
  await fsx?.stop();
});
beforeEach(() => fsx.emulator.calls.clear());

test('composition succeeds with no hints about our types', () => {
  const ours = /Backup|FileSystem|PageInfo|Tag\b|ErrorResult/;
  expect(hints.filter((h) => ours.test(h.message))).toEqual([]);
});

test('their subgraph → ours: teams with their file systems and last restore-test backups, batched', async () => {
  const res = await postGraphQL(
    routerUrl,
    `{ teams { name
    fileSystems { fileSystemId fileSystemType storageCapacity }
    lastRestoreTest { backupId lifecycle type fileSystem { fileSystemId } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  const hpc = res.body.data.teams.find((t: { name: string }) => t.name === 'hpc');
  expect(hpc.fileSystems.map((f: { fileSystemType: string }) => f.fileSystemType)).toEqual(['LUSTRE', 'LUSTRE', 'LUSTRE']);
  expect(hpc.lastRestoreTest).toMatchObject({ backupId: DEMO.backups.windowsAutomatic, lifecycle: 'AVAILABLE', type: 'AUTOMATIC' });
  // Six file systems and three backups, referenced from three teams: one _entities fetch each, one FSx call each.
  expect(fsx.calls('DescribeFileSystems')).toBe(1);
  expect(fsx.calls('DescribeBackups')).toBe(1);
  expect(fsx.calls()).toBe(2);
});

test('our subgraph → theirs: backups with the owner team of their file system', async () => {
  const res = await postGraphQL(
    routerUrl,
    `{ backups(first: 10) { ... on BackupConnection { edges { node {
    backupId fileSystem { fileSystemId ownerTeam { name } } } } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  const owners = Object.fromEntries(
    res.body.data.backups.edges.map((e: any) => [e.node.backupId, e.node.fileSystem.ownerTeam?.name ?? null]),
  );
  expect(owners[DEMO.backups.windowsUser]).toBe('windows-ops');
  expect(owners[DEMO.backups.openzfsUser]).toBe('storage');
  expect(fsx.calls()).toBe(1);
});

test('ours → theirs → ours: a file system, its owner team, and that team’s restore-test backup', async () => {
  const res = await postGraphQL(
    routerUrl,
    `{ fileSystem(fileSystemId: "${DEMO.fileSystems.openzfs}") { __typename ... on FileSystem {
    fileSystemType ownerTeam { name lastRestoreTest { backupId progressPercent } fileSystems { fileSystemId fileSystemType } } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.fileSystem).toMatchObject({
    __typename: 'FileSystem',
    fileSystemType: 'OPENZFS',
    ownerTeam: {
      name: 'storage',
      lastRestoreTest: { backupId: DEMO.backups.openzfsUser, progressPercent: 100 },
      fileSystems: [
        { fileSystemId: DEMO.fileSystems.ontap, fileSystemType: 'ONTAP' },
        { fileSystemId: DEMO.fileSystems.openzfs, fileSystemType: 'OPENZFS' },
      ],
    },
  });
  // fileSystem (1), then the team's backup and file systems in one _entities request (1 + 1).
  expect(fsx.calls('DescribeFileSystems')).toBe(2);
  expect(fsx.calls('DescribeBackups')).toBe(1);
});

test('typed unions and validation still work through the router', async () => {
  const res = await postGraphQL(
    routerUrl,
    `mutation { createBackup(input: { fileSystemId: "fs-nope" }) { __typename ... on InvalidInput { fieldErrors { path constraint } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.createBackup.__typename).toBe('InvalidInput');
  expect(fsx.calls()).toBe(0);
});

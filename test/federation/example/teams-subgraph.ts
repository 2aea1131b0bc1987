import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { DEMO } from '../../../src/emulator';

/**
 * A small example subgraph owned by "another team": it extends FileSystem with its owner team and
 * references Backup (the last restore test) from its own Team type. the federation tests serve it beside ours
 * behind @apollo/gateway, and `npm run supergraph -- teams <url> test/federation/example/teams-subgraph.graphql`
 * composes it with ours.
 */
export const TEAMS_TYPE_DEFS = gql(readFileSync(join(__dirname, 'teams-subgraph.graphql'), 'utf8'));

const fs = DEMO.fileSystems;
interface TeamRecord {
  name: string;
  fileSystems: string[];
  lastRestoreTest: string;
}

const TEAMS: TeamRecord[] = [
  { name: 'hpc', fileSystems: [fs.lustrePersistent, fs.lustreScratch, fs.lustreS3Linked], lastRestoreTest: DEMO.backups.windowsAutomatic },
  { name: 'windows-ops', fileSystems: [fs.windows], lastRestoreTest: DEMO.backups.windowsUser },
  { name: 'storage', fileSystems: [fs.ontap, fs.openzfs], lastRestoreTest: DEMO.backups.openzfsUser },
];

const teamByName = (name: string) => TEAMS.find((t) => t.name === name);
const teamOf = (fileSystemId: string) => TEAMS.find((t) => t.fileSystems.includes(fileSystemId));

export function buildTeamsSchema(): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: TEAMS_TYPE_DEFS,
    resolvers: {
      Query: { teams: () => TEAMS },
      Team: {
        __resolveReference: (ref: { name: string }) => teamByName(ref.name) ?? null,
        fileSystems: (team: TeamRecord) => team.fileSystems.map((fileSystemId) => ({ fileSystemId })),
        lastRestoreTest: (team: TeamRecord) => ({ backupId: team.lastRestoreTest }),
      },
      FileSystem: {
        __resolveReference: (ref: { fileSystemId: string }) => ref,
        ownerTeam: (ref: { fileSystemId: string }) => teamOf(ref.fileSystemId) ?? null,
      },
    },
  });
}

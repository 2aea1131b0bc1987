import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { DEMO } from '../../../emulator/demo-estate';

/**
 * A small example subgraph owned by "another team": it extends FileSystem with its owner team and
 * references Backup (the last restore test) from its own Team type. `npm run supergraph` composes it
 * with ours; the federation tests serve both behind @apollo/gateway.
 */
export const TEAMS_TYPE_DEFS = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Team @key(fields: "name") {
    name: String!
    fileSystems: [FileSystem!]!
    "The backup this team last restored in a drill."
    lastRestoreTest: Backup
  }

  type FileSystem @key(fields: "fileSystemId") {
    fileSystemId: String!
    ownerTeam: Team
  }

  type Backup @key(fields: "backupId", resolvable: false) {
    backupId: String!
  }

  type Query {
    teams: [Team!]!
  }
`;

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
    } as never,
  });
}

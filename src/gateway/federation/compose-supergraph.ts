import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import gql from 'graphql-tag';
import { buildGatewaySchemas, printGatewaySchema } from '../schema';
import { TEAMS_TYPE_DEFS } from './example/teams-subgraph';

/**
 * `npm run supergraph`: composes this subgraph with the example teams subgraph (Federation 2,
 * @apollo/composition, as rover would) and prints the supergraph SDL, or the composition errors.
 * URLs: FSX_SUBGRAPH_URL (default http://localhost:4000/graphql) and TEAMS_SUBGRAPH_URL.
 */
export async function composeWithExample(urls = { fsx: 'http://localhost:4000/graphql', teams: 'http://localhost:4001/graphql' }) {
  const { served } = await buildGatewaySchemas();
  return composeServices([
    { name: 'fsx-backups', url: urls.fsx, typeDefs: gql(printGatewaySchema(served)) },
    { name: 'teams', url: urls.teams, typeDefs: TEAMS_TYPE_DEFS },
  ]);
}

if (require.main === module) {
  composeWithExample({
    fsx: process.env.FSX_SUBGRAPH_URL ?? 'http://localhost:4000/graphql',
    teams: process.env.TEAMS_SUBGRAPH_URL ?? 'http://localhost:4001/graphql',
  }).then((result) => {
    if (result.errors) {
      for (const error of result.errors) console.error(error.message);
      process.exit(1);
    }
    for (const hint of result.hints) console.error(`hint: ${hint.definition.code}: ${hint.message}`);
    process.stdout.write(result.supergraphSdl);
  });
}

import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import gql from 'graphql-tag';
import { buildGatewaySchemas, printGatewaySchema } from '../gateway/schema';

/** Another team's subgraph: its name, where the router reaches it, and its SDL. */
export type Subgraph = Parameters<typeof composeServices>[0][number];

/** Composes this subgraph (served at `url`) with others (Federation 2, @apollo/composition, as rover would). */
export async function composeSupergraph(url: string, others: Subgraph[]) {
  const { served } = await buildGatewaySchemas();
  return composeServices([{ name: 'fsx-backups', url, typeDefs: gql(printGatewaySchema(served)) }, ...others]);
}

/**
 * `npm run supergraph -- [<name> <routing-url> <sdl-file>]...`: prints the supergraph SDL of this
 * subgraph and the ones given, or the composition errors. This subgraph's routing URL is
 * FSX_SUBGRAPH_URL (default http://localhost:4000/graphql).
 */
async function main(args: string[]): Promise<void> {
  if (args.length % 3 !== 0) {
    console.error('usage: npm run supergraph -- [<name> <routing-url> <sdl-file>]...');
    process.exit(2);
  }
  const others: Subgraph[] = [];
  for (let i = 0; i < args.length; i += 3) {
    others.push({ name: args[i], url: args[i + 1], typeDefs: gql(readFileSync(args[i + 2], 'utf8')) });
  }
  const result = await composeSupergraph(process.env.FSX_SUBGRAPH_URL ?? 'http://localhost:4000/graphql', others);
  if (result.errors) {
    for (const error of result.errors) console.error(error.message);
    process.exit(1);
  }
  for (const hint of result.hints) console.error(`hint: ${hint.definition.code}: ${hint.message}`);
  process.stdout.write(result.supergraphSdl);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

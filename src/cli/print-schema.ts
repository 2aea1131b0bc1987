import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGatewaySchema, printGatewaySchema } from '../gateway/schema';

/** `npm run schema`: regenerates the committed schema.graphql from the code. */
async function main(): Promise<void> {
  const target = join(__dirname, '..', '..', 'schema.graphql'); // from dist/cli/ (or src/cli/) to the repository root
  writeFileSync(target, printGatewaySchema(await buildGatewaySchema()));
  console.log(`wrote ${target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

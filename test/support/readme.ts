import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of every ```graphql block of the README, in the order shown. */
export function readmeGraphqlBlocks(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
}

import { AccountCredentialsUnavailable } from './assumed-roles';

/**
 * A lookup by id in one place (a `reference`: node(id:), federation entities, a source backup), where
 * an account the gateway cannot act in (STS refused its role, or did not answer) has nothing to find:
 * null, so a caller trying place after place goes on to the next, and no STS failure escapes as an
 * untyped GraphQL error. Not logged here: assumed-roles.ts logged the failure once, with its detail.
 */
export async function foundHere<T>(lookup: Promise<T | null>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AccountCredentialsUnavailable) return null;
    throw error;
  }
}

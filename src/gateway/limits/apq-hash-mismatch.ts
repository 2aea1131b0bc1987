import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH';

/** Apollo's message for an APQ whose extensions.persistedQuery.sha256Hash is not the sha256 of its query. */
const MISMATCH_MESSAGE = 'provided sha does not match query';

/**
 * Apollo answers an APQ whose hash does not match its text with HTTP 400 and an error without a code,
 * which its formatting then calls INTERNAL_SERVER_ERROR: masked as "Internal server error" in
 * production and logged as a failure of the gateway. It is the client's mistake: the error gets a code
 * of its own (as PERSISTED_QUERY_NOT_FOUND has) before anything formats or logs it.
 */
export function apqHashMismatchPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) if (isHashMismatch(error)) error.extensions.code = PERSISTED_QUERY_HASH_MISMATCH;
        },
      };
    },
  };
}

const isHashMismatch = (error: GraphQLError): boolean =>
  error instanceof GraphQLError && error.message === MISMATCH_MESSAGE && error.extensions.code === undefined && !error.path;

import { useQuery } from '@apollo/client';
import { ViewerDocument } from '../generated/graphql';

/** The scope that places and lifts legal holds (tagging a backup with the hold tag). */
export const HOLD_SCOPE = 'backups:hold';

/**
 * Whether the caller's credentials grant `scope` (Query.viewer: no FSx call), so the console offers
 * only what the caller may do. False until known: a control appears once allowed, never the reverse.
 */
export function useHasScope(scope: string): boolean {
  const { data } = useQuery(ViewerDocument, { fetchPolicy: 'cache-first' });
  return data?.viewer.scopes.includes(scope) ?? false;
}

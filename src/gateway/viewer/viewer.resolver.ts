import { Ctx, Query, Resolver } from 'type-graphql';
import type { AuthContext } from '../auth/auth-checker';
import { SCOPES } from '../auth/principal';
import { Viewer } from './viewer.types';

const API_SCOPES: readonly string[] = Object.values(SCOPES);

@Resolver()
export class ViewerResolver {
  // No scope needed: any caller the gateway let in may ask what it may do (no FSx call).
  @Query(() => Viewer, {
    description: 'The caller: its scopes and file-system limit, as the gateway sees its credentials. No FSx call; needs no scope.',
  })
  viewer(@Ctx() ctx: AuthContext): Viewer {
    const { scopes, fileSystemIds } = ctx.principal;
    return { scopes: API_SCOPES.filter((scope) => scopes.has(scope)), fileSystemIds: fileSystemIds ? [...fileSystemIds].sort() : null };
  }
}

import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import type { InRegion } from '../fsx/fsx-regions';

/** What the regions resolver reads: the names of the regions the gateway serves. */
export interface RegionContext {
  fileSystems: Pick<InRegion<unknown>, 'names'>;
}

@Resolver()
export class RegionResolver {
  @Authorized(SCOPES.read)
  @Query(() => [String], {
    description:
      'The regions this gateway serves, the default (used when `region` is omitted) first: what a region picker offers. No FSx call. Needs backups:read.',
  })
  regions(@Ctx() ctx: RegionContext): readonly string[] {
    return ctx.fileSystems.names;
  }
}

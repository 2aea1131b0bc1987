import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { Volume } from '../fsx/shapes.generated';
import { inPlace } from '../results/invalid-input';
import { VolumeResult } from '../results/unions';
import { VolumeArgs } from './volume.args';
import type { VolumeContext } from './volume.context';

@Resolver(() => Volume)
export class VolumeResolver {
  @Authorized(SCOPES.read)
  @Query(() => VolumeResult, {
    description:
      'One volume (DescribeVolumes): ONTAP or OpenZFS. Any number of these in one operation cost ⌈n/50⌉ DescribeVolumes calls. Needs backups:read.',
  })
  volume(@Args() { volumeId, region, account }: VolumeArgs, @Ctx() ctx: VolumeContext) {
    return inPlace(ctx.volumes, account, region, [], (volumes) => volumes.get(volumeId));
  }
}

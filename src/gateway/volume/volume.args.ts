import { ArgsType, Field } from 'type-graphql';
import { IsVolumeId } from '../validation/fsx-constraint.decorators';
import { AccountField, RegionField } from '../validation/input-fields';

@ArgsType()
export class VolumeArgs {
  @Field({ description: 'e.g. fsvol-0123456789abcdef0' })
  @IsVolumeId()
  volumeId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}

import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import type { FsxAccount } from '../fsx/accounts';
import type { InPlace } from '../fsx/placed';

/** What the regions and accounts resolvers read: the places the caller may use. */
export interface RegionContext {
  fileSystems: Pick<InPlace<unknown>, 'names' | 'accounts'>;
}

@ObjectType('Account', { simpleResolvers: true, description: 'An AWS account the gateway serves to you (FSX_ACCOUNTS).' })
export class Account {
  @Field({ description: 'The 12-digit account id: what the `account` arguments take.' })
  accountId!: string;

  @Field({ description: 'What a picker shows (FSX_ACCOUNTS name; default: the account id).' })
  name!: string;

  @Field(() => [String], { description: 'The regions served in this account, the default (used when `region` is omitted) first.' })
  regions!: string[];
}

@Resolver()
export class RegionResolver {
  @Authorized(SCOPES.read)
  @Query(() => [String], {
    description:
      'The regions this gateway serves in your default account, the default (used when `region` is omitted) first: what a region picker offers. No FSx call. Needs backups:read.',
  })
  regions(@Ctx() ctx: RegionContext): readonly string[] {
    return ctx.fileSystems.names;
  }

  @Authorized(SCOPES.read)
  @Query(() => [Account], {
    description:
      'The AWS accounts this gateway serves to you (those your credential may use), the default (used when `account` is omitted) first, each with its regions: what an account picker offers. No FSx call. Needs backups:read.',
  })
  accounts(@Ctx() ctx: RegionContext): Account[] {
    return ctx.fileSystems.accounts.map((account: FsxAccount) =>
      Object.assign(new Account(), { accountId: account.accountId, name: account.name, regions: [...account.regions] }),
    );
  }
}

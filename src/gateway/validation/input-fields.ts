import { IsOptional } from 'class-validator';
import { Field } from 'type-graphql';
import {
  ACCOUNT_DESCRIPTION,
  IsAccountId,
  IsBackupId,
  IsClientRequestToken,
  IsRegion,
  REGION_DESCRIPTION,
  compose,
} from './fsx-constraint.decorators';

/** An optional `region` argument or input field: a region name, checked against the served ones by the resolver. */
export const RegionField = (description = REGION_DESCRIPTION): PropertyDecorator =>
  compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsRegion(),
  );

/** An optional `account` argument or input field: 12 digits, checked against the caller's accounts by the resolver. */
export const AccountField = (description = ACCOUNT_DESCRIPTION): PropertyDecorator =>
  compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsAccountId(),
  );

/** An optional idempotency token: the gateway generates one when it is absent, and returns it. */
export const ClientRequestTokenField = (
  description = 'Idempotency token, as for createBackup. Omit it and the gateway generates one and returns it.',
): PropertyDecorator =>
  compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsClientRequestToken(),
  );

/** A required backup id, e.g. backup-0123456789abcdef0. */
export const BackupIdField = (description: string): PropertyDecorator => compose(Field({ description }), IsBackupId());

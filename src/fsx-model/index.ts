/**
 * The FSx service model as both the gateway and the emulator check requests against it: every
 * constraint (generated from the model, with the seed's deviations applied), enum and error list.
 */
import { type Constraint, MODEL_CONSTRAINTS } from './constraints.generated';
import { SEED_DEVIATIONS } from './deviations';
import { AWS_PARTITIONS } from './aws-regions.generated';

export const FSX = { ...MODEL_CONSTRAINTS, ...SEED_DEVIATIONS } as const;
export type { Constraint } from './constraints.generated';
export { RESERVED_TAG_KEY_PREFIX } from './deviations';
export { MODEL_ENUMS, type ModelEnum } from './enums.generated';
export { AWS_PARTITIONS } from './aws-regions.generated';
export { MODEL_ERROR_MEMBERS, MODEL_OPERATION_ERRORS, type ModelErrorCode, type ModelOperation } from './errors.generated';

/**
 * An AWS Region name (us-east-1, eu-central-2, us-gov-west-1). The model's Region shape allows any
 * `[a-z0-9-]{1,20}`; this is the stricter shape real Region names have.
 */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

type Partition = keyof typeof AWS_PARTITIONS;
const PARTITIONS = Object.entries(AWS_PARTITIONS) as Array<[Partition, (typeof AWS_PARTITIONS)[Partition]]>;

/** Whether `region` is a Region of some AWS partition, as the AWS SDK's partition data lists them. */
export const isAwsRegion = (region: string): boolean => PARTITIONS.some(([, p]) => (p.regions as readonly string[]).includes(region));

/**
 * The AWS partition of a Region name (aws, aws-cn, aws-us-gov, ...): the partition that lists it, else the
 * one whose naming pattern it follows (a Region newer than the SDK's data), else `aws` (as the SDK's own
 * partition resolution defaults).
 */
export function awsPartitionOf(region: string): Partition {
  const listed = PARTITIONS.find(([, p]) => (p.regions as readonly string[]).includes(region));
  return (listed ?? PARTITIONS.find(([, p]) => p.regionPattern.test(region)))?.[0] ?? 'aws';
}

/** The model counts characters; UTF-16 length would count an astral character twice. */
export const charLength = (value: string): number => [...value].length;

/** Why a string breaks a constraint ('length' or 'pattern'), or undefined when it conforms. */
export function violation(value: string, constraint: Constraint): 'length' | 'pattern' | undefined {
  const length = charLength(value);
  if ((constraint.min !== undefined && length < constraint.min) || (constraint.max !== undefined && length > constraint.max))
    return 'length';
  if (constraint.pattern && !constraint.pattern.test(value)) return 'pattern';
  return undefined;
}

/** For values that arrive outside a validated input (federation keys, credential claims). */
export const conforms = (value: unknown, constraint: Constraint): value is string =>
  typeof value === 'string' && violation(value, constraint) === undefined;

import { randomBytes } from 'node:crypto';

/** FSx ids are a prefix plus 17 lower-case hex digits (e.g. backup-0a1b2c3d4e5f60001). */
export const newResourceId = (prefix: 'fs' | 'backup' | 'fsvol'): string => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;

/** The AWS partition of a region: China and GovCloud regions have their own; everything else is `aws`. */
export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

export const fileSystemArn = (region: string, accountId: string, id: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:file-system/${id}`;

export const backupArn = (region: string, accountId: string, id: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:backup/${id}`;

export const volumeArn = (region: string, accountId: string, fileSystemId: string, volumeId: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:volume/${fileSystemId}/${volumeId}`;

export const kmsKeyArn = (region: string, accountId: string, keyId: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/${keyId}`;

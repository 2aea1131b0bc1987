import { randomBytes } from 'node:crypto';
import { awsPartitionOf } from '../fsx-model';

/** FSx ids are a prefix plus 17 lower-case hex digits (e.g. backup-0a1b2c3d4e5f60001). */
export const newResourceId = (prefix: 'fs' | 'backup' | 'fsvol'): string => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;

/** The AWS partition of a region (aws-cn for China, aws-us-gov for GovCloud, ...), from the SDK's partition data. */
export const partitionOf = (region: string): string => awsPartitionOf(region);

export const fileSystemArn = (region: string, accountId: string, id: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:file-system/${id}`;

export const backupArn = (region: string, accountId: string, id: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:backup/${id}`;

export const volumeArn = (region: string, accountId: string, fileSystemId: string, volumeId: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:volume/${fileSystemId}/${volumeId}`;

export const storageVirtualMachineArn = (region: string, accountId: string, fileSystemId: string, svmId: string): string =>
  `arn:${partitionOf(region)}:fsx:${region}:${accountId}:storage-virtual-machine/${fileSystemId}/${svmId}`;

export const kmsKeyArn = (region: string, accountId: string, keyId: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/${keyId}`;

import { randomBytes } from 'node:crypto';

/** FSx ids are a prefix plus 17 lower-case hex digits (e.g. backup-0a1b2c3d4e5f60001). */
export const newResourceId = (prefix: 'fs' | 'backup' | 'fsvol'): string => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;

export const fileSystemArn = (region: string, accountId: string, id: string): string =>
  `arn:aws:fsx:${region}:${accountId}:file-system/${id}`;

export const backupArn = (region: string, accountId: string, id: string): string => `arn:aws:fsx:${region}:${accountId}:backup/${id}`;

export const volumeArn = (region: string, accountId: string, fileSystemId: string, volumeId: string): string =>
  `arn:aws:fsx:${region}:${accountId}:volume/${fileSystemId}/${volumeId}`;

export const kmsKeyArn = (region: string, accountId: string, keyId: string): string => `arn:aws:kms:${region}:${accountId}:key/${keyId}`;

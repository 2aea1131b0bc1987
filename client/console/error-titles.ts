import type { PossibleTypesResultData } from '../generated/possible-types';

/** Every type that implements ErrorResult in the schema the console was generated from. */
export type ErrorTypename = PossibleTypesResultData['possibleTypes']['ErrorResult'][number];

/**
 * What each typed failure means, in words, as the title of its alert (the gateway's own message
 * follows it). The one place for these: a Record over the generated list, so a new error type in the
 * schema does not compile until it has a title here.
 */
const ERROR_TITLES: Record<ErrorTypename, string> = {
  ActiveDirectoryError: 'The Active Directory could not be used',
  BackupBeingCopied: 'The backup is being copied',
  BackupInProgress: 'A backup is already in progress',
  BackupNotFound: 'The backup was not found',
  BackupRestoring: 'The backup is being restored',
  BadRequest: 'FSx refused the request',
  DeletionBlocked: 'A deletion guard keeps this backup',
  FileSystemNotFound: 'The file system was not found',
  Forbidden: 'Your credentials do not allow this',
  FsxServiceError: 'FSx answered with an error',
  IncompatibleParameterError: 'The request token was used before for something else',
  IncompatibleRegionForMultiAZ: 'The destination region does not support Multi-AZ file systems',
  InternalServerError: 'FSx failed or did not answer',
  InvalidDestinationKmsKey: 'The destination encryption key cannot be used',
  InvalidInput: 'Some values need a change',
  InvalidNetworkSettings: 'The network settings cannot be used',
  InvalidPerUnitStorageThroughput: 'The throughput per TiB cannot be used',
  InvalidRegion: 'The region cannot be used',
  InvalidSourceKmsKey: 'The source encryption key cannot be used',
  MissingFileSystemConfiguration: 'The file system settings are missing',
  MissingVolumeConfiguration: 'The volume settings are missing',
  ServiceLimitExceeded: 'An FSx quota was reached',
  SourceBackupUnavailable: 'The backup is not available yet',
  StorageVirtualMachineNotFound: 'The storage virtual machine was not found',
  Throttled: 'Too many requests right now',
  UnsupportedOperation: 'FSx cannot do this here',
  VolumeNotFound: 'The volume was not found',
};

/** The title of a failure; a type newer than this console still gets a sentence, not its name. */
export function errorTitle(typename: string): string {
  return Object.hasOwn(ERROR_TITLES, typename) ? ERROR_TITLES[typename as ErrorTypename] : 'The request failed';
}

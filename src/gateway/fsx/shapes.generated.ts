// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. GraphQL names are the FSx member names in camelCase
// (DNSName -> dnsName); the service layer camelizes SDK output with the same rule (src/gateway/fsx/camelize.ts).
// Every member is nullable except ids: FSx-compatible endpoints (moto, LocalStack) omit members FSx
// marks required, and a missing member must not fail a whole query.
/* eslint-disable */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateTime, SafeInt } from './scalars';
import * as E from './enums.generated';

@Directive('@key(fields: "backupId")')
@Directive('@key(fields: "id")')
@ObjectType('Backup', { implements: Node, simpleResolvers: true, description: "A backup of an Amazon FSx for Windows File Server, Amazon FSx for Lustre file system, Amazon FSx for NetApp ONTAP volume, or Amazon FSx for OpenZFS file system." })
export class Backup {
  @Field(() => String, { description: "The ID of the backup." })
  backupId!: string;
  @Field(() => E.BackupLifecycle, { nullable: true, description: "The lifecycle status of the backup. AVAILABLE - The backup is fully available. PENDING - For user-initiated backups on Lustre file systems only; Amazon FSx hasn't started creating the backup. CREATING - Amazon FSx is creating the backup." })
  lifecycle?: E.BackupLifecycle | null;
  @Field(() => BackupFailureDetails, { nullable: true, description: "Details explaining any failures that occurred when creating a backup." })
  failureDetails?: BackupFailureDetails | null;
  @Field(() => E.BackupType, { nullable: true, description: "The type of the file-system backup." })
  type?: E.BackupType | null;
  @Field(() => Int, { nullable: true })
  progressPercent?: number | null;
  @Field(() => DateTime, { nullable: true, description: "The time when a particular backup was created." })
  creationTime?: Date | null;
  @Field(() => String, { nullable: true, description: "The ID of the Key Management Service (KMS) key used to encrypt the backup of the Amazon FSx file system's data at rest." })
  kmsKeyId?: string | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) for the backup resource." })
  resourceARN?: string | null;
  @Field(() => [Tag], { nullable: true, description: "The tags associated with a particular file system." })
  tags?: Tag[] | null;
  @Field(() => FileSystem, { nullable: true, description: "The metadata of the file system associated with the backup. This metadata is persisted even if the file system is deleted." })
  fileSystem?: FileSystem | null;
  @Field(() => ActiveDirectoryBackupAttributes, { nullable: true, description: "The configuration of the self-managed Microsoft Active Directory directory to which the Windows File Server instance is joined." })
  directoryInformation?: ActiveDirectoryBackupAttributes | null;
  @Field(() => String, { nullable: true })
  ownerId?: string | null;
  @Field(() => String, { nullable: true })
  sourceBackupId?: string | null;
  @Field(() => String, { nullable: true, description: "The source Region of the backup. Specifies the Region from where this backup is copied." })
  sourceBackupRegion?: string | null;
  @Field(() => E.ResourceType, { nullable: true, description: "Specifies the resource type that's backed up." })
  resourceType?: E.ResourceType | null;
  @Field(() => Volume, { nullable: true })
  volume?: Volume | null;
  @Field(() => SafeInt, { nullable: true, description: "The size of the backup in bytes. This represents the amount of data that the file system would contain if you restore this backup." })
  sizeInBytes?: number | null;
  @Field(() => String, { description: "The AWS Region the backup is in: the region the gateway read it from." })
  region!: string;
  @Field(() => String, { description: "The AWS account the backup is in: the account of its ARN (else the account the gateway read it from)." })
  accountId!: string;
}

@ObjectType('BackupFailureDetails', { simpleResolvers: true, description: "If backup creation fails, this structure contains the details of that failure." })
export class BackupFailureDetails {
  @Field(() => String, { nullable: true, description: "A message describing the backup-creation failure." })
  message?: string | null;
}

@ObjectType('Tag', { simpleResolvers: true, description: "Specifies a key-value pair for a resource tag." })
export class Tag {
  @Field(() => String, { description: "A value that specifies the TagKey , the name of the tag. Tag keys must be unique for the resource to which they are attached." })
  key!: string;
  @Field(() => String, { description: "A value that specifies the TagValue , the value assigned to the corresponding tag key. Tag values can be null and don't have to be unique in a tag set. For example, you can have a key-value pair in a tag set of finances : April and also of payroll : April ." })
  value!: string;
}

@Directive('@key(fields: "fileSystemId")')
@Directive('@key(fields: "id")')
@ObjectType('FileSystem', { implements: Node, simpleResolvers: true, description: "A description of a specific Amazon FSx file system." })
export class FileSystem {
  @Field(() => String, { nullable: true, description: "The Amazon Web Services account that created the file system. If the file system was created by a user in IAM Identity Center, the Amazon Web Services account to which the IAM user belongs is the owner." })
  ownerId?: string | null;
  @Field(() => DateTime, { nullable: true, description: "The time that the file system was created, in seconds (since 1970-01-01T00:00:00Z), also known as Unix time." })
  creationTime?: Date | null;
  @Field(() => String, { description: "The system-generated, unique 17-digit ID of the file system." })
  fileSystemId!: string;
  @Field(() => E.FileSystemType, { nullable: true, description: "The type of Amazon FSx file system, which can be LUSTRE , WINDOWS , ONTAP , or OPENZFS ." })
  fileSystemType?: E.FileSystemType | null;
  @Field(() => E.FileSystemLifecycle, { nullable: true, description: "The lifecycle status of the file system. The following are the possible values and what they mean: AVAILABLE - The file system is in a healthy state, and is reachable and available for use. CREATING - Amazon FSx is creating the new file system. DELETING - Amazon FSx is deleting an existing file system." })
  lifecycle?: E.FileSystemLifecycle | null;
  @Field(() => FileSystemFailureDetails, { nullable: true })
  failureDetails?: FileSystemFailureDetails | null;
  @Field(() => Int, { nullable: true, description: "The storage capacity of the file system in gibibytes (GiB). Amazon FSx responds with an HTTP status code 400 (Bad Request) if the value of StorageCapacity is outside of the minimum or maximum values." })
  storageCapacity?: number | null;
  @Field(() => E.StorageType, { nullable: true, description: "The type of storage the file system is using. If set to SSD , the file system uses solid state drive storage. If set to HDD , the file system uses hard disk drive storage. If set to INTELLIGENT_TIERING , the file system uses fully elastic, intelligently-tiered storage." })
  storageType?: E.StorageType | null;
  @Field(() => String, { nullable: true, description: "The ID of the primary virtual private cloud (VPC) for the file system." })
  vpcId?: string | null;
  @Field(() => [String], { nullable: true, description: "Specifies the IDs of the subnets that the file system is accessible from. For the Amazon FSx Windows and ONTAP MULTI_AZ_1 file system deployment type, there are two subnet IDs, one for the preferred file server and one for the standby file server. The preferred file server subnet identified in the PreferredSubnetID property." })
  subnetIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: "The IDs of the elastic network interfaces from which a specific file system is accessible. The elastic network interface is automatically created in the same virtual private cloud (VPC) that the Amazon FSx file system was created in. For more information, see Elastic Network Interfaces in the Amazon EC2 User Guide." })
  networkInterfaceIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "The Domain Name System (DNS) name for the file system." })
  dnsName?: string | null;
  @Field(() => String, { nullable: true, description: "The ID of the Key Management Service (KMS) key used to encrypt Amazon FSx file system data. Used as follows with Amazon FSx file system types: Amazon FSx for Lustre PERSISTENT_1 and PERSISTENT_2 deployment types only. SCRATCH_1 and SCRATCH_2 types are encrypted using the Amazon FSx service KMS key for your account." })
  kmsKeyId?: string | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) of the file system resource." })
  resourceARN?: string | null;
  @Field(() => [Tag], { nullable: true, description: "The tags to associate with the file system. For more information, see Tagging your Amazon FSx resources in the Amazon FSx for Lustre User Guide ." })
  tags?: Tag[] | null;
  @Field(() => WindowsFileSystemConfiguration, { nullable: true, description: "The configuration for this Amazon FSx for Windows File Server file system." })
  windowsConfiguration?: WindowsFileSystemConfiguration | null;
  @Field(() => LustreFileSystemConfiguration, { nullable: true })
  lustreConfiguration?: LustreFileSystemConfiguration | null;
  @Field(() => [AdministrativeAction], { nullable: true, description: "A list of administrative actions for the file system that are in process or waiting to be processed. Administrative actions describe changes to the Amazon FSx system that you have initiated using the UpdateFileSystem operation." })
  administrativeActions?: AdministrativeAction[] | null;
  @Field(() => OntapFileSystemConfiguration, { nullable: true, description: "The configuration for this Amazon FSx for NetApp ONTAP file system." })
  ontapConfiguration?: OntapFileSystemConfiguration | null;
  @Field(() => String, { nullable: true, description: "The Lustre version of the Amazon FSx for Lustre file system, which can be 2.10 , 2.12 , or 2.15 ." })
  fileSystemTypeVersion?: string | null;
  @Field(() => OpenZFSFileSystemConfiguration, { nullable: true, description: "The configuration for this Amazon FSx for OpenZFS file system." })
  openZFSConfiguration?: OpenZFSFileSystemConfiguration | null;
  @Field(() => E.NetworkType, { nullable: true, description: "The network type of the file system." })
  networkType?: E.NetworkType | null;
  @Field(() => String, { description: "The AWS Region the file system is in: the region the gateway read it from." })
  region!: string;
  @Field(() => String, { description: "The AWS account the file system is in: the account of its ARN (else the account the gateway read it from)." })
  accountId!: string;
}

@ObjectType('FileSystemFailureDetails', { simpleResolvers: true, description: "A structure providing details of any failures that occurred." })
export class FileSystemFailureDetails {
  @Field(() => String, { nullable: true, description: "A message describing any failures that occurred." })
  message?: string | null;
}

@ObjectType('WindowsFileSystemConfiguration', { simpleResolvers: true, description: "The configuration for this Microsoft Windows file system." })
export class WindowsFileSystemConfiguration {
  @Field(() => String, { nullable: true, description: "The ID for an existing Amazon Web Services Managed Microsoft Active Directory instance that the file system is joined to." })
  activeDirectoryId?: string | null;
  @Field(() => SelfManagedActiveDirectoryAttributes, { nullable: true })
  selfManagedActiveDirectoryConfiguration?: SelfManagedActiveDirectoryAttributes | null;
  @Field(() => E.WindowsDeploymentType, { nullable: true, description: "Specifies the file system deployment type, valid values are the following: MULTI_AZ_1 - Specifies a high availability file system that is configured for Multi-AZ redundancy to tolerate temporary Availability Zone (AZ) unavailability, and supports SSD and HDD storage." })
  deploymentType?: E.WindowsDeploymentType | null;
  @Field(() => String, { nullable: true, description: "For MULTI_AZ_1 deployment types, use this endpoint when performing administrative tasks on the file system using Amazon FSx Remote PowerShell. For SINGLE_AZ_1 and SINGLE_AZ_2 deployment types, this is the DNS name of the file system. This endpoint is temporarily unavailable when the file system is undergoing maintenance." })
  remoteAdministrationEndpoint?: string | null;
  @Field(() => String, { nullable: true, description: "For MULTI_AZ_1 deployment types, it specifies the ID of the subnet where the preferred file server is located. Must be one of the two subnet IDs specified in SubnetIds property. Amazon FSx serves traffic from this subnet except in the event of a failover to the secondary file server." })
  preferredSubnetId?: string | null;
  @Field(() => String, { nullable: true, description: "For MULTI_AZ_1 deployment types, the IPv4 address of the primary, or preferred, file server. Use this IP address when mounting the file system on Linux SMB clients or Windows SMB clients that are not joined to a Microsoft Active Directory. Applicable for all Windows file system deployment types." })
  preferredFileServerIp?: string | null;
  @Field(() => Int, { nullable: true, description: "The throughput of the Amazon FSx file system, measured in megabytes per second." })
  throughputCapacity?: number | null;
  @Field(() => [E.FileSystemMaintenanceOperation], { nullable: true, description: "The list of maintenance operations in progress for this file system." })
  maintenanceOperationsInProgress?: E.FileSystemMaintenanceOperation[] | null;
  @Field(() => String, { nullable: true, description: "The preferred start time to perform weekly maintenance, formatted d:HH:MM in the UTC time zone. d is the weekday number, from 1 through 7, beginning with Monday and ending with Sunday." })
  weeklyMaintenanceStartTime?: string | null;
  @Field(() => String, { nullable: true, description: "The preferred time to take daily automatic backups, in the UTC time zone." })
  dailyAutomaticBackupStartTime?: string | null;
  @Field(() => Int, { nullable: true, description: "The number of days to retain automatic backups. Setting this to 0 disables automatic backups. You can retain automatic backups for a maximum of 90 days." })
  automaticBackupRetentionDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: "A boolean flag indicating whether tags on the file system should be copied to backups. This value defaults to false. If it's set to true, all tags on the file system are copied to all automatic backups and any user-initiated backups where the user doesn't specify any tags." })
  copyTagsToBackups?: boolean | null;
  @Field(() => [Alias], { nullable: true })
  aliases?: Alias[] | null;
  @Field(() => WindowsAuditLogConfiguration, { nullable: true, description: "The configuration that Amazon FSx for Windows File Server uses to audit and log user accesses of files, folders, and file shares on the Amazon FSx for Windows File Server file system." })
  auditLogConfiguration?: WindowsAuditLogConfiguration | null;
  @Field(() => DiskIopsConfiguration, { nullable: true, description: "The SSD IOPS (input/output operations per second) configuration for an Amazon FSx for Windows file system. By default, Amazon FSx automatically provisions 3 IOPS per GiB of storage capacity. You can provision additional IOPS per GiB of storage, up to the maximum limit associated with your chosen throughput capacity." })
  diskIopsConfiguration?: DiskIopsConfiguration | null;
  @Field(() => String, { nullable: true, description: "For MULTI_AZ_1 deployment types, the IPv6 address of the primary, or preferred, file server. Use this IP address when mounting the file system on Linux SMB clients or Windows SMB clients that are not joined to a Microsoft Active Directory. Applicable for all Windows file system deployment types." })
  preferredFileServerIpv6?: string | null;
  @Field(() => WindowsFsrmConfiguration, { nullable: true, description: "The File Server Resource Manager (FSRM) configuration that Amazon FSx for Windows File Server uses for the file system. FSRM is disabled by default." })
  fsrmConfiguration?: WindowsFsrmConfiguration | null;
}

@ObjectType('SelfManagedActiveDirectoryAttributes', { simpleResolvers: true, description: "The configuration of the self-managed Microsoft Active Directory (AD) directory to which the Windows File Server or ONTAP storage virtual machine (SVM) instance is joined." })
export class SelfManagedActiveDirectoryAttributes {
  @Field(() => String, { nullable: true, description: "The fully qualified domain name of the self-managed AD directory." })
  domainName?: string | null;
  @Field(() => String, { nullable: true, description: "The fully qualified distinguished name of the organizational unit within the self-managed AD directory to which the Windows File Server or ONTAP storage virtual machine (SVM) instance is joined." })
  organizationalUnitDistinguishedName?: string | null;
  @Field(() => String, { nullable: true, description: "The name of the domain group whose members have administrative privileges for the FSx file system." })
  fileSystemAdministratorsGroup?: string | null;
  @Field(() => String, { nullable: true, description: "The user name for the service account on your self-managed AD domain that FSx uses to join to your AD domain." })
  userName?: string | null;
  @Field(() => [String], { nullable: true, description: "A list of up to three IP addresses of DNS servers or domain controllers in the self-managed AD directory." })
  dnsIps?: string[] | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) of the Amazon Web Services Secrets Manager secret containing the service account credentials used to join the file system to your self-managed Active Directory domain." })
  domainJoinServiceAccountSecret?: string | null;
}

@ObjectType('Alias', { simpleResolvers: true, description: "A DNS alias that is associated with the file system. You can use a DNS alias to access a file system using user-defined DNS names, in addition to the default DNS name that Amazon FSx assigns to the file system. For more information, see DNS aliases in the FSx for Windows File Server User Guide ." })
export class Alias {
  @Field(() => String, { nullable: true, description: "The name of the DNS alias. The alias name has to meet the following requirements: Formatted as a fully-qualified domain name (FQDN), hostname.domain , for example, accounting.example.com . Can contain alphanumeric characters, the underscore (_), and the hyphen (-). Cannot start or end with a hyphen. Can start with a numeric." })
  name?: string | null;
  @Field(() => E.AliasLifecycle, { nullable: true, description: "Describes the state of the DNS alias. AVAILABLE - The DNS alias is associated with an Amazon FSx file system. CREATING - Amazon FSx is creating the DNS alias and associating it with the file system. CREATE_FAILED - Amazon FSx was unable to associate the DNS alias with the file system." })
  lifecycle?: E.AliasLifecycle | null;
}

@ObjectType('WindowsAuditLogConfiguration', { simpleResolvers: true, description: "The configuration that Amazon FSx for Windows File Server uses to audit and log user accesses of files, folders, and file shares on the Amazon FSx for Windows File Server file system. For more information, see File access auditing ." })
export class WindowsAuditLogConfiguration {
  @Field(() => E.WindowsAccessAuditLogLevel, { nullable: true, description: "Sets which attempt type is logged by Amazon FSx for file and folder accesses. SUCCESS_ONLY - only successful attempts to access files or folders are logged. FAILURE_ONLY - only failed attempts to access files or folders are logged. SUCCESS_AND_FAILURE - both successful attempts and failed attempts to access files or folders are logged." })
  fileAccessAuditLogLevel?: E.WindowsAccessAuditLogLevel | null;
  @Field(() => E.WindowsAccessAuditLogLevel, { nullable: true, description: "Sets which attempt type is logged by Amazon FSx for file share accesses. SUCCESS_ONLY - only successful attempts to access file shares are logged. FAILURE_ONLY - only failed attempts to access file shares are logged. SUCCESS_AND_FAILURE - both successful attempts and failed attempts to access file shares are logged." })
  fileShareAccessAuditLogLevel?: E.WindowsAccessAuditLogLevel | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) for the destination of the audit logs. The destination can be any Amazon CloudWatch Logs log group ARN or Amazon Kinesis Data Firehose delivery stream ARN. The name of the Amazon CloudWatch Logs log group must begin with the /aws/fsx prefix." })
  auditLogDestination?: string | null;
}

@ObjectType('DiskIopsConfiguration', { simpleResolvers: true, description: "The SSD IOPS (input/output operations per second) configuration for an Amazon FSx for NetApp ONTAP, Amazon FSx for Windows File Server, or FSx for OpenZFS file system. By default, Amazon FSx automatically provisions 3 IOPS per GB of storage capacity. You can provision additional IOPS per GB of storage." })
export class DiskIopsConfiguration {
  @Field(() => E.DiskIopsConfigurationMode, { nullable: true, description: "Specifies whether the file system is using the AUTOMATIC setting of SSD IOPS of 3 IOPS per GB of storage capacity, or if it using a USER_PROVISIONED value." })
  mode?: E.DiskIopsConfigurationMode | null;
  @Field(() => SafeInt, { nullable: true, description: "The total number of SSD IOPS provisioned for the file system. The minimum and maximum values for this property depend on the value of HAPairs and StorageCapacity . The minimum value is calculated as StorageCapacity * 3 * HAPairs (3 IOPS per GB of StorageCapacity ). The maximum value is calculated as 200,000 * HAPairs ." })
  iops?: number | null;
}

@ObjectType('WindowsFsrmConfiguration', { simpleResolvers: true, description: "The File Server Resource Manager (FSRM) configuration that Amazon FSx for Windows File Server uses for the file system. When FSRM is enabled, you can manage and monitor storage quotas, file screening, storage reports, and file classification." })
export class WindowsFsrmConfiguration {
  @Field(() => Boolean, { nullable: true, description: "Specifies whether FSRM is enabled or disabled on the file system. When TRUE , the FSRM service is enabled and monitor file operations according to configured policies. When FALSE or omitted, FSRM is disabled. The default value is FALSE ." })
  fsrmServiceEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) for the destination of the FSRM event logs. The destination can be any Amazon CloudWatch Logs log group ARN or Amazon Kinesis Data Firehose delivery stream ARN. The name of the Amazon CloudWatch Logs log group must begin with the /aws/fsx prefix." })
  eventLogDestination?: string | null;
}

@ObjectType('LustreFileSystemConfiguration', { simpleResolvers: true, description: "The configuration for the Amazon FSx for Lustre file system." })
export class LustreFileSystemConfiguration {
  @Field(() => String, { nullable: true, description: "The preferred start time to perform weekly maintenance, formatted d:HH:MM in the UTC time zone. Here, d is the weekday number, from 1 through 7, beginning with Monday and ending with Sunday." })
  weeklyMaintenanceStartTime?: string | null;
  @Field(() => DataRepositoryConfiguration, { nullable: true })
  dataRepositoryConfiguration?: DataRepositoryConfiguration | null;
  @Field(() => E.LustreDeploymentType, { nullable: true, description: "The deployment type of the FSx for Lustre file system. Scratch deployment type is designed for temporary storage and shorter-term processing of data. SCRATCH_1 and SCRATCH_2 deployment types are best suited for when you need temporary storage and shorter-term processing of data." })
  deploymentType?: E.LustreDeploymentType | null;
  @Field(() => Int, { nullable: true, description: "Per unit storage throughput represents the megabytes per second of read or write throughput per 1 tebibyte of storage provisioned. File system throughput capacity is equal to Storage capacity (TiB) * PerUnitStorageThroughput (MB/s/TiB). This option is only valid for PERSISTENT_1 and PERSISTENT_2 deployment types." })
  perUnitStorageThroughput?: number | null;
  @Field(() => String, { nullable: true, description: "You use the MountName value when mounting the file system. For the SCRATCH_1 deployment type, this value is always \" fsx \". For SCRATCH_2 , PERSISTENT_1 , and PERSISTENT_2 deployment types, this value is a string that is unique within an Amazon Web Services Region." })
  mountName?: string | null;
  @Field(() => String, { nullable: true })
  dailyAutomaticBackupStartTime?: string | null;
  @Field(() => Int, { nullable: true })
  automaticBackupRetentionDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: "A boolean flag indicating whether tags on the file system are copied to backups. If it's set to true, all tags on the file system are copied to all automatic backups and any user-initiated backups where the user doesn't specify any tags. If this value is true, and you specify one or more tags, only the specified tags are copied to backups." })
  copyTagsToBackups?: boolean | null;
  @Field(() => E.DriveCacheType, { nullable: true, description: "The type of drive cache used by PERSISTENT_1 file systems that are provisioned with HDD storage devices. This parameter is required when StorageType is HDD. When set to READ the file system has an SSD storage cache that is sized to 20% of the file system's storage capacity." })
  driveCacheType?: E.DriveCacheType | null;
  @Field(() => E.DataCompressionType, { nullable: true, description: "The data compression configuration for the file system. DataCompressionType can have the following values: NONE - Data compression is turned off for the file system. LZ4 - Data compression is turned on with the LZ4 algorithm. For more information, see Lustre data compression ." })
  dataCompressionType?: E.DataCompressionType | null;
  @Field(() => LustreLogConfiguration, { nullable: true, description: "The Lustre logging configuration. Lustre logging writes the enabled log events for your file system to Amazon CloudWatch Logs." })
  logConfiguration?: LustreLogConfiguration | null;
  @Field(() => LustreRootSquashConfiguration, { nullable: true, description: "The Lustre root squash configuration for an Amazon FSx for Lustre file system. When enabled, root squash restricts root-level access from clients that try to access your file system as a root user." })
  rootSquashConfiguration?: LustreRootSquashConfiguration | null;
  @Field(() => FileSystemLustreMetadataConfiguration, { nullable: true, description: "The Lustre metadata performance configuration for an Amazon FSx for Lustre file system using a PERSISTENT_2 deployment type." })
  metadataConfiguration?: FileSystemLustreMetadataConfiguration | null;
  @Field(() => Boolean, { nullable: true, description: "Specifies whether Elastic Fabric Adapter (EFA) and GPUDirect Storage (GDS) support is enabled for the Amazon FSx for Lustre file system." })
  efaEnabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: "The throughput of an Amazon FSx for Lustre file system using the Intelligent-Tiering storage class, measured in megabytes per second (MBps)." })
  throughputCapacity?: number | null;
  @Field(() => LustreReadCacheConfiguration, { nullable: true, description: "Required when StorageType is set to INTELLIGENT_TIERING . Specifies the optional provisioned SSD read cache." })
  dataReadCacheConfiguration?: LustreReadCacheConfiguration | null;
}

@ObjectType('DataRepositoryConfiguration', { simpleResolvers: true, description: "The data repository configuration object for Lustre file systems returned in the response of the CreateFileSystem operation. This data type is not supported on file systems with a data repository association. For file systems with a data repository association, see ." })
export class DataRepositoryConfiguration {
  @Field(() => E.DataRepositoryLifecycle, { nullable: true, description: "Describes the state of the file system's S3 durable data repository, if it is configured with an S3 repository. The lifecycle can have the following values: CREATING - The data repository configuration between the FSx file system and the linked S3 data repository is being created. The data repository is unavailable." })
  lifecycle?: E.DataRepositoryLifecycle | null;
  @Field(() => String, { nullable: true, description: "The import path to the Amazon S3 bucket (and optional prefix) that you're using as the data repository for your FSx for Lustre file system, for example s3://import-bucket/optional-prefix . If a prefix is specified after the Amazon S3 bucket name, only object keys with that prefix are loaded into the file system." })
  importPath?: string | null;
  @Field(() => String, { nullable: true, description: "The export path to the Amazon S3 bucket (and prefix) that you are using to store new and changed Lustre file system files in S3." })
  exportPath?: string | null;
  @Field(() => Int, { nullable: true, description: "For files imported from a data repository, this value determines the stripe count and maximum amount of data per file (in MiB) stored on a single physical disk. The maximum number of disks that a single file can be striped across is limited by the total number of disks that make up the file system." })
  importedFileChunkSize?: number | null;
  @Field(() => E.AutoImportPolicyType, { nullable: true, description: "Describes the file system's linked S3 data repository's AutoImportPolicy . The AutoImportPolicy configures how Amazon FSx keeps your file and directory listings up to date as you add or modify objects in your linked S3 bucket. AutoImportPolicy can have the following values: NONE - (Default) AutoImport is off." })
  autoImportPolicy?: E.AutoImportPolicyType | null;
  @Field(() => DataRepositoryFailureDetails, { nullable: true })
  failureDetails?: DataRepositoryFailureDetails | null;
}

@ObjectType('DataRepositoryFailureDetails', { simpleResolvers: true, description: "Provides detailed information about the data repository if its Lifecycle is set to MISCONFIGURED or FAILED ." })
export class DataRepositoryFailureDetails {
  @Field(() => String, { nullable: true })
  message?: string | null;
}

@ObjectType('LustreLogConfiguration', { simpleResolvers: true, description: "The configuration for Lustre logging used to write the enabled logging events for your Amazon FSx for Lustre file system or Amazon File Cache resource to Amazon CloudWatch Logs." })
export class LustreLogConfiguration {
  @Field(() => E.LustreAccessAuditLogLevel, { nullable: true, description: "The data repository events that are logged by Amazon FSx. WARN_ONLY - only warning events are logged. ERROR_ONLY - only error events are logged. WARN_ERROR - both warning events and error events are logged. DISABLED - logging of data repository events is turned off." })
  level?: E.LustreAccessAuditLogLevel | null;
  @Field(() => String, { nullable: true, description: "The Amazon Resource Name (ARN) that specifies the destination of the logs. The destination can be any Amazon CloudWatch Logs log group ARN. The destination ARN must be in the same Amazon Web Services partition, Amazon Web Services Region, and Amazon Web Services account as your Amazon FSx file system." })
  destination?: string | null;
}

@ObjectType('LustreRootSquashConfiguration', { simpleResolvers: true, description: "The configuration for Lustre root squash used to restrict root-level access from clients that try to access your FSx for Lustre file system as root. Use the RootSquash parameter to enable root squash. To learn more about Lustre root squash, see Lustre root squash ." })
export class LustreRootSquashConfiguration {
  @Field(() => String, { nullable: true, description: "You enable root squash by setting a user ID (UID) and group ID (GID) for the file system in the format UID:GID (for example, 365534:65534 ). The UID and GID values can range from 0 to 4294967294 : A non-zero value for UID and GID enables root squash. The UID and GID values can be different, but each must be a non-zero value." })
  rootSquash?: string | null;
  @Field(() => [String], { nullable: true, description: "When root squash is enabled, you can optionally specify an array of NIDs of clients for which root squash does not apply. A client NID is a Lustre Network Identifier used to uniquely identify a client." })
  noSquashNids?: string[] | null;
}

@ObjectType('FileSystemLustreMetadataConfiguration', { simpleResolvers: true, description: "The Lustre metadata performance configuration of an Amazon FSx for Lustre file system using a PERSISTENT_2 deployment type. The configuration enables the file system to support increasing metadata performance." })
export class FileSystemLustreMetadataConfiguration {
  @Field(() => Int, { nullable: true, description: "The number of Metadata IOPS provisioned for the file system. For SSD file systems, valid values are 1500 , 3000 , 6000 , 12000 , and multiples of 12000 up to a maximum of 192000 . For Intelligent-Tiering file systems, valid values are 6000 and 12000 ." })
  iops?: number | null;
  @Field(() => E.MetadataConfigurationMode, { nullable: true, description: "The metadata configuration mode for provisioning Metadata IOPS for the file system. In AUTOMATIC mode (supported only on SSD file systems), FSx for Lustre automatically provisions and scales the number of Metadata IOPS on your file system based on your file system storage capacity." })
  mode?: E.MetadataConfigurationMode | null;
}

@ObjectType('LustreReadCacheConfiguration', { simpleResolvers: true, description: "The configuration for the optional provisioned SSD read cache on Amazon FSx for Lustre file systems that use the Intelligent-Tiering storage class." })
export class LustreReadCacheConfiguration {
  @Field(() => E.LustreReadCacheSizingMode, { nullable: true, description: "Specifies how the provisioned SSD read cache is sized, as follows: Set to NO_CACHE if you do not want to use an SSD read cache with your Intelligent-Tiering file system. Set to USER_PROVISIONED to specify the exact size of your SSD read cache." })
  sizingMode?: E.LustreReadCacheSizingMode | null;
  @Field(() => Int, { nullable: true, description: "Required if SizingMode is set to USER_PROVISIONED . Specifies the size of the file system's SSD read cache, in gibibytes (GiB). The SSD read cache size is distributed across provisioned file servers in your file system." })
  sizeGiB?: number | null;
}

@ObjectType('AdministrativeAction', { simpleResolvers: true, description: "Describes a specific Amazon FSx administrative action for the current Windows, Lustre, OpenZFS, or ONTAP file system or volume." })
export class AdministrativeAction {
  @Field(() => E.AdministrativeActionType, { nullable: true })
  administrativeActionType?: E.AdministrativeActionType | null;
  @Field(() => Int, { nullable: true, description: "The percentage-complete status of a STORAGE_OPTIMIZATION or DOWNLOAD_DATA_FROM_BACKUP administrative action. Does not apply to any other administrative action type." })
  progressPercent?: number | null;
  @Field(() => DateTime, { nullable: true, description: "The time that the administrative action request was received." })
  requestTime?: Date | null;
  @Field(() => E.Status, { nullable: true, description: "The status of the administrative action, as follows: FAILED - Amazon FSx failed to process the administrative action successfully. IN_PROGRESS - Amazon FSx is processing the administrative action. PENDING - Amazon FSx is waiting to process the administrative action. COMPLETED - Amazon FSx has finished processing the administrative task." })
  status?: E.Status | null;
  @Field(() => FileSystem, { nullable: true, description: "The target value for the administration action, provided in the UpdateFileSystem operation. Returned for FILE_SYSTEM_UPDATE administrative actions." })
  targetFileSystemValues?: FileSystem | null;
  @Field(() => AdministrativeActionFailureDetails, { nullable: true })
  failureDetails?: AdministrativeActionFailureDetails | null;
  @Field(() => Volume, { nullable: true })
  targetVolumeValues?: Volume | null;
  @Field(() => Snapshot, { nullable: true })
  targetSnapshotValues?: Snapshot | null;
  @Field(() => SafeInt, { nullable: true, description: "The number of bytes that have transferred for the FSx for OpenZFS snapshot that you're copying." })
  totalTransferBytes?: number | null;
  @Field(() => SafeInt, { nullable: true, description: "The remaining bytes to transfer for the FSx for OpenZFS snapshot that you're copying." })
  remainingTransferBytes?: number | null;
  @Field(() => String, { nullable: true })
  message?: string | null;
}

@ObjectType('AdministrativeActionFailureDetails', { simpleResolvers: true, description: "Provides information about a failed administrative action." })
export class AdministrativeActionFailureDetails {
  @Field(() => String, { nullable: true, description: "Error message providing details about the failed administrative action." })
  message?: string | null;
}

@Directive('@key(fields: "volumeId")')
@Directive('@key(fields: "id")')
@ObjectType('Volume', { implements: Node, simpleResolvers: true, description: "Describes an Amazon FSx volume." })
export class Volume {
  @Field(() => DateTime, { nullable: true })
  creationTime?: Date | null;
  @Field(() => String, { nullable: true })
  fileSystemId?: string | null;
  @Field(() => E.VolumeLifecycle, { nullable: true, description: "The lifecycle status of the volume. AVAILABLE - The volume is fully available for use. CREATED - The volume has been created. CREATING - Amazon FSx is creating the new volume. DELETING - Amazon FSx is deleting an existing volume. FAILED - Amazon FSx was unable to create the volume. MISCONFIGURED - The volume is in a failed but recoverable state." })
  lifecycle?: E.VolumeLifecycle | null;
  @Field(() => String, { nullable: true, description: "The name of the volume." })
  name?: string | null;
  @Field(() => OntapVolumeConfiguration, { nullable: true })
  ontapConfiguration?: OntapVolumeConfiguration | null;
  @Field(() => String, { nullable: true })
  resourceARN?: string | null;
  @Field(() => [Tag], { nullable: true })
  tags?: Tag[] | null;
  @Field(() => String, { description: "The system-generated, unique ID of the volume." })
  volumeId!: string;
  @Field(() => E.VolumeType, { nullable: true, description: "The type of the volume." })
  volumeType?: E.VolumeType | null;
  @Field(() => LifecycleTransitionReason, { nullable: true, description: "The reason why the volume lifecycle status changed." })
  lifecycleTransitionReason?: LifecycleTransitionReason | null;
  @Field(() => [AdministrativeAction], { nullable: true, description: "A list of administrative actions for the volume that are in process or waiting to be processed. Administrative actions describe changes to the volume that you have initiated using the UpdateVolume action." })
  administrativeActions?: AdministrativeAction[] | null;
  @Field(() => OpenZFSVolumeConfiguration, { nullable: true, description: "The configuration of an Amazon FSx for OpenZFS volume." })
  openZFSConfiguration?: OpenZFSVolumeConfiguration | null;
  @Field(() => String, { description: "The AWS Region the volume is in: the region the gateway read it from." })
  region!: string;
  @Field(() => String, { description: "The AWS account the volume is in: the account of its ARN (else the account the gateway read it from)." })
  accountId!: string;
}

@ObjectType('OntapVolumeConfiguration', { simpleResolvers: true, description: "The configuration of an Amazon FSx for NetApp ONTAP volume." })
export class OntapVolumeConfiguration {
  @Field(() => E.FlexCacheEndpointType, { nullable: true, description: "Specifies the FlexCache endpoint type of the volume. Valid values are the following: NONE specifies that the volume doesn't have a FlexCache configuration. NONE is the default. ORIGIN specifies that the volume is the origin volume for a FlexCache volume. CACHE specifies that the volume is a FlexCache volume." })
  flexCacheEndpointType?: E.FlexCacheEndpointType | null;
  @Field(() => String, { nullable: true, description: "Specifies the directory that network-attached storage (NAS) clients use to mount the volume, along with the storage virtual machine (SVM) Domain Name System (DNS) name or IP address. You can create a JunctionPath directly below a parent volume junction or on a directory within a volume." })
  junctionPath?: string | null;
  @Field(() => E.SecurityStyle, { nullable: true, description: "The security style for the volume, which can be UNIX , NTFS , or MIXED ." })
  securityStyle?: E.SecurityStyle | null;
  @Field(() => Int, { nullable: true, description: "The configured size of the volume, in megabytes (MBs)." })
  sizeInMegabytes?: number | null;
  @Field(() => Boolean, { nullable: true, description: "The volume's storage efficiency setting." })
  storageEfficiencyEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: "The ID of the volume's storage virtual machine." })
  storageVirtualMachineId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean flag indicating whether this volume is the root volume for its storage virtual machine (SVM). Only one volume on an SVM can be the root volume. This value defaults to false . If this value is true , then this is the SVM root volume. This flag is useful when you're deleting an SVM, because you must first delete all non-root volumes." })
  storageVirtualMachineRoot?: boolean | null;
  @Field(() => TieringPolicy, { nullable: true, description: "The volume's TieringPolicy setting." })
  tieringPolicy?: TieringPolicy | null;
  @Field(() => String, { nullable: true, description: "The volume's universally unique identifier (UUID)." })
  uuid?: string | null;
  @Field(() => E.OntapVolumeType, { nullable: true, description: "Specifies the type of volume. Valid values are the following: RW specifies a read/write volume. RW is the default. DP specifies a data-protection volume. You can protect data by replicating it to data-protection mirror copies. If a disaster occurs, you can use these data-protection mirror copies to recover data." })
  ontapVolumeType?: E.OntapVolumeType | null;
  @Field(() => String, { nullable: true, description: "Specifies the snapshot policy for the volume. There are three built-in snapshot policies: default : This is the default policy. A maximum of six hourly snapshots taken five minutes past the hour. A maximum of two daily snapshots taken Monday through Saturday at 10 minutes after midnight." })
  snapshotPolicy?: string | null;
  @Field(() => Boolean, { nullable: true, description: "A boolean flag indicating whether tags for the volume should be copied to backups. This value defaults to false. If it's set to true, all tags for the volume are copied to all automatic and user-initiated backups where the user doesn't specify tags." })
  copyTagsToBackups?: boolean | null;
  @Field(() => SnaplockConfiguration, { nullable: true, description: "The SnapLock configuration object for an FSx for ONTAP SnapLock volume." })
  snaplockConfiguration?: SnaplockConfiguration | null;
  @Field(() => E.VolumeStyle, { nullable: true, description: "Use to specify the style of an ONTAP volume. For more information about FlexVols and FlexGroups, see Volume types in Amazon FSx for NetApp ONTAP User Guide." })
  volumeStyle?: E.VolumeStyle | null;
  @Field(() => AggregateConfiguration, { nullable: true, description: "This structure specifies configuration options for a volume\u2019s storage aggregate or aggregates." })
  aggregateConfiguration?: AggregateConfiguration | null;
  @Field(() => SafeInt, { nullable: true, description: "The configured size of the volume, in bytes." })
  sizeInBytes?: number | null;
}

@ObjectType('TieringPolicy', { simpleResolvers: true, description: "Describes the data tiering policy for an ONTAP volume. When enabled, Amazon FSx for ONTAP's intelligent tiering automatically transitions a volume's data between the file system's primary storage and capacity pool storage based on your access patterns." })
export class TieringPolicy {
  @Field(() => Int, { nullable: true, description: "Specifies the number of days that user data in a volume must remain inactive before it is considered \"cold\" and moved to the capacity pool. Used with the AUTO and SNAPSHOT_ONLY tiering policies. Enter a whole number between 2 and 183. Default values are 31 days for AUTO and 2 days for SNAPSHOT_ONLY ." })
  coolingPeriod?: number | null;
  @Field(() => E.TieringPolicyName, { nullable: true, description: "Specifies the tiering policy used to transition data. Default value is SNAPSHOT_ONLY . SNAPSHOT_ONLY - moves cold snapshots to the capacity pool storage tier. AUTO - moves cold user data and snapshots to the capacity pool storage tier based on your access patterns." })
  name?: E.TieringPolicyName | null;
}

@ObjectType('SnaplockConfiguration', { simpleResolvers: true, description: "Specifies the SnapLock configuration for an FSx for ONTAP SnapLock volume." })
export class SnaplockConfiguration {
  @Field(() => Boolean, { nullable: true, description: "Enables or disables the audit log volume for an FSx for ONTAP SnapLock volume. The default value is false . If you set AuditLogVolume to true , the SnapLock volume is created as an audit log volume. The minimum retention period for an audit log volume is six months. For more information, see SnapLock audit log volumes ." })
  auditLogVolume?: boolean | null;
  @Field(() => AutocommitPeriod, { nullable: true, description: "The configuration object for setting the autocommit period of files in an FSx for ONTAP SnapLock volume." })
  autocommitPeriod?: AutocommitPeriod | null;
  @Field(() => E.PrivilegedDelete, { nullable: true, description: "Enables, disables, or permanently disables privileged delete on an FSx for ONTAP SnapLock Enterprise volume. Enabling privileged delete allows SnapLock administrators to delete write once, read many (WORM) files even if they have active retention periods. PERMANENTLY_DISABLED is a terminal state." })
  privilegedDelete?: E.PrivilegedDelete | null;
  @Field(() => SnaplockRetentionPeriod, { nullable: true, description: "Specifies the retention period of an FSx for ONTAP SnapLock volume." })
  retentionPeriod?: SnaplockRetentionPeriod | null;
  @Field(() => E.SnaplockType, { nullable: true, description: "Specifies the retention mode of an FSx for ONTAP SnapLock volume. After it is set, it can't be changed. You can choose one of the following retention modes: COMPLIANCE : Files transitioned to write once, read many (WORM) on a Compliance volume can't be deleted until their retention periods expire." })
  snaplockType?: E.SnaplockType | null;
  @Field(() => Boolean, { nullable: true, description: "Enables or disables volume-append mode on an FSx for ONTAP SnapLock volume. Volume-append mode allows you to create WORM-appendable files and write data to them incrementally. The default value is false . For more information, see Volume-append mode ." })
  volumeAppendModeEnabled?: boolean | null;
}

@ObjectType('AutocommitPeriod', { simpleResolvers: true, description: "Sets the autocommit period of files in an FSx for ONTAP SnapLock volume, which determines how long the files must remain unmodified before they're automatically transitioned to the write once, read many (WORM) state. For more information, see Autocommit ." })
export class AutocommitPeriod {
  @Field(() => E.AutocommitPeriodType, { nullable: true, description: "Defines the type of time for the autocommit period of a file in an FSx for ONTAP SnapLock volume. Setting this value to NONE disables autocommit. The default value is NONE ." })
  type?: E.AutocommitPeriodType | null;
  @Field(() => Int, { nullable: true, description: "Defines the amount of time for the autocommit period of a file in an FSx for ONTAP SnapLock volume. The following ranges are valid: Minutes : 5 - 65,535 Hours : 1 - 65,535 Days : 1 - 3,650 Months : 1 - 120 Years : 1 - 10" })
  value?: number | null;
}

@ObjectType('SnaplockRetentionPeriod', { simpleResolvers: true, description: "The configuration to set the retention period of an FSx for ONTAP SnapLock volume. The retention period includes default, maximum, and minimum settings. For more information, see Working with the retention period in SnapLock ." })
export class SnaplockRetentionPeriod {
  @Field(() => RetentionPeriod, { nullable: true, description: "The retention period assigned to a write once, read many (WORM) file by default if an explicit retention period is not set for an FSx for ONTAP SnapLock volume. The default retention period must be greater than or equal to the minimum retention period and less than or equal to the maximum retention period." })
  defaultRetention?: RetentionPeriod | null;
  @Field(() => RetentionPeriod, { nullable: true, description: "The shortest retention period that can be assigned to a WORM file on an FSx for ONTAP SnapLock volume." })
  minimumRetention?: RetentionPeriod | null;
  @Field(() => RetentionPeriod, { nullable: true, description: "The longest retention period that can be assigned to a WORM file on an FSx for ONTAP SnapLock volume." })
  maximumRetention?: RetentionPeriod | null;
}

@ObjectType('RetentionPeriod', { simpleResolvers: true, description: "Specifies the retention period of an FSx for ONTAP SnapLock volume. After it is set, it can't be changed. Files can't be deleted or modified during the retention period. For more information, see Working with the retention period in SnapLock ." })
export class RetentionPeriod {
  @Field(() => E.RetentionPeriodType, { nullable: true, description: "Defines the type of time for the retention period of an FSx for ONTAP SnapLock volume. Set it to one of the valid types. If you set it to INFINITE , the files are retained forever. If you set it to UNSPECIFIED , the files are retained until you set an explicit retention period." })
  type?: E.RetentionPeriodType | null;
  @Field(() => Int, { nullable: true, description: "Defines the amount of time for the retention period of an FSx for ONTAP SnapLock volume. You can't set a value for INFINITE or UNSPECIFIED . For all other options, the following ranges are valid: Seconds : 0 - 65,535 Minutes : 0 - 65,535 Hours : 0 - 24 Days : 0 - 365 Months : 0 - 12 Years : 0 - 100" })
  value?: number | null;
}

@ObjectType('AggregateConfiguration', { simpleResolvers: true, description: "Used to specify configuration options for a volume\u2019s storage aggregate or aggregates." })
export class AggregateConfiguration {
  @Field(() => [String], { nullable: true, description: "The list of aggregates that this volume resides on. Aggregates are storage pools which make up your primary storage tier. Each high-availability (HA) pair has one aggregate. The names of the aggregates map to the names of the aggregates in the ONTAP CLI and REST API. For FlexVols, there will always be a single entry." })
  aggregates?: string[] | null;
  @Field(() => Int, { nullable: true, description: "The total number of constituents this FlexGroup volume has. Not applicable for FlexVols." })
  totalConstituents?: number | null;
}

@ObjectType('LifecycleTransitionReason', { simpleResolvers: true, description: "Describes why a resource lifecycle state changed." })
export class LifecycleTransitionReason {
  @Field(() => String, { nullable: true })
  message?: string | null;
}

@ObjectType('OpenZFSVolumeConfiguration', { simpleResolvers: true, description: "The configuration of an Amazon FSx for OpenZFS volume." })
export class OpenZFSVolumeConfiguration {
  @Field(() => String, { nullable: true, description: "The ID of the parent volume." })
  parentVolumeId?: string | null;
  @Field(() => String, { nullable: true, description: "The path to the volume from the root volume. For example, fsx/parentVolume/volume1 ." })
  volumePath?: string | null;
  @Field(() => Int, { nullable: true, description: "The amount of storage in gibibytes (GiB) to reserve from the parent volume. You can't reserve more storage than the parent volume has reserved." })
  storageCapacityReservationGiB?: number | null;
  @Field(() => Int, { nullable: true, description: "The maximum amount of storage in gibibytes (GiB) that the volume can use from its parent. You can specify a quota larger than the storage on the parent volume." })
  storageCapacityQuotaGiB?: number | null;
  @Field(() => Int, { nullable: true, description: "The record size of an OpenZFS volume, in kibibytes (KiB). Valid values are 4, 8, 16, 32, 64, 128, 256, 512, or 1024 KiB. The default is 128 KiB. Most workloads should use the default record size. For guidance on when to set a custom record size, see the Amazon FSx for OpenZFS User Guide ." })
  recordSizeKiB?: number | null;
  @Field(() => E.OpenZFSDataCompressionType, { nullable: true, description: "Specifies the method used to compress the data on the volume. The compression type is NONE by default. NONE - Doesn't compress the data on the volume. NONE is the default. ZSTD - Compresses the data in the volume using the Zstandard (ZSTD) compression algorithm." })
  dataCompressionType?: E.OpenZFSDataCompressionType | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether tags for the volume should be copied to snapshots. This value defaults to false . If it's set to true , all tags for the volume are copied to snapshots where the user doesn't specify tags. If this value is true and you specify one or more tags, only the specified tags are copied to snapshots." })
  copyTagsToSnapshots?: boolean | null;
  @Field(() => OpenZFSOriginSnapshotConfiguration, { nullable: true, description: "The configuration object that specifies the snapshot to use as the origin of the data for the volume." })
  originSnapshot?: OpenZFSOriginSnapshotConfiguration | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether the volume is read-only." })
  readOnly?: boolean | null;
  @Field(() => [OpenZFSNfsExport], { nullable: true, description: "The configuration object for mounting a Network File System (NFS) file system." })
  nfsExports?: OpenZFSNfsExport[] | null;
  @Field(() => [OpenZFSUserOrGroupQuota], { nullable: true, description: "An object specifying how much storage users or groups can use on the volume." })
  userAndGroupQuotas?: OpenZFSUserOrGroupQuota[] | null;
  @Field(() => String, { nullable: true, description: "Specifies the ID of the snapshot to which the volume was restored." })
  restoreToSnapshot?: string | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether snapshots between the current state and the specified snapshot should be deleted when a volume is restored from snapshot." })
  deleteIntermediateSnaphots?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether dependent clone volumes created from intermediate snapshots should be deleted when a volume is restored from snapshot." })
  deleteClonedVolumes?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether snapshot data that differs between the current state and the specified snapshot should be overwritten when a volume is restored from a snapshot." })
  deleteIntermediateData?: boolean | null;
  @Field(() => String, { nullable: true })
  sourceSnapshotARN?: string | null;
  @Field(() => String, { nullable: true, description: "The ID of the snapshot that's being copied or was most recently copied to the destination volume." })
  destinationSnapshot?: string | null;
  @Field(() => E.OpenZFSCopyStrategy, { nullable: true, description: "Specifies the strategy used when copying data from the snapshot to the new volume. CLONE - The new volume references the data in the origin snapshot. Cloning a snapshot is faster than copying data from the snapshot to a new volume and doesn't consume disk throughput." })
  copyStrategy?: E.OpenZFSCopyStrategy | null;
}

@ObjectType('OpenZFSOriginSnapshotConfiguration', { simpleResolvers: true, description: "The snapshot configuration used when creating an Amazon FSx for OpenZFS volume from a snapshot." })
export class OpenZFSOriginSnapshotConfiguration {
  @Field(() => String, { nullable: true })
  snapshotARN?: string | null;
  @Field(() => E.OpenZFSCopyStrategy, { nullable: true, description: "The strategy used when copying data from the snapshot to the new volume. CLONE - The new volume references the data in the origin snapshot. Cloning a snapshot is faster than copying the data from a snapshot to a new volume and doesn't consume disk throughput. However, the origin snapshot can't be deleted if there is a volume using its copied data." })
  copyStrategy?: E.OpenZFSCopyStrategy | null;
}

@ObjectType('OpenZFSNfsExport', { simpleResolvers: true, description: "The Network File System (NFS) configurations for mounting an Amazon FSx for OpenZFS file system." })
export class OpenZFSNfsExport {
  @Field(() => [OpenZFSClientConfiguration], { nullable: true, description: "A list of configuration objects that contain the client and options for mounting the OpenZFS file system." })
  clientConfigurations?: OpenZFSClientConfiguration[] | null;
}

@ObjectType('OpenZFSClientConfiguration', { simpleResolvers: true, description: "Specifies who can mount an OpenZFS file system and the options available while mounting the file system." })
export class OpenZFSClientConfiguration {
  @Field(() => String, { nullable: true, description: "A value that specifies who can mount the file system. You can provide a wildcard character ( * ), an IP address ( 0.0.0.0 ), or a CIDR address ( 192.0.2.0/24 ). By default, Amazon FSx uses the wildcard character when specifying the client." })
  clients?: string | null;
  @Field(() => [String], { nullable: true, description: "The options to use when mounting the file system. For a list of options that you can use with Network File System (NFS), see the exports(5) - Linux man page . When choosing your options, consider the following: crossmnt is used by default." })
  options?: string[] | null;
}

@ObjectType('OpenZFSUserOrGroupQuota', { simpleResolvers: true, description: "Used to configure quotas that define how much storage a user or group can use on an FSx for OpenZFS volume. For more information, see Volume properties in the FSx for OpenZFS User Guide." })
export class OpenZFSUserOrGroupQuota {
  @Field(() => E.OpenZFSQuotaType, { nullable: true, description: "Specifies whether the quota applies to a user or group." })
  type?: E.OpenZFSQuotaType | null;
  @Field(() => Int, { nullable: true, description: "The ID of the user or group that the quota applies to." })
  id?: number | null;
  @Field(() => Int, { nullable: true, description: "The user or group's storage quota, in gibibytes (GiB)." })
  storageCapacityQuotaGiB?: number | null;
}

@ObjectType('Snapshot', { simpleResolvers: true, description: "A snapshot of an Amazon FSx for OpenZFS volume." })
export class Snapshot {
  @Field(() => String, { nullable: true })
  resourceARN?: string | null;
  @Field(() => String, { nullable: true, description: "The ID of the snapshot." })
  snapshotId?: string | null;
  @Field(() => String, { nullable: true, description: "The name of the snapshot." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "The ID of the volume that the snapshot is of." })
  volumeId?: string | null;
  @Field(() => DateTime, { nullable: true })
  creationTime?: Date | null;
  @Field(() => E.SnapshotLifecycle, { nullable: true, description: "The lifecycle status of the snapshot. PENDING - Amazon FSx hasn't started creating the snapshot. CREATING - Amazon FSx is creating the snapshot. DELETING - Amazon FSx is deleting the snapshot. AVAILABLE - The snapshot is fully available." })
  lifecycle?: E.SnapshotLifecycle | null;
  @Field(() => LifecycleTransitionReason, { nullable: true })
  lifecycleTransitionReason?: LifecycleTransitionReason | null;
  @Field(() => [Tag], { nullable: true })
  tags?: Tag[] | null;
  @Field(() => [AdministrativeAction], { nullable: true, description: "A list of administrative actions for the file system that are in process or waiting to be processed. Administrative actions describe changes to the Amazon FSx system." })
  administrativeActions?: AdministrativeAction[] | null;
}

@ObjectType('OntapFileSystemConfiguration', { simpleResolvers: true, description: "Configuration for the FSx for NetApp ONTAP file system." })
export class OntapFileSystemConfiguration {
  @Field(() => Int, { nullable: true })
  automaticBackupRetentionDays?: number | null;
  @Field(() => String, { nullable: true })
  dailyAutomaticBackupStartTime?: string | null;
  @Field(() => E.OntapDeploymentType, { nullable: true, description: "Specifies the FSx for ONTAP file system deployment type in use in the file system. MULTI_AZ_1 - A high availability file system configured for Multi-AZ redundancy to tolerate temporary Availability Zone (AZ) unavailability. This is a first-generation FSx for ONTAP file system." })
  deploymentType?: E.OntapDeploymentType | null;
  @Field(() => String, { nullable: true, description: "(Multi-AZ only) Specifies the IPv4 address range in which the endpoints to access your file system will be created. By default in the Amazon FSx API, Amazon FSx selects an unused IP address range for you from the 198.19.* range." })
  endpointIpAddressRange?: string | null;
  @Field(() => FileSystemEndpoints, { nullable: true, description: "The Management and Intercluster endpoints that are used to access data or to manage the file system using the NetApp ONTAP CLI, REST API, or NetApp SnapMirror." })
  endpoints?: FileSystemEndpoints | null;
  @Field(() => DiskIopsConfiguration, { nullable: true, description: "The SSD IOPS configuration for the ONTAP file system, specifying the number of provisioned IOPS and the provision mode." })
  diskIopsConfiguration?: DiskIopsConfiguration | null;
  @Field(() => String, { nullable: true })
  preferredSubnetId?: string | null;
  @Field(() => [String], { nullable: true, description: "(Multi-AZ only) The VPC route tables in which your file system's endpoints are created." })
  routeTableIds?: string[] | null;
  @Field(() => Int, { nullable: true })
  throughputCapacity?: number | null;
  @Field(() => String, { nullable: true })
  weeklyMaintenanceStartTime?: string | null;
  @Field(() => Int, { nullable: true, description: "Specifies how many high-availability (HA) file server pairs the file system will have. The default value is 1. The value of this property affects the values of StorageCapacity , Iops , and ThroughputCapacity . For more information, see High-availability (HA) pairs in the FSx for ONTAP user guide." })
  haPairs?: number | null;
  @Field(() => Int, { nullable: true, description: "Use to choose the throughput capacity per HA pair. When the value of HAPairs is equal to 1, the value of ThroughputCapacityPerHAPair is the total throughput for the file system. This field and ThroughputCapacity cannot be defined in the same API call, but one is required." })
  throughputCapacityPerHAPair?: number | null;
  @Field(() => String, { nullable: true, description: "(Multi-AZ only) Specifies the IPv6 address range in which the endpoints to access your file system will be created. By default in the Amazon FSx API and Amazon FSx console, Amazon FSx selects an available /118 IP address range for you from one of the VPC's CIDR ranges." })
  endpointIpv6AddressRange?: string | null;
}

@ObjectType('FileSystemEndpoints', { simpleResolvers: true, description: "An Amazon FSx for NetApp ONTAP file system has the following endpoints that are used to access data or to manage the file system using the NetApp ONTAP CLI, REST API, or NetApp SnapMirror." })
export class FileSystemEndpoints {
  @Field(() => FileSystemEndpoint, { nullable: true, description: "An endpoint for managing your file system by setting up NetApp SnapMirror with other ONTAP systems." })
  intercluster?: FileSystemEndpoint | null;
  @Field(() => FileSystemEndpoint, { nullable: true, description: "An endpoint for managing your file system using the NetApp ONTAP CLI and NetApp ONTAP API." })
  management?: FileSystemEndpoint | null;
}

@ObjectType('FileSystemEndpoint', { simpleResolvers: true, description: "An Amazon FSx for NetApp ONTAP file system has two endpoints that are used to access data or to manage the file system using the NetApp ONTAP CLI, REST API, or NetApp SnapMirror. They are the Management and Intercluster endpoints." })
export class FileSystemEndpoint {
  @Field(() => String, { nullable: true })
  dnsName?: string | null;
  @Field(() => [String], { nullable: true, description: "The IPv4 addresses of the file system endpoint." })
  ipAddresses?: string[] | null;
  @Field(() => [String], { nullable: true, description: "The IPv6 addresses of the file system endpoint." })
  ipv6Addresses?: string[] | null;
}

@ObjectType('OpenZFSFileSystemConfiguration', { simpleResolvers: true, description: "The configuration for the Amazon FSx for OpenZFS file system." })
export class OpenZFSFileSystemConfiguration {
  @Field(() => Int, { nullable: true })
  automaticBackupRetentionDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether tags on the file system should be copied to backups. If it's set to true , all tags on the file system are copied to all automatic backups and any user-initiated backups where the user doesn't specify any tags. If this value is true and you specify one or more tags, only the specified tags are copied to backups." })
  copyTagsToBackups?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "A Boolean value indicating whether tags for the volume should be copied to snapshots. This value defaults to false . If it's set to true , all tags for the volume are copied to snapshots where the user doesn't specify tags. If this value is true and you specify one or more tags, only the specified tags are copied to snapshots." })
  copyTagsToVolumes?: boolean | null;
  @Field(() => String, { nullable: true })
  dailyAutomaticBackupStartTime?: string | null;
  @Field(() => E.OpenZFSDeploymentType, { nullable: true, description: "Specifies the file-system deployment type. Amazon FSx for OpenZFS supports\u2028 MULTI_AZ_1 , SINGLE_AZ_HA_2 , SINGLE_AZ_HA_1 , SINGLE_AZ_2 , and SINGLE_AZ_1 ." })
  deploymentType?: E.OpenZFSDeploymentType | null;
  @Field(() => Int, { nullable: true, description: "The throughput of an Amazon FSx file system, measured in megabytes per second (MBps)." })
  throughputCapacity?: number | null;
  @Field(() => String, { nullable: true })
  weeklyMaintenanceStartTime?: string | null;
  @Field(() => DiskIopsConfiguration, { nullable: true })
  diskIopsConfiguration?: DiskIopsConfiguration | null;
  @Field(() => String, { nullable: true, description: "The ID of the root volume of the OpenZFS file system." })
  rootVolumeId?: string | null;
  @Field(() => String, { nullable: true, description: "Required when DeploymentType is set to MULTI_AZ_1 . This specifies the subnet in which you want the preferred file server to be located." })
  preferredSubnetId?: string | null;
  @Field(() => String, { nullable: true, description: "(Multi-AZ only) Specifies the IPv4 address range in which the endpoints to access your file system will be created. By default in the Amazon FSx API and Amazon FSx console, Amazon FSx selects an available /28 IP address range for you from one of the VPC's CIDR ranges." })
  endpointIpAddressRange?: string | null;
  @Field(() => String, { nullable: true, description: "(Multi-AZ only) Specifies the IPv6 address range in which the endpoints to access your file system will be created. By default in the Amazon FSx API and Amazon FSx console, Amazon FSx selects an available /118 IP address range for you from one of the VPC's CIDR ranges." })
  endpointIpv6AddressRange?: string | null;
  @Field(() => [String], { nullable: true, description: "(Multi-AZ only) The VPC route tables in which your file system's endpoints are created." })
  routeTableIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "The IPv4 address of the endpoint that is used to access data or to manage the file system." })
  endpointIpAddress?: string | null;
  @Field(() => String, { nullable: true, description: "The IPv6 address of the endpoint that is used to access data or to manage the file system." })
  endpointIpv6Address?: string | null;
  @Field(() => OpenZFSReadCacheConfiguration, { nullable: true, description: "Required when StorageType is set to INTELLIGENT_TIERING . Specifies the optional provisioned SSD read cache." })
  readCacheConfiguration?: OpenZFSReadCacheConfiguration | null;
}

@ObjectType('OpenZFSReadCacheConfiguration', { simpleResolvers: true, description: "The configuration for the optional provisioned SSD read cache on Amazon FSx for OpenZFS file systems that use the Intelligent-Tiering storage class." })
export class OpenZFSReadCacheConfiguration {
  @Field(() => E.OpenZFSReadCacheSizingMode, { nullable: true, description: "Specifies how the provisioned SSD read cache is sized, as follows: Set to NO_CACHE if you do not want to use an SSD read cache with your Intelligent-Tiering file system. Set to USER_PROVISIONED to specify the exact size of your SSD read cache." })
  sizingMode?: E.OpenZFSReadCacheSizingMode | null;
  @Field(() => Int, { nullable: true, description: "Required if SizingMode is set to USER_PROVISIONED . Specifies the size of the file system's SSD read cache, in gibibytes (GiB)." })
  sizeGiB?: number | null;
}

@ObjectType('ActiveDirectoryBackupAttributes', { simpleResolvers: true, description: "The Microsoft Active Directory attributes of the Amazon FSx for Windows File Server file system." })
export class ActiveDirectoryBackupAttributes {
  @Field(() => String, { nullable: true, description: "The fully qualified domain name of the self-managed Active Directory directory." })
  domainName?: string | null;
  @Field(() => String, { nullable: true, description: "The ID of the Amazon Web Services Managed Microsoft Active Directory instance to which the file system is joined." })
  activeDirectoryId?: string | null;
  @Field(() => String, { nullable: true })
  resourceARN?: string | null;
}

@ObjectType('StorageVirtualMachine', { simpleResolvers: true, description: "Describes the Amazon FSx for NetApp ONTAP storage virtual machine (SVM) configuration." })
export class StorageVirtualMachine {
  @Field(() => SvmActiveDirectoryConfiguration, { nullable: true, description: "Describes the Microsoft Active Directory configuration to which the SVM is joined, if applicable." })
  activeDirectoryConfiguration?: SvmActiveDirectoryConfiguration | null;
  @Field(() => DateTime, { nullable: true })
  creationTime?: Date | null;
  @Field(() => SvmEndpoints, { nullable: true, description: "The endpoints that are used to access data or to manage the SVM using the NetApp ONTAP CLI, REST API, or NetApp CloudManager. They are the Iscsi , Management , Nfs , and Smb endpoints." })
  endpoints?: SvmEndpoints | null;
  @Field(() => String, { nullable: true })
  fileSystemId?: string | null;
  @Field(() => E.StorageVirtualMachineLifecycle, { nullable: true, description: "Describes the SVM's lifecycle status. CREATED - The SVM is fully available for use. CREATING - Amazon FSx is creating the new SVM. DELETING - Amazon FSx is deleting an existing SVM. FAILED - Amazon FSx was unable to create the SVM. MISCONFIGURED - The SVM is in a failed but recoverable state. PENDING - Amazon FSx has not started creating the SVM." })
  lifecycle?: E.StorageVirtualMachineLifecycle | null;
  @Field(() => String, { nullable: true, description: "The name of the SVM, if provisioned." })
  name?: string | null;
  @Field(() => String, { nullable: true })
  resourceARN?: string | null;
  @Field(() => String, { description: "The SVM's system generated unique ID." })
  storageVirtualMachineId!: string;
  @Field(() => E.StorageVirtualMachineSubtype, { nullable: true, description: "Describes the SVM's subtype." })
  subtype?: E.StorageVirtualMachineSubtype | null;
  @Field(() => String, { nullable: true, description: "The SVM's UUID (universally unique identifier)." })
  uuid?: string | null;
  @Field(() => [Tag], { nullable: true })
  tags?: Tag[] | null;
  @Field(() => LifecycleTransitionReason, { nullable: true, description: "Describes why the SVM lifecycle state changed." })
  lifecycleTransitionReason?: LifecycleTransitionReason | null;
  @Field(() => E.StorageVirtualMachineRootVolumeSecurityStyle, { nullable: true, description: "The security style of the root volume of the SVM." })
  rootVolumeSecurityStyle?: E.StorageVirtualMachineRootVolumeSecurityStyle | null;
}

@ObjectType('SvmActiveDirectoryConfiguration', { simpleResolvers: true, description: "Describes the Microsoft Active Directory (AD) directory configuration to which the FSx for ONTAP storage virtual machine (SVM) is joined. Note that account credentials are not returned in the response payload." })
export class SvmActiveDirectoryConfiguration {
  @Field(() => String, { nullable: true, description: "The NetBIOS name of the AD computer object to which the SVM is joined." })
  netBiosName?: string | null;
  @Field(() => SelfManagedActiveDirectoryAttributes, { nullable: true })
  selfManagedActiveDirectoryConfiguration?: SelfManagedActiveDirectoryAttributes | null;
}

@ObjectType('SvmEndpoints', { simpleResolvers: true, description: "An Amazon FSx for NetApp ONTAP storage virtual machine (SVM) has the following endpoints that are used to access data or to manage the SVM using the NetApp ONTAP CLI, REST API, or NetApp CloudManager." })
export class SvmEndpoints {
  @Field(() => SvmEndpoint, { nullable: true, description: "An endpoint for connecting using the Internet Small Computer Systems Interface (iSCSI) protocol." })
  iscsi?: SvmEndpoint | null;
  @Field(() => SvmEndpoint, { nullable: true, description: "An endpoint for managing SVMs using the NetApp ONTAP CLI, NetApp ONTAP API, or NetApp CloudManager." })
  management?: SvmEndpoint | null;
  @Field(() => SvmEndpoint, { nullable: true, description: "An endpoint for connecting using the Network File System (NFS) protocol." })
  nfs?: SvmEndpoint | null;
  @Field(() => SvmEndpoint, { nullable: true, description: "An endpoint for connecting using the Server Message Block (SMB) protocol." })
  smb?: SvmEndpoint | null;
}

@ObjectType('SvmEndpoint', { simpleResolvers: true, description: "An Amazon FSx for NetApp ONTAP storage virtual machine (SVM) has four endpoints that are used to access data or to manage the SVM using the NetApp ONTAP CLI, REST API, or NetApp CloudManager. They are the Iscsi , Management , Nfs , and Smb endpoints." })
export class SvmEndpoint {
  @Field(() => String, { nullable: true })
  dnsName?: string | null;
  @Field(() => [String], { nullable: true, description: "The SVM endpoint's IPv4 addresses." })
  ipAddresses?: string[] | null;
  @Field(() => [String], { nullable: true, description: "The SVM endpoint's IPv6 addresses." })
  ipv6Addresses?: string[] | null;
}

/** The most items each list field can hold, from the model's list shapes; query cost multiplies by it. */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Backup.tags': 50,
  'FileSystem.subnetIds': 50,
  'FileSystem.networkInterfaceIds': 50,
  'FileSystem.tags': 50,
  'FileSystem.administrativeActions': 50,
  'WindowsFileSystemConfiguration.maintenanceOperationsInProgress': 20,
  'WindowsFileSystemConfiguration.aliases': 50,
  'SelfManagedActiveDirectoryAttributes.dnsIps': 3,
  'LustreRootSquashConfiguration.noSquashNids': 64,
  'Volume.tags': 50,
  'Volume.administrativeActions': 50,
  'AggregateConfiguration.aggregates': 6,
  'OpenZFSVolumeConfiguration.nfsExports': 1,
  'OpenZFSVolumeConfiguration.userAndGroupQuotas': 500,
  'OpenZFSNfsExport.clientConfigurations': 25,
  'OpenZFSClientConfiguration.options': 20,
  'Snapshot.tags': 50,
  'Snapshot.administrativeActions': 50,
  'OntapFileSystemConfiguration.routeTableIds': 50,
  'FileSystemEndpoint.ipAddresses': 24,
  'FileSystemEndpoint.ipv6Addresses': 24,
  'OpenZFSFileSystemConfiguration.routeTableIds': 50,
  'StorageVirtualMachine.tags': 50,
  'SvmEndpoint.ipAddresses': 24,
  'SvmEndpoint.ipv6Addresses': 24,
};

/**
 * The types that implement Node: their ARN resource type (arn:...:fsx:region:account:<resource>/<path>), id field,
 * and the fields whose values make the ARN's resource path (the id last), e.g. volume/<fileSystemId>/<volumeId>.
 */
export const NODE_TYPES = {
  Backup: { resource: 'backup', idField: 'backupId', arnPath: ['backupId'] },
  FileSystem: { resource: 'file-system', idField: 'fileSystemId', arnPath: ['fileSystemId'] },
  Volume: { resource: 'volume', idField: 'volumeId', arnPath: ['fileSystemId', 'volumeId'] },
} as const;

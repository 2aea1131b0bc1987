/** The input fields the console sends, as its forms label them. */
const LABELS: Record<string, string> = {
  backupId: 'Backup',
  clientRequestToken: 'Client request token',
  copyTags: 'Copy tags',
  deploymentType: 'Deployment type',
  destinationRegion: 'Destination region',
  fileSystemId: 'File system',
  junctionPath: 'Junction path',
  key: 'key',
  name: 'Volume name',
  region: 'Region',
  sourceBackupId: 'Backup',
  sourceRegion: 'Source region',
  storageVirtualMachineId: 'Storage virtual machine',
  subnetIds: 'Subnet IDs',
  tagKeys: 'Tag keys',
  tags: 'Tags',
  throughputCapacity: 'Throughput capacity',
  value: 'value',
  volumeId: 'Volume',
};

/** One item of a list field, numbered from 1 as a person counts ("Tag 2"). */
const ITEM: Record<string, string> = {
  subnetIds: 'Subnet ID',
  tagKeys: 'Tag key',
  tags: 'Tag',
};

/** "storageVirtualMachineId" → "storage virtual machine ID", for a field this console does not know. */
const words = (name: string): string =>
  name
    .replace(/Id(s?)$/, ' ID$1')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid(s?)\b/g, 'ID$1');

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An InvalidInput path as the form's label: ["input", "tags", "0", "key"] → "Tag 1 key",
 * ["input", "ontapConfiguration", "storageVirtualMachineId"] → "Storage virtual machine". The
 * argument name and configuration groups are left out: the form shows neither.
 */
export function fieldLabel(path: readonly string[]): string {
  const segments = path[0] === 'input' ? path.slice(1) : path;
  const parts: string[] = [];
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) {
      const list = segments[index - 1] ?? '';
      parts[parts.length - 1] = `${ITEM[list] ?? parts[parts.length - 1] ?? 'Item'} ${Number(segment) + 1}`;
    } else if (!(segment.endsWith('Configuration') && index < segments.length - 1)) {
      const label = LABELS[segment] ?? words(segment);
      parts.push(parts.length === 0 ? label : label.toLowerCase());
    }
  });
  return capitalised(parts.join(' ') || 'Input');
}

interface FieldError {
  path: readonly string[];
  message: string;
}

/** The gateway's message starts with the field's own name ("key may contain …"): the label replaces it. */
function withoutFieldName(error: FieldError): string {
  const name = [...error.path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? '';
  return name && error.message.startsWith(`${name} `) ? error.message.slice(name.length + 1) : error.message;
}

/** Errors of one field as a person reads them: "Tag 1 key: may contain only letters, …; must be …". */
export function fieldErrorText(...errors: [FieldError, ...FieldError[]]): string {
  return `${fieldLabel(errors[0].path)}: ${errors.map(withoutFieldName).join('; ')}`;
}

/** The path as one key ("tags.0.key"), to find the form field an error belongs to. */
export const fieldKey = (path: readonly string[]): string => (path[0] === 'input' ? path.slice(1) : path).join('.');

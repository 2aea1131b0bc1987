import { useQuery } from '@apollo/client';
import { useEffect } from 'react';
import { type FileSystemFieldsFragment, FileSystemVolumesDocument, FileSystemsDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import { backupTarget } from './backup-target';
import type { FieldErrors } from './field-errors';
import { nameTag } from './format';

/** The file systems of the region (and account) FSx can back up whole; the one the form was opened for first. */
export function FileSystemChoice({
  current,
  value,
  onChange,
  errors,
}: {
  current: FileSystemFieldsFragment;
  value: string;
  onChange: (fileSystemId: string) => void;
  errors: FieldErrors;
}) {
  const { data } = useQuery(FileSystemsDocument, {
    variables: { first: 20, region: current.region, account: accountArg(current.accountId) },
    fetchPolicy: 'cache-first',
  });
  const listed = data?.fileSystems.__typename === 'FileSystemConnection' ? data.fileSystems.edges.map((e) => e.node) : [];
  const choices = [current, ...listed.filter((fs) => fs.id !== current.id && backupTarget(fs).kind === 'fileSystem')];
  return (
    <label className="field">
      <span>File system</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.has('fileSystemId')}
        aria-describedby={errors.describedBy('fileSystemId')}
      >
        {choices.map((fs) => (
          <option key={fs.id} value={fs.fileSystemId}>
            {fs.fileSystemId} ({fs.fileSystemType}){nameTag(fs.tags) ? ` · ${nameTag(fs.tags)}` : ''}
          </option>
        ))}
      </select>
      {errors.errorOf('fileSystemId')}
    </label>
  );
}

const READY = new Set(['CREATED', 'AVAILABLE']);

/**
 * ONTAP: FSx backs up volumes, not the file system, so the form offers the file system's volumes
 * (those ready to be backed up can be chosen; the first of them is chosen to begin with).
 */
export function VolumeChoice({
  fileSystem,
  value,
  onChange,
  errors,
}: {
  fileSystem: FileSystemFieldsFragment;
  value: { volumeId: string; name: string } | null;
  onChange: (volume: { volumeId: string; name: string }) => void;
  errors: FieldErrors;
}) {
  // 20, as every list of the console: a larger page of volumes (tags and all) passes the gateway's MAX_COST.
  const { data, loading, error } = useQuery(FileSystemVolumesDocument, {
    variables: { fileSystemId: fileSystem.fileSystemId, region: fileSystem.region, account: accountArg(fileSystem.accountId), first: 20 },
  });
  const page = data?.fileSystem.__typename === 'FileSystem' ? data.fileSystem.volumes : undefined;
  const volumes = page?.__typename === 'VolumeConnection' ? page.edges.map((e) => e.node) : [];
  const first = volumes.find((v) => READY.has(v.lifecycle ?? ''));
  useEffect(() => {
    if (!value && first) onChange({ volumeId: first.volumeId, name: first.name ?? first.volumeId });
  }, [value, first, onChange]);
  const failure = error?.message ?? (page && page.__typename !== 'VolumeConnection' ? page.message : undefined);
  return (
    <label className="field">
      <span>Volume</span>
      <select
        value={value?.volumeId ?? ''}
        onChange={(e) => {
          const chosen = volumes.find((v) => v.volumeId === e.target.value);
          if (chosen) onChange({ volumeId: chosen.volumeId, name: chosen.name ?? chosen.volumeId });
        }}
        aria-invalid={errors.has('volumeId')}
        aria-describedby={errors.describedBy('volumeId')}
      >
        {volumes.length === 0 ? (
          <option value="">{loading ? 'Loading volumes…' : failure ? `Volumes unavailable: ${failure}` : 'No volumes'}</option>
        ) : null}
        {volumes.map((v) => (
          <option key={v.id} value={v.volumeId} disabled={!READY.has(v.lifecycle ?? '')}>
            {v.name ?? v.volumeId} ({v.volumeId}){READY.has(v.lifecycle ?? '') ? '' : ` · ${v.lifecycle}`}
          </option>
        ))}
      </select>
      <span className="hint">FSx backs up an ONTAP file system volume by volume.</span>
      {errors.errorOf('volumeId')}
    </label>
  );
}

import { useQuery } from '@apollo/client';
import { useEffect } from 'react';
import { FileSystemStorageVirtualMachinesDocument } from '../generated/graphql';
import type { FieldErrors } from './field-errors';

/** The key of the field in restoreVolume's input, for its errors. */
export const SVM_FIELD = 'ontapConfiguration.storageVirtualMachineId';

/**
 * The storage virtual machine a volume is restored into, chosen from the ONTAP file system's SVMs
 * (FileSystem.storageVirtualMachines); those not CREATED cannot be chosen. It starts on `preferred`
 * (the backed-up volume's SVM) when that one is there, else on the first that can take a volume.
 */
export function SvmChoice({
  fileSystemId,
  region,
  account,
  preferred,
  value,
  onChange,
  errors,
}: {
  fileSystemId: string;
  region: string;
  /** null: the default account. */
  account: string | null;
  preferred: string | null | undefined;
  value: string;
  onChange: (storageVirtualMachineId: string) => void;
  errors: FieldErrors;
}) {
  const { data, loading, error } = useQuery(FileSystemStorageVirtualMachinesDocument, { variables: { fileSystemId, region, account } });
  const owner = data?.fileSystem;
  const svms = owner?.__typename === 'FileSystem' ? owner.storageVirtualMachines : [];
  const ready = svms.filter((svm) => svm.lifecycle === 'CREATED');
  const start = ready.find((svm) => svm.storageVirtualMachineId === preferred) ?? ready[0];
  useEffect(() => {
    if (!value && start) onChange(start.storageVirtualMachineId);
  }, [value, start, onChange]);
  const failure = error?.message ?? (owner && owner.__typename !== 'FileSystem' ? owner.message : undefined);
  return (
    <label className="field">
      <span>Storage virtual machine</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.has(SVM_FIELD)}
        aria-describedby={errors.describedBy(SVM_FIELD)}
      >
        {svms.length === 0 ? (
          <option value="">
            {loading ? 'Loading…' : failure ? `Storage virtual machines unavailable: ${failure}` : 'No storage virtual machines'}
          </option>
        ) : null}
        {svms.map((svm) => (
          <option key={svm.storageVirtualMachineId} value={svm.storageVirtualMachineId} disabled={svm.lifecycle !== 'CREATED'}>
            {svm.name ?? svm.storageVirtualMachineId} ({svm.storageVirtualMachineId})
            {svm.lifecycle === 'CREATED' ? '' : ` · ${svm.lifecycle}`}
          </option>
        ))}
      </select>
      {errors.errorOf(SVM_FIELD)}
    </label>
  );
}

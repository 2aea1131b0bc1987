import { type Reference, useMutation, useQuery } from '@apollo/client';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { type CreateBackupMutation, CreateBackupDocument, type CreateBackupInput, FileSystemsDocument } from '../generated/graphql';
import { ErrorResultBox, newClientRequestToken } from './ui';

interface TagRow {
  key: string;
  value: string;
}

type Failure = Exclude<CreateBackupMutation['createBackup'], { __typename: 'CreateBackupSuccess' }>;

/** InvalidInput's field errors by the input field their path names: "fileSystemId", "tags.2.key", ... */
function byField(failure: Failure | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (failure?.__typename !== 'InvalidInput') return map;
  for (const e of failure.fieldErrors) {
    const field = (e.path[0] === 'input' ? e.path.slice(1) : e.path).join('.');
    map.set(field, [...(map.get(field) ?? []), e.message]);
  }
  return map;
}

/** The form's own fields; a field error on anything else is listed under the form. */
const FORM_FIELDS = /^(fileSystemId|clientRequestToken|tags(\.\d+(\.(key|value))?)?)$/;

/**
 * Create backup: file system, optional client request token, tags. InvalidInput's field errors appear
 * beside the field their path names; any other failure shows its message, with Retry (the same
 * input, the same token: it cannot make a second backup) when it is retryable.
 */
export function CreateBackupForm({
  id,
  region,
  defaultFileSystemId,
  onCreated,
}: {
  id: string;
  region: string;
  defaultFileSystemId: string;
  onCreated: (backupId: string) => void;
}) {
  const ids = useId();
  const fileSystems = useQuery(FileSystemsDocument, { variables: { first: 20, region }, fetchPolicy: 'cache-first' });
  const [fileSystemId, setFileSystemId] = useState(defaultFileSystemId);
  const [token, setToken] = useState('');
  const [tags, setTags] = useState<TagRow[]>([{ key: 'Name', value: '' }]);
  const [sent, setSent] = useState<CreateBackupInput | null>(null);
  const [create, { loading, data, reset }] = useMutation(CreateBackupDocument, {
    update(cache, { data: result }) {
      // The new backup joins its file system's list already in the cache, where FSx lists it: last.
      const created = result?.createBackup;
      if (created?.__typename !== 'CreateBackupSuccess' || !created.backup.fileSystem) return;
      const owner = cache.identify({ __typename: 'FileSystem', id: created.backup.fileSystem.id });
      const ref = cache.identify(created.backup);
      if (!owner || !ref) return;
      cache.modify({
        id: owner,
        fields: {
          backups(value: unknown, { toReference }) {
            const existing = value as { __typename?: string; edges?: Array<{ node: Reference }> } | undefined;
            if (existing?.__typename !== 'BackupConnection' || !existing.edges) return existing;
            if (existing.edges.some((e) => e.node.__ref === ref)) return existing;
            const edge = { __typename: 'BackupEdge', cursor: '', node: toReference(ref) };
            return { ...existing, edges: [...existing.edges, edge] };
          },
        },
      });
    },
  });
  const result = data?.createBackup;
  const failure = result && result.__typename !== 'CreateBackupSuccess' ? result : undefined;
  const fieldErrors = byField(failure);
  const otherErrors = [...fieldErrors].filter(([field]) => !FORM_FIELDS.test(field));

  const send = async (input: CreateBackupInput) => {
    setSent(input);
    const { data: answer } = await create({ variables: { input } });
    if (answer?.createBackup.__typename === 'CreateBackupSuccess') {
      setToken('');
      setTags([{ key: 'Name', value: '' }]);
      setSent(null);
      reset();
      onCreated(answer.createBackup.backup.backupId);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Rows left entirely empty are not tags; a token is made when none is given, so Retry is safe.
    const given = tags.filter((t) => t.key !== '' || t.value !== '');
    void send({
      fileSystemId,
      region,
      clientRequestToken: token.trim() || newClientRequestToken(),
      ...(given.length ? { tags: given } : {}),
    });
  };

  const setTag = (index: number, patch: Partial<TagRow>) => setTags(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const errorOf = (field: string): ReactNode => {
    const messages = fieldErrors.get(field);
    if (!messages) return null;
    return (
      <span className="field-error" id={`${ids}-${field}-error`}>
        {messages.join('; ')}
      </span>
    );
  };
  const describedBy = (field: string) => (fieldErrors.has(field) ? `${ids}-${field}-error` : undefined);
  const fsEdges = fileSystems.data?.fileSystems.__typename === 'FileSystemConnection' ? fileSystems.data.fileSystems.edges : [];

  return (
    <form id={id} className="create-form" onSubmit={submit} aria-label="Create backup" noValidate>
      <div className="form-row">
        <label className="field">
          <span>File system</span>
          <select
            value={fileSystemId}
            onChange={(e) => setFileSystemId(e.target.value)}
            aria-invalid={fieldErrors.has('fileSystemId')}
            aria-describedby={describedBy('fileSystemId')}
          >
            {fsEdges.some((e) => e.node.fileSystemId === fileSystemId) ? null : <option value={fileSystemId}>{fileSystemId}</option>}
            {fsEdges.map(({ node }) => (
              <option key={node.id} value={node.fileSystemId}>
                {node.fileSystemId} ({node.fileSystemType})
              </option>
            ))}
          </select>
          {errorOf('fileSystemId')}
        </label>
        <label className="field grow">
          <span>
            Client request token <span className="muted">(optional)</span>
          </span>
          <input
            value={token}
            onChange={(e) => setToken(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder="made for you when empty"
            aria-invalid={fieldErrors.has('clientRequestToken')}
            aria-describedby={describedBy('clientRequestToken')}
          />
          {errorOf('clientRequestToken')}
        </label>
      </div>
      <fieldset className="tags">
        <legend>Tags</legend>
        {tags.map((tag, index) => (
          <div className="tag-row" key={index}>
            <label className="field">
              <span className="visually-hidden">Tag {index + 1} key</span>
              <input
                value={tag.key}
                placeholder="Key"
                spellCheck={false}
                onChange={(e) => setTag(index, { key: e.target.value })}
                aria-invalid={fieldErrors.has(`tags.${index}.key`)}
                aria-describedby={describedBy(`tags.${index}.key`)}
              />
              {errorOf(`tags.${index}.key`)}
            </label>
            <label className="field grow">
              <span className="visually-hidden">Tag {index + 1} value</span>
              <input
                value={tag.value}
                placeholder="Value"
                onChange={(e) => setTag(index, { value: e.target.value })}
                aria-invalid={fieldErrors.has(`tags.${index}.value`)}
                aria-describedby={describedBy(`tags.${index}.value`)}
              />
              {errorOf(`tags.${index}.value`)}
            </label>
            <button
              type="button"
              className="button small"
              aria-label={`Remove tag ${index + 1}`}
              onClick={() => setTags(tags.filter((_, i) => i !== index))}
            >
              Remove
            </button>
            {errorOf(`tags.${index}`)}
          </div>
        ))}
        {errorOf('tags')}
        <button
          type="button"
          className="button small"
          onClick={() => setTags([...tags, { key: '', value: '' }])}
          disabled={tags.length >= 50}
        >
          Add tag
        </button>
      </fieldset>
      {failure && failure.__typename !== 'InvalidInput' ? (
        <ErrorResultBox error={failure} busy={loading} onRetry={sent ? () => void send(sent) : undefined} />
      ) : null}
      {failure?.__typename === 'InvalidInput' ? (
        <p className="alert alert-error" role="alert">
          {failure.message}
          {otherErrors.length ? ` ${otherErrors.map(([field, messages]) => `${field}: ${messages.join('; ')}`).join(' · ')}` : ''}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={loading}>
          {loading ? 'Creating…' : 'Create backup'}
        </button>
      </div>
    </form>
  );
}

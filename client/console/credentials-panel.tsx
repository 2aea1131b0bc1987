import { type FormEvent, useState } from 'react';
import { type CredentialKind, type Credentials } from './credentials';

/**
 * Where the caller enters a bearer token or an API key. Shown on demand, and by itself when the gateway
 * answers 401 (`required`).
 */
export function CredentialsPanel({
  current,
  required,
  onSave,
  onCancel,
}: {
  current: Credentials | null;
  required: boolean;
  onSave: (credentials: Credentials | null) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<CredentialKind>(current?.kind ?? 'bearer');
  const [secret, setSecret] = useState(current?.secret ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(secret.trim() ? { kind, secret: secret.trim() } : null);
  };
  return (
    <section className="panel credentials" aria-labelledby="credentials-title">
      <h2 id="credentials-title">Credentials</h2>
      {required ? (
        <p className="alert alert-warning" role="alert">
          The gateway needs credentials: enter a bearer token or an API key.
        </p>
      ) : null}
      <form onSubmit={submit} className="credentials-form">
        <fieldset className="segmented">
          <legend>Kind</legend>
          <label>
            <input type="radio" name="kind" value="bearer" checked={kind === 'bearer'} onChange={() => setKind('bearer')} /> Bearer token
          </label>
          <label>
            <input type="radio" name="kind" value="apikey" checked={kind === 'apikey'} onChange={() => setKind('apikey')} /> API key
          </label>
        </fieldset>
        <label className="field grow">
          <span>{kind === 'bearer' ? 'Token' : 'Key'}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={kind === 'bearer' ? 'eyJhbGciOi…' : 'fsxk_…'}
            autoFocus
          />
        </label>
        <div className="actions">
          <button type="submit" className="button primary">
            Use credentials
          </button>
          {current ? (
            <button type="button" className="button" onClick={() => onSave(null)}>
              Forget
            </button>
          ) : null}
          {!required ? (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      <p className="hint">Kept in this tab only (sessionStorage), sent to this gateway as a header and when opening the live connection.</p>
    </section>
  );
}

import { ApolloProvider } from '@apollo/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileSystemFieldsFragment } from '../generated/graphql';
import { type LiveStatus, createConsoleClient } from './apollo';
import type { Notify } from './backup-actions';
import { Backups } from './backups';
import { type Credentials, loadCredentials, saveCredentials } from './credentials';
import { CredentialsPanel } from './credentials-panel';
import { FileSystems } from './file-systems';
import { Notice, type NoticeState } from './notice';
import { AccountSelect } from './account-select';
import { RegionSelect } from './region-select';

/** The console: credentials, an account and a region, the file systems, and the backups of the one chosen. */
export function App() {
  const [credentials, setCredentials] = useState<Credentials | null>(loadCredentials);
  const [needCredentials, setNeedCredentials] = useState(false);
  const [editingCredentials, setEditingCredentials] = useState(false);
  // null: the caller's default account (the first), until one is chosen; the same for its default region.
  const [account, setAccount] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [selected, setSelected] = useState<FileSystemFieldsFragment | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const credentialsButton = useRef<HTMLButtonElement>(null);

  const onUnauthenticated = useCallback(() => setNeedCredentials(true), []);
  // A new client (and cache) for new credentials: nothing read with the old ones is shown with the new.
  const client = useMemo(() => createConsoleClient(credentials, onUnauthenticated), [credentials, onUnauthenticated]);
  useEffect(() => () => client.dispose(), [client]);
  const [liveStatus, setLiveStatus] = useState<LiveStatus>('idle');
  useEffect(() => {
    setLiveStatus('idle');
    return client.onLiveStatus(setLiveStatus);
  }, [client]);

  const notify: Notify = useCallback((text, follow) => setNotice({ text, follow }), []);
  const clearNotice = useCallback(() => setNotice(null), []);

  const useCredentials = (next: Credentials | null) => {
    saveCredentials(next);
    setCredentials(next);
    // Other credentials may be limited to other accounts: back to their default account and region.
    setAccount(null);
    setRegion(null);
    setSelected(null);
    setNeedCredentials(false);
    setEditingCredentials(false);
    // The panel (and the button that submitted it) goes: focus returns to the button that opens it.
    credentialsButton.current?.focus();
  };

  const showCredentials = needCredentials || editingCredentials;
  return (
    <ApolloProvider client={client.apollo}>
      <header className="topbar">
        <h1>
          FSx backups <span className="muted">console</span>
        </h1>
        <AccountSelect
          className="inline-field"
          value={account}
          onChange={(next) => {
            setAccount(next.accountId);
            // The region stays where the new account is served in it; else the account's default.
            setRegion((current) => (current && next.regions.includes(current) ? current : null));
            setSelected(null);
          }}
        />
        <RegionSelect
          label="Region"
          className="inline-field"
          account={account}
          value={region}
          onChange={(next) => {
            setRegion(next);
            setSelected(null);
          }}
        />
        <button
          type="button"
          className="button"
          ref={credentialsButton}
          aria-expanded={showCredentials}
          aria-controls="credentials"
          onClick={() => setEditingCredentials(!editingCredentials)}
        >
          {credentials ? `Credentials: ${credentials.kind === 'bearer' ? 'bearer token' : 'API key'}` : 'Credentials'}
        </button>
        <a className="link" href="/graphql">
          GraphiQL
        </a>
      </header>
      <main>
        <Notice notice={notice} onDone={clearNotice} />
        {showCredentials ? (
          <div id="credentials">
            <CredentialsPanel
              current={credentials}
              required={needCredentials}
              onSave={useCredentials}
              onCancel={() => {
                setEditingCredentials(false);
                credentialsButton.current?.focus();
              }}
            />
          </div>
        ) : null}
        {needCredentials ? null : (
          <>
            <FileSystems
              key={`${account ?? ''}/${region ?? ''}`}
              account={account}
              region={region}
              selected={selected}
              onSelect={setSelected}
            />
            {selected ? (
              <Backups key={selected.id} fileSystem={selected} notify={notify} liveStatus={liveStatus} />
            ) : (
              <p className="panel muted empty-hint">Choose a file system to see its backups.</p>
            )}
          </>
        )}
      </main>
    </ApolloProvider>
  );
}

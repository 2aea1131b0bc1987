import { ApolloProvider } from '@apollo/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileSystemFieldsFragment } from '../generated/graphql';
import { type LiveStatus, createConsoleClient } from './apollo';
import { Backups } from './backups';
import { type Credentials, loadCredentials, saveCredentials } from './credentials';
import { CredentialsPanel } from './credentials-panel';
import { FileSystems } from './file-systems';

/** The console: credentials, a region, the file systems, and the backups of the one chosen. */
export function App() {
  const [credentials, setCredentials] = useState<Credentials | null>(loadCredentials);
  const [needCredentials, setNeedCredentials] = useState(false);
  const [editingCredentials, setEditingCredentials] = useState(false);
  const [regionInput, setRegionInput] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  const [selected, setSelected] = useState<FileSystemFieldsFragment | null>(null);
  const [notice, setNotice] = useState('');
  const noticeTimer = useRef<number>();

  const onUnauthenticated = useCallback(() => setNeedCredentials(true), []);
  // A new client (and cache) for new credentials: nothing read with the old ones is shown with the new.
  const client = useMemo(() => createConsoleClient(credentials, onUnauthenticated), [credentials, onUnauthenticated]);
  useEffect(() => () => client.dispose(), [client]);
  const [liveStatus, setLiveStatus] = useState<LiveStatus>('idle');
  useEffect(() => {
    setLiveStatus('idle');
    return client.onLiveStatus(setLiveStatus);
  }, [client]);

  const notify = useCallback((message: string) => {
    setNotice(message);
    window.clearTimeout(noticeTimer.current);
    noticeTimer.current = window.setTimeout(() => setNotice(''), 8000);
  }, []);

  const useCredentials = (next: Credentials | null) => {
    saveCredentials(next);
    setCredentials(next);
    setSelected(null);
    setNeedCredentials(false);
    setEditingCredentials(false);
  };

  const showCredentials = needCredentials || editingCredentials;
  return (
    <ApolloProvider client={client.apollo}>
      <header className="topbar">
        <h1>
          FSx backups <span className="muted">console</span>
        </h1>
        <form
          className="region-form"
          onSubmit={(e) => {
            e.preventDefault();
            setRegion(regionInput.trim() || null);
            setSelected(null);
          }}
        >
          <label className="inline-field">
            <span>Region</span>
            <input
              value={regionInput}
              onChange={(e) => setRegionInput(e.target.value)}
              placeholder="default"
              spellCheck={false}
              size={14}
            />
          </label>
          <button type="submit" className="button">
            Show
          </button>
        </form>
        <button
          type="button"
          className="button"
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
        <div role="status" aria-live="polite" className={notice ? 'notice' : 'notice notice-empty'}>
          {notice}
        </div>
        {showCredentials ? (
          <div id="credentials">
            <CredentialsPanel
              current={credentials}
              required={needCredentials}
              onSave={useCredentials}
              onCancel={() => setEditingCredentials(false)}
            />
          </div>
        ) : null}
        {needCredentials ? null : (
          <>
            <FileSystems key={`${region ?? ''}`} region={region} selected={selected} onSelect={setSelected} />
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

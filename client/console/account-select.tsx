import { useQuery } from '@apollo/client';
import { type AccountsQuery, AccountsDocument } from '../generated/graphql';

export type Account = AccountsQuery['accounts'][number];

/** The accounts the caller may use, the default first, each with its regions (Query.accounts: no FSx call); empty until known. */
export function useAccounts(): { accounts: readonly Account[]; loading: boolean } {
  const { data, loading } = useQuery(AccountsDocument, { fetchPolicy: 'cache-first' });
  return { accounts: data?.accounts ?? [], loading };
}

/** The account `accountId` names (null: the default, the first), once the list is known. */
export const accountOf = (accounts: readonly Account[], accountId: string | null): Account | undefined =>
  accountId === null ? accounts[0] : accounts.find((a) => a.accountId === accountId);

/**
 * The `account` argument for a resource's accountId. A gateway that could not learn its own account
 * (no FSX_ACCOUNTS, no STS, no resources at start) labels it "unknown", which no `account` argument
 * takes: null then means the same account, the default (and only) one.
 */
export const accountArg = (accountId: string): string | null => (/^\d{12}$/.test(accountId) ? accountId : null);

/** How a picker names an account: "name (id)", or the id alone when it has no name of its own. */
export const accountLabel = (account: Account): string =>
  account.name && account.name !== account.accountId ? `${account.name} (${account.accountId})` : account.accountId;

/**
 * An account picker over the accounts served to the caller, shown only when there is a choice: with
 * one account (or until the list is known) it renders nothing, and the console looks as it did before
 * accounts. `value` null is the default account (the first).
 */
export function AccountSelect({
  value,
  onChange,
  className = 'field',
}: {
  value: string | null;
  onChange: (account: Account) => void;
  className?: string;
}) {
  const { accounts } = useAccounts();
  if (accounts.length < 2) return null;
  const shown = value ?? accounts[0].accountId;
  return (
    <label className={className}>
      <span>Account</span>
      <select
        value={shown}
        onChange={(e) => {
          const chosen = accounts.find((a) => a.accountId === e.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {accounts.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {accountLabel(account)}
          </option>
        ))}
      </select>
    </label>
  );
}

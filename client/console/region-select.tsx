import { accountOf, useAccounts } from './account-select';

/**
 * A region picker over the regions served in `account` (null: the default account), from the same
 * Query.accounts the account picker reads (no FSx call): an account may be served in fewer regions
 * than another. `value` null is the account's default region (its first), shown by its name. Until
 * the list is known (or if it cannot be read) it offers the default alone.
 */
export function RegionSelect({
  label,
  account,
  value,
  onChange,
  className = 'field',
}: {
  label: string;
  account: string | null;
  value: string | null;
  onChange: (region: string) => void;
  className?: string;
}) {
  const { accounts, loading } = useAccounts();
  const regions = accountOf(accounts, account)?.regions ?? [];
  const shown = value ?? regions[0] ?? '';
  return (
    <label className={className}>
      <span>{label}</span>
      <select value={shown} onChange={(e) => onChange(e.target.value)} disabled={regions.length === 0}>
        {regions.length === 0 ? <option value="">{loading ? 'Loading…' : 'default'}</option> : null}
        {regions.map((region, index) => (
          <option key={region} value={region}>
            {region}
            {index === 0 ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

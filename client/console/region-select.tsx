import { useQuery } from '@apollo/client';
import { RegionsDocument } from '../generated/graphql';

/** The regions the gateway serves, its default first (Query.regions: no FSx call); empty until known. */
export function useRegions(): { regions: readonly string[]; loading: boolean } {
  const { data, loading } = useQuery(RegionsDocument, { fetchPolicy: 'cache-first' });
  return { regions: data?.regions ?? [], loading };
}

/**
 * A region picker over the regions served. `value` null is the gateway's default region (the first),
 * shown by its name. Until the list is known (or if it cannot be read) it offers the default alone.
 */
export function RegionSelect({
  label,
  value,
  onChange,
  className = 'field',
}: {
  label: string;
  value: string | null;
  onChange: (region: string) => void;
  className?: string;
}) {
  const { regions, loading } = useRegions();
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

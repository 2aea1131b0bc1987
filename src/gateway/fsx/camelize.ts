/**
 * FSx member names → GraphQL field names: the leading capitals become lower case, keeping the capital
 * that starts the next word (DNSName → dnsName, HAPairs → haPairs, OpenZFSConfiguration →
 * openZFSConfiguration, UUID → uuid). scripts/generate-fsx-shapes.py applies the same rule to the schema.
 */
export function camelName(name: string): string {
  if (name.toUpperCase() === name) return name.toLowerCase();
  let run = 0;
  while (run < name.length && isUpper(name[run])) run++;
  if (run <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  if (run < name.length && isLower(name[run])) return name.slice(0, run - 1).toLowerCase() + name.slice(run - 1);
  return name.slice(0, run).toLowerCase() + name.slice(run);
}

const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isLower = (c: string) => c >= 'a' && c <= 'z';

// Member names repeat across every record of every response: convert each once per process.
const nameCache = new Map<string, string>();
function cachedCamelName(name: string): string {
  let converted = nameCache.get(name);
  if (converted === undefined) {
    converted = camelName(name);
    if (nameCache.size < 10_000) nameCache.set(name, converted);
  }
  return converted;
}

/** Deep copy of an SDK output shape with GraphQL field names. Dates and primitives pass through. */
export function camelizeKeys<T = unknown>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => camelizeKeys(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[cachedCamelName(key)] = camelizeKeys((value as Record<string, unknown>)[key]);
  }
  return out as T;
}

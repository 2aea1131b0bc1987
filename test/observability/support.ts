import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Prometheus' own checker: `promtool` from Debian's `prometheus` package (`.ci/run` installs it when
 * missing). Without it, the suites that need it are skipped and say so; in CI nothing is skipped.
 */
export function promtoolPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const describeWithPromtool: jest.Describe = (() => {
  if (promtoolPath()) return describe;
  console.warn('promtool not found: skipping the promtool checks (apt-get install prometheus; .ci/run does).');
  return describe.skip;
})();

/** Runs `promtool <args>` (stdin: `input`); resolves with its exit code and output. */
export function promtool(args: string[], input?: string): { status: number | null; output: string } {
  const run = spawnSync(promtoolPath()!, args, { input, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** One sample of the Prometheus text format: `name{a="1",b="2"} 3`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** The samples of `name` (with at least `labels`), as `{ "<label values joined by ,>": value }` over the labels not given. */
export function series(samples: Sample[], name: string, labels: Record<string, string> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    if (s.name !== name || !Object.entries(labels).every(([k, v]) => s.labels[k] === v)) continue;
    const key = Object.entries(s.labels)
      .filter(([k]) => !(k in labels) && k !== 'le')
      .map(([, v]) => v)
      .join(',');
    out[key] = (out[key] ?? 0) + s.value;
  }
  return out;
}

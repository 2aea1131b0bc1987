import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_ENV_VARS, loadConfig } from '../../src/config';
import { EMULATOR_ENV_VARS, emulatorConfigFromEnv } from '../../src/emulator';
import { GatewayMetrics } from '../../src/gateway/observability/metrics';
import { METRICS_PATH } from '../../src/gateway/observability/metrics-server';
import { tracingWanted } from '../../src/gateway/observability/tracing';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('docker-compose.yml agrees with the config modules', () => {
  const compose = parse(read('docker-compose.yml'));
  const { emulator, gateway } = compose.services;
  const known = new Set([...GATEWAY_ENV_VARS, ...EMULATOR_ENV_VARS].map((v) => v.name));

  test('every variable it sets is a documented setting, and each service accepts its own', () => {
    for (const name of [...Object.keys(emulator.environment), ...Object.keys(gateway.environment)]) expect(known).toContain(name);
    expect(() => emulatorConfigFromEnv(emulator.environment)).not.toThrow();
    expect(() => loadConfig(gateway.environment)).not.toThrow();
  });

  test('ports: each service publishes the port it listens on, on all interfaces', () => {
    const emu = emulatorConfigFromEnv(emulator.environment);
    const gw = loadConfig(gateway.environment);
    expect(emu.host).toBe('0.0.0.0');
    expect(gw.host).toBe('0.0.0.0');
    expect(emulator.ports).toEqual([`${emu.port}:${emu.port}`]);
    expect(gateway.ports).toEqual([`${gw.port}:${gw.port}`]);
  });

  test('the gateway reaches the emulator by service name and port, as an FSx endpoint', () => {
    const gw = loadConfig(gateway.environment);
    const emu = emulatorConfigFromEnv(emulator.environment);
    expect(gw.backend).toBe('endpoint');
    const url = new URL(gw.endpointUrl!);
    expect(url.hostname).toBe('emulator');
    expect(Number(url.port)).toBe(emu.port);
    expect(gateway.depends_on.emulator.condition).toBe('service_healthy');
  });

  test('commands run entry points that the build produces, from the one Dockerfile', () => {
    expect(emulator.command).toEqual(['node', 'dist/emulator/main.js']);
    expect(gateway.command).toEqual(['node', 'dist/main.js']);
    expect(existsSync(join(root, 'src/emulator/main.ts'))).toBe(true);
    expect(existsSync(join(root, 'src/main.ts'))).toBe(true);
    expect(emulator.build).toBe('.');
    expect(gateway.build).toBe('.');
    expect(read('Dockerfile')).toMatch(/CMD \["node", "dist\/main.js"\]/);
  });

  test('gateways share one Redis for live progress, and every replica is configured as the gateway is', () => {
    const { redis } = compose.services;
    const replica = compose.services['gateway-replica'];
    const gw = loadConfig(gateway.environment);
    const url = new URL(gw.live.redisUrl!);
    expect([url.hostname, url.port]).toEqual(['redis', '6379']);
    expect(redis.command).toEqual(['redis-server', '--save', '', '--appendonly', 'no']);
    expect(gateway.depends_on.redis.condition).toBe('service_healthy');
    for (const name of Object.keys(replica.environment)) expect(known).toContain(name);
    expect(replica.environment).toEqual(gateway.environment);
    expect(replica.command).toEqual(gateway.command);
    expect(replica.ports).toEqual([`4001-4002:${gw.port}`]);
  });

  test('health checks probe routes the services serve', () => {
    expect(emulator.healthcheck.test.join(' ')).toContain(`127.0.0.1:${emulatorConfigFromEnv(emulator.environment).port}/_emulator/health`);
    expect(gateway.healthcheck.test.join(' ')).toContain(`127.0.0.1:${loadConfig(gateway.environment).port}/readyz`);
  });
});

describe('docs/configuration.md', () => {
  const page = read('docs/configuration.md');
  test('has a table row for every setting of the gateway and the emulator, with the default and meaning the code documents', () => {
    const rows = page.split('\n').filter((line) => line.startsWith('| `'));
    for (const v of [...GATEWAY_ENV_VARS, ...EMULATOR_ENV_VARS])
      expect(rows).toContain(`| \`${v.name}\` | ${v.default} | ${v.description} |`);
  });
});

describe('README', () => {
  const readme = read('README.md');
  test('Quick start is two commands: run on the emulator, pass the tests', () => {
    const quick = readme.split('## Quick start')[1].split('##')[0];
    const commands = quick.split('```sh')[1].split('```')[0].trim().split('\n');
    expect(commands.map((c) => c.split('#')[0].trim())).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });
  test('documents every npm script, with the everyday ones in the README itself', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const development = read('docs/development.md');
    for (const script of scripts) expect(development).toMatch(new RegExp(`npm (run )?${script}\\b`));
    for (const script of ['start', 'test', 'typecheck', 'lint', 'emulator', 'codegen', 'bench'])
      expect(readme).toMatch(new RegExp(`npm (run )?${script}\\b`));
    expect(readme).toContain('](docs/development.md)');
  });
  test('its map links every page of docs/', () => {
    for (const page of docsPages) expect(readme).toContain(`](${page})`);
  });
});

const docsPages = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

describe.each(['README.md', ...docsPages])('links in %s', (file) => {
  test('every relative link points to an existing file, and every #anchor to a heading there', () => {
    const broken: string[] = [];
    for (const target of relativeLinks(read(file))) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file;
      if (resolved.startsWith('..') || !existsSync(join(root, resolved))) {
        broken.push(`${target} (no file ${resolved})`);
      } else if (anchor !== undefined && resolved.endsWith('.md') && !statSync(join(root, resolved)).isDirectory()) {
        if (!headingSlugs(read(resolved)).has(anchor)) broken.push(`${target} (no heading #${anchor} in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** Markdown without fenced code blocks and inline code spans, where `[x](y)` and `# y` are not links or headings. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Inline and reference-style link targets that are not absolute URLs (http:, mailto:, ...). */
function relativeLinks(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const reference = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...reference].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const headings = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .split('\n')
    .filter((line) => /^#{1,6}\s/.test(line))
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/\s+#*\s*$/, ''));
  for (const heading of headings) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    for (let n = 1; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}

describe('docker-compose profile `observability` agrees with the config module and deploy/', () => {
  const compose = parse(read('docker-compose.yml'));
  const { gateway, prometheus, grafana, jaeger } = compose.services;
  const replica = compose.services['gateway-replica'];
  const scrape = parse(read('deploy/prometheus/prometheus.yml'));
  const job = scrape.scrape_configs.find((c: { job_name: string }) => c.job_name === 'fsx-backup-graph');

  test('Prometheus, Grafana and Jaeger run in that profile only', () => {
    for (const service of [prometheus, grafana, jaeger]) expect(service.profiles).toEqual(['observability']);
    expect(gateway.profiles).toBeUndefined();
  });

  test("Prometheus scrapes the gateway's and every replica's metrics listener, at the port and path the gateway serves", () => {
    const metrics = loadConfig(gateway.environment).metrics;
    expect(metrics.host).toBe('0.0.0.0');
    expect(metrics.port).not.toBe(0);
    expect(job.metrics_path).toBe(METRICS_PATH);
    const [sd] = job.dns_sd_configs;
    expect(sd.port).toBe(metrics.port);
    expect(sd.names).toEqual(['gateway', 'gateway-replica']);
    for (const name of sd.names) expect(compose.services[name]).toBeDefined();
    expect(loadConfig(replica.environment).metrics).toEqual(metrics);
    // Metrics stay on the compose network: never published beside the GraphQL port.
    expect(gateway.ports.join(' ')).not.toContain(String(metrics.port));
  });

  test('Prometheus loads that file and its rules from deploy/prometheus', () => {
    expect(prometheus.volumes).toContain('./deploy/prometheus:/etc/prometheus:ro');
    expect(prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    for (const file of scrape.rule_files) expect(existsSync(join(root, 'deploy/prometheus', file))).toBe(true);
  });

  test('traces go to Jaeger over OTLP/HTTP, whose collector is on', () => {
    const endpoint = new URL(gateway.environment.OTEL_EXPORTER_OTLP_ENDPOINT);
    expect([endpoint.hostname, endpoint.port]).toEqual(['jaeger', '4318']);
    expect(jaeger.environment.COLLECTOR_OTLP_ENABLED).toBe('true');
    expect(tracingWanted(gateway.environment)).toBe(true);
  });

  test('Grafana is provisioned with Prometheus, Jaeger and the dashboard', () => {
    expect(grafana.volumes).toEqual([
      './deploy/grafana/provisioning:/etc/grafana/provisioning:ro',
      './deploy/grafana/fsx-backup-graph.json:/var/lib/grafana/dashboards/fsx-backup-graph.json:ro',
    ]);
    const sources = parse(read('deploy/grafana/provisioning/datasources/datasources.yml')).datasources;
    expect(sources.map((s: { uid: string; url: string }) => [s.uid, s.url])).toEqual([
      ['prometheus', `http://prometheus:${prometheus.ports[0].split(':')[1]}`],
      ['jaeger', `http://jaeger:${jaeger.ports[0].split(':')[1]}`],
    ]);
    const providers = parse(read('deploy/grafana/provisioning/dashboards/dashboards.yml')).providers;
    expect(providers[0].options.path).toBe('/var/lib/grafana/dashboards');
  });

  test('every metric the dashboard and the alerts query is one the gateway exports', async () => {
    const metrics = new GatewayMetrics();
    metrics.trackLive({ places: () => [], index: { size: 0, snapshot: () => ({}) }, ticks: 0, polling: false }, { activeSubscriptions: 0 });
    metrics.trackFsxBudget({ waitingByPlace: () => new Map(), onTurn: () => undefined });
    const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    metrics.close();
    const dashboard = JSON.parse(read('deploy/grafana/fsx-backup-graph.json'));
    const expressions: string[] = dashboard.panels.flatMap((p: { targets?: Array<{ expr: string }> }) =>
      (p.targets ?? []).map((t) => t.expr),
    );
    const rules = parse(read('deploy/prometheus/alerts.yml')).groups.flatMap((g: { rules: Array<{ expr: string }> }) =>
      g.rules.map((r) => r.expr),
    );
    const used = new Set(
      [...expressions, ...rules].flatMap((e) =>
        [...e.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{[]/g)].map((m) => m[1].replace(/_(bucket|sum|count)$/, '')),
      ),
    );
    used.delete('up');
    expect(expressions.length).toBeGreaterThan(15);
    for (const name of used) expect(exported).toContain(name);
  });
});

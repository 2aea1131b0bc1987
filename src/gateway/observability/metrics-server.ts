import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging';
import type { GatewayMetrics } from './metrics';

export const METRICS_PATH = '/metrics';

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  close(): Promise<void>;
}

/**
 * The metrics listener: GET /metrics in the Prometheus text format, on its own port (METRICS_PORT,
 * METRICS_HOST), so the public GraphQL port never exposes them. Nothing else is served there.
 */
export function serveMetrics(metrics: GatewayMetrics, port: number, host: string, logger?: Logger): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== METRICS_PATH) return answer(res, 404, 'text/plain; charset=utf-8', `No route ${path}; metrics are at ${METRICS_PATH}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return answer(res, 405, 'text/plain; charset=utf-8', 'GET only\n', { allow: 'GET, HEAD' });
    metrics.text().then(
      (text) => answer(res, 200, metrics.contentType, req.method === 'HEAD' ? '' : text),
      (error: unknown) => {
        logger?.error({ err: error }, 'metrics: collecting failed');
        answer(res, 500, 'text/plain; charset=utf-8', 'collecting metrics failed\n');
      },
    );
  });
  // Scrapers keep their connection open between scrapes; these must not hold a stop up.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${bound}${METRICS_PATH}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function answer(res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

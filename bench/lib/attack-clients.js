'use strict';
/**
 * The clients of the attack mix (bench/attack.js). Each binds its own loopback source address
 * (`localAddress`): with AUTH_MODE=none the gateway tells clients apart by address.
 *   reader      WebSockets of graphql-transport-ws (raw `ws`, so every message is counted), each
 *               sending its subscriptions at once after connection_ack and reading everything
 *   slowSocket  one WebSocket that subscribes, then never reads again (its TCP socket paused)
 *   bystander   an ordinary client reading one backup over HTTP at a fixed rate, every latency kept
 *   amplifier   the same heavy query over HTTP again and again; answers counted, bodies not kept
 */
const fs = require('node:fs');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const WebSocket = require('ws');

const PROTOCOL = 'graphql-transport-ws';
const subscription = (backupId) =>
  `subscription { backupChanged(backupIds: ["${backupId}"]) { __typename ... on BackupChanged { final backup { backupId lifecycle progressPercent } } } }`;

/** One WebSocket: connection_init, then `backupIds.length` subscriptions; `onMessage` sees every later message. */
function openSocket(url, localAddress, backupIds, { onAck, onMessage, onRefused }) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), PROTOCOL, { localAddress, handshakeTimeout: 10_000 });
  const s = { ws, backupIds, opened: false, acked: false, closed: null };
  ws.on('unexpected-response', (req, res) => {
    s.closed = { code: res.statusCode, at: performance.now() };
    onRefused?.(res.statusCode);
    req.destroy();
  });
  ws.on('error', () => undefined); // counted at close
  ws.on('open', () => {
    s.opened = true;
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  });
  ws.on('close', (code) => (s.closed ??= { code, at: performance.now() }));
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.type === 'ping') return ws.send(JSON.stringify({ type: 'pong' }));
    if (m.type === 'connection_ack') {
      s.acked = true;
      backupIds.forEach((id, i) => ws.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: subscription(id) } })));
      return onAck?.(s);
    }
    onMessage?.(s, m);
  });
  return s;
}

/**
 * A client reading on `sockets` WebSockets of `perSocket` subscriptions. Per subscription: admitted
 * (its first `next` came), refused (an `error`, by code), or unanswered. Events: every `next` with a
 * BackupChanged for the backup it watches; anything else is a problem.
 */
function reader(url, address, idsForSocket, sockets) {
  const subs = [];
  const stats = { events: 0, refusedConnections: {}, refusals: {}, problems: [], subs };
  const socketList = Array.from({ length: sockets }, (_, k) => {
    const ids = idsForSocket(k);
    const mine = ids.map((backupId) => ({ backupId, state: 'unanswered' }));
    subs.push(...mine);
    return openSocket(url, address, ids, {
      onRefused: (status) => (stats.refusedConnections[status] = (stats.refusedConnections[status] ?? 0) + 1),
      onMessage: (s, m) => {
        const sub = mine[Number(m.id)];
        if (!sub) return void stats.problems.push(`${address}: ${JSON.stringify(m).slice(0, 200)}`);
        if (m.type === 'error') {
          const code = m.payload?.[0]?.extensions?.code ?? 'no code';
          stats.refusals[code] = (stats.refusals[code] ?? 0) + 1;
          sub.state = 'refused';
        } else if (m.type === 'next') {
          const e = m.payload?.data?.backupChanged;
          if (e?.__typename !== 'BackupChanged' || e.backup.backupId !== sub.backupId)
            return void stats.problems.push(`${address}: ${JSON.stringify(m).slice(0, 200)}`);
          sub.state = 'admitted';
          stats.events++;
        } else if (m.type === 'complete') sub.state = sub.state === 'admitted' ? 'completed' : sub.state;
      },
    });
  });
  stats.sockets = socketList;
  stats.close = () => socketList.forEach((s) => s.ws.terminate());
  return stats;
}

/** A WebSocket that subscribes, and once its first event came (or a second passed), stops reading. */
function slowSocket(url, address, backupIds) {
  let pausedAt = null;
  let localPort = null;
  const pause = (s) => {
    if (pausedAt !== null || !s.ws._socket) return;
    localPort = s.ws._socket.localPort;
    s.ws._socket.pause();
    pausedAt = performance.now();
  };
  const s = openSocket(url, address, backupIds, {
    onAck: (sock) => setTimeout(() => pause(sock), 1000).unref(),
    onMessage: (sock, m) => m.type === 'next' && pause(sock),
  });
  return {
    address,
    pausedAt: () => pausedAt,
    localPort: () => localPort,
    socket: s,
    close: () => s.ws.terminate(),
  };
}

/** TCP states of this process's sockets, by "address:port" (from /proc/net/tcp: '01' = established). */
function tcpStates() {
  const states = new Map();
  for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    const [hexIp, hexPort] = f[1].split(':');
    const ip = [6, 4, 2, 0].map((i) => parseInt(hexIp.slice(i, i + 2), 16)).join('.');
    states.set(`${ip}:${parseInt(hexPort, 16)}`, f[3]);
  }
  return states;
}

/** A POST with a source address and a deadline; the body is kept only up to `keepBytes`. */
function request(url, agent, body, { timeoutMs, keepBytes = 65_536 }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let bytes = 0;
    let head = '';
    const done = (r) => resolve({ ms: performance.now() - t0, bytes, ...r });
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.on('data', (c) => {
        bytes += c.length;
        if (head.length < keepBytes) head += c.toString('utf8', 0, Math.min(c.length, keepBytes - head.length));
      });
      res.on('end', () => done({ status: res.statusCode, head }));
      res.on('error', (e) => done({ error: e.code ?? e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => done({ error: e.code ?? e.message }));
    req.end(body);
    request.inFlight.add(req);
    req.once('close', () => request.inFlight.delete(req));
  });
}
request.inFlight = new Set();

/** Reads `backupId` every 1000/hz ms (open loop: it does not wait for the previous answer) until stop(). */
function bystander(url, address, backupId, { hz, timeoutMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 20, localAddress: address });
  const body = JSON.stringify({
    query: `{ backup(backupId: "${backupId}") { __typename ... on Backup { backupId lifecycle } } }`,
  });
  const samples = [];
  const pending = new Set();
  const t0 = performance.now();
  const send = () => {
    const sentS = (performance.now() - t0) / 1000;
    const p = request(url, agent, body, { timeoutMs }).then((r) => {
      let ok;
      try {
        const b = JSON.parse(r.head).data?.backup;
        ok = r.status === 200 && b?.__typename === 'Backup' && b.backupId === backupId;
      } catch {
        ok = false;
      }
      samples.push({ sentS, ms: r.ms, ok, what: ok ? undefined : (r.error ?? `${r.status} ${String(r.head).slice(0, 200)}`) });
      pending.delete(p);
    });
    pending.add(p);
  };
  send();
  const timer = setInterval(send, 1000 / hz);
  return {
    samples,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      agent.destroy();
    },
  };
}

/** Sends `body` again and again (one at a time) until stop(); counts answers by kind and bytes. */
function amplifier(url, address, body, { timeoutMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: address });
  const stats = { sent: 0, kinds: {}, bytes: 0, ms: [] };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < 100_000; i++) {
      stats.sent++;
      const r = await request(url, agent, body, { timeoutMs, keepBytes: 4096 });
      let kind = r.error ?? `HTTP ${r.status}`;
      if (!r.error) {
        try {
          kind += ` ${JSON.parse(r.head).errors?.[0]?.extensions?.code ?? 'data'}`;
        } catch {
          kind += r.bytes > 4096 ? ` data (${(r.bytes / 1e6).toFixed(0)} MB)` : ' not JSON';
        }
      }
      if (!running && r.error) kind = 'cut at the end';
      stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
      stats.bytes += r.bytes;
      stats.ms.push(r.ms);
    }
  })();
  return {
    stats,
    stop: async () => {
      running = false;
      for (const req of request.inFlight) if (req.agent === agent) req.destroy();
      await loop;
      agent.destroy();
    },
  };
}

module.exports = { reader, slowSocket, bystander, amplifier, tcpStates, subscription };

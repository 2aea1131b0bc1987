'use strict';
/**
 * The attack mix's figures, checks and table rows (bench/attack.js): the bystander's latencies (and
 * per quarter of the window), the gateway's peak RSS and CPU per delivered event, how the
 * amplification was answered, WebSocket connections and subscriptions admitted and refused, and
 * when the paused sockets were closed. `check` fails the scenario only for this tree's gateway.
 */
const { percentile, median } = require('./stats');

const CAPS = { connections: 10, subscriptions: 100 }; // the gateway's defaults (WS_MAX_*_PER_CLIENT)
const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

function attackReport(
  { loadLag, by, amps, readers, slow, closedAt, closedInWindow, mem, exit, seconds, events, cpu, logs },
  { P, quick, check, dir, who },
) {
  const lat = by.samples.map((s) => s.ms);
  const byErrors = by.samples.filter((s) => !s.ok);
  const bys = {
    requests: lat.length,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    max: Math.max(...lat),
    errors: byErrors.length,
  };
  bys.errorKinds = [...new Set(byErrors.map((s) => s.what))].slice(0, 5);
  // p99 and errors per quarter of the window, by when each request was sent.
  bys.quarters = [0, 1, 2, 3].map((q) => {
    const xs = by.samples.filter((s) => Math.floor((4 * s.sentS) / seconds) === q);
    return {
      p99: percentile(
        xs.map((s) => s.ms),
        99,
      ),
      errors: xs.filter((s) => !s.ok).length,
      requests: xs.length,
    };
  });
  const kinds = {};
  for (const a of amps) for (const [k, n] of Object.entries(a.stats.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
  const answered = Object.entries(kinds).filter(([k]) => k !== 'cut at the end');
  const refused = kinds['HTTP 400 QUERY_TOO_COMPLEX'] ?? 0;
  const ampTotal = sum(answered.map(([, n]) => n));
  const subs = readers.flatMap((r) => r.subs);
  const count = (state) => subs.filter((s) => s.state === state).length;
  const sockets = readers.flatMap((r) => r.sockets);
  const ws = {
    connectionsAsked: sockets.length,
    connectionsAdmitted: sockets.filter((s) => s.acked).length,
    connectionsRefused: sockets.filter((s) => !s.acked).length,
    subscriptionsAsked: subs.length,
    subscriptionsAdmitted: count('admitted') + count('completed'),
    subscriptionsRefused: count('refused'),
    subscriptionsUnanswered: count('unanswered'),
    refusals: readers.reduce((all, r) => {
      for (const [code, n] of Object.entries(r.refusals)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
    events,
    eventsPerSecond: events / seconds,
  };
  const slowTimes = [...closedAt].map(([s, c]) => (c.at - (s.pausedAt() ?? c.at)) / 1000);
  const slowClosed = {
    closed: closedAt.size,
    closedInWindow,
    of: slow.length,
    secondsAfterPause: slowTimes,
    tooSlowLogLines: logs['websocket: reader too slow, closed'] ?? 0,
  };
  // Peak RSS per quarter of the window (sampled every 200 ms), in place of the samples.
  mem.quarters = [0, 1, 2, 3].map((q) =>
    Math.max(0, ...mem.samples.filter(([ms]) => Math.floor((4 * ms) / 1000 / seconds) === q).map(([, rss]) => rss)),
  );
  mem.samples = mem.samples.length;
  const cpuPerEventUs = events ? (cpu * 1e6) / events : NaN;
  const crashed = exit !== null;

  const problems = readers.flatMap((r) => r.problems);
  check(
    slow.every((s) => s.pausedAt() !== null),
    'attack: a slow reader was not connected and paused',
  );
  check(!crashed, `attack: the gateway exited (${JSON.stringify(exit)})`);
  check((P.amplifiers === 0 || ampTotal > 0) && refused === ampTotal, `attack: amplification answered ${JSON.stringify(kinds)}`);
  check(problems.length === 0, `attack: ${problems[0]}`);
  check(P.readers === 0 || events > 0, 'attack: no event delivered');
  check(ws.subscriptionsUnanswered === 0, `attack: ${ws.subscriptionsUnanswered} subscriptions never answered`);
  for (const r of readers) {
    const admitted = r.subs.filter((s) => s.state === 'admitted' || s.state === 'completed').length;
    const expected = Math.min(r.subs.length, CAPS.subscriptions);
    check(admitted === expected, `attack: a client was admitted ${admitted} subscriptions, expected ${expected}`);
    check(
      Object.keys(r.refusals).every((c) => c === 'TOO_MANY_SUBSCRIPTIONS'),
      `attack: refusals ${JSON.stringify(r.refusals)}`,
    );
    check(
      r.sockets.every((s) => s.acked) || r.sockets.length > CAPS.connections,
      `attack: connections refused ${JSON.stringify(r.refusedConnections)}`,
    );
  }
  if (quick) check(bys.errors === 0, `attack: bystander errors: ${bys.errorKinds.join('; ')}`);

  const mb = (b) => fmt(b / 1048576, 0);
  const status = (met) => (met ? 'met' : 'MISSED');
  const rows = [
    {
      scenario: `12a Attack mix ${P.windowS} s: bystander backup(backupId) ${P.hz}/s`,
      a: who,
      b: `p50 ${fmt(bys.p50, 1)}, p99 ${fmt(bys.p99, 1)}, max ${fmt(bys.max, 0)} ms; ${bys.requests} req, ${bys.errors} errors`,
      ratio: '',
      goal: 'p99 ≤ 100 ms, 0 errors',
      status: status(bys.p99 <= 100 && bys.errors === 0),
    },
    {
      scenario: '12b Attack mix: gateway process',
      a: who,
      b: `peak RSS ${mb(mem.peak)} MB; CPU ${fmt(cpu, 1)} s = ${fmt(cpuPerEventUs, 0)} µs/event; ${crashed ? `exited ${exit.code ?? exit.signal}` : 'no crash'}`,
      ratio: '',
      goal: 'peak RSS ≤ 512 MB, no crash',
      status: status(mem.peak <= 512 * 1048576 && !crashed),
    },
    {
      scenario: `12c Attack mix: amplification, ${P.amplifiers} clients`,
      a: who,
      b: `${refused}/${ampTotal} refused: ${answered.map(([k, n]) => `${n} ${k}`).join(', ')}`,
      ratio: '',
      goal: 'QUERY_TOO_COMPLEX every time',
      status: status((P.amplifiers === 0 || ampTotal > 0) && refused === ampTotal),
    },
    {
      scenario: `12d Attack mix: WebSockets, ${P.readers} clients × ${P.sockets} × ${P.perSocket}`,
      a: who,
      b: `conns ${ws.connectionsAdmitted} admitted/${ws.connectionsRefused} refused; subs ${ws.subscriptionsAdmitted}/${ws.subscriptionsRefused} (${ws.subscriptionsUnanswered} unanswered); ${events} events, ${fmt(ws.eventsPerSecond, 0)}/s`,
      ratio: '',
      goal: 'events delivered',
      status: status(events > 0),
    },
    {
      scenario: `12e Attack mix: slow readers (${P.slow} paused sockets)`,
      a: who,
      b: `closed ${closedInWindow}/${slow.length} in ${P.windowS} s, ${closedAt.size} by +${P.slowGraceS} s${slowTimes.length ? `, ${fmt(median(slowTimes), 1)} s after pausing (median)` : ''}; ${slowClosed.tooSlowLogLines} "too slow" closes`,
      ratio: '',
      goal: 'reported',
      status: 'reported',
    },
  ];
  const result = {
    gateway: dir,
    params: P,
    windowSeconds: seconds,
    loadLag,
    bystander: bys,
    memory: mem,
    exit,
    cpuSeconds: cpu,
    cpuPerEventUs,
    amplification: kinds,
    websockets: ws,
    slowReaders: slowClosed,
    gatewayLog: logs,
  };
  return { rows, result };
}

module.exports = { attackReport };

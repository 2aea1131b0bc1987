'use strict';
/**
 * `node <dir>/dist/main.js` as a process of its own, for the attack mix (bench/attack.js): started on
 * an FSx endpoint, ready on its "fsx-backup-graph ready: <url>" line (a JSON log line now, plain text
 * in older builds: the same pattern finds both), watched from outside through /proc/<pid>: resident
 * memory (VmRSS sampled, VmHWM the kernel's peak) and CPU time (utime + stime). Its output is read
 * line by line and only counted by message (the `msg` of a JSON line, or the line's start).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { stopProcess } = require('./procs');

const TICKS_PER_SECOND = 100; // USER_HZ (getconf CLK_TCK) on Linux

function procStatus(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime: fields 14 and 15
}

/** Counts lines by message; keeps the last few kilobytes of stderr for a crash report. */
function lineCounter(stream, counts) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop().slice(-10_000);
    for (const line of lines) {
      if (!line.trim()) continue;
      let msg;
      try {
        msg = JSON.parse(line).msg;
      } catch {
        msg = undefined;
      }
      const key = String(msg ?? line).slice(0, 80);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
}

async function startMainProc({ dir, env, readyTimeoutMs = 30_000, Failure }) {
  const fullEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k]; // `undefined`: unset
  const child = spawn(process.execPath, [path.join(dir, 'dist/main.js')], { cwd: dir, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const counts = new Map();
  let stderr = '';
  let exit = null;
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  child.once('exit', (code, signal) => (exit = { code, signal }));
  const stop = () => stopProcess(child);
  process.once('exit', () => child.kill('SIGKILL'));
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Failure(`${dir}/dist/main.js not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
      const onExit = (code) => {
        clearTimeout(timer);
        reject(new Failure(`${dir}/dist/main.js exited (${code}) before it was ready: ${stderr.slice(-800)}`));
      };
      const onData = (d) => {
        out += d;
        const m = /fsx-backup-graph ready: (\S+)/.exec(out);
        if (!m) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        lineCounter(child.stdout, counts);
        resolve(m[1]);
      };
      child.stdout.on('data', onData);
      child.once('exit', onExit);
    });
    lineCounter(child.stderr, counts);
    return {
      url,
      pid: child.pid,
      stop,
      exited: () => exit,
      stderr: () => stderr,
      logCounts: () => Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])),
      status: () => procStatus(child.pid),
      cpuSeconds: () => cpuSeconds(child.pid),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startMainProc };

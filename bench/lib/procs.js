'use strict';
const { fork } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

/** Forks a bench/lib/*-proc.js child and resolves when it reports ready; `ask` sends a command and awaits its answer. */
function startChild(file, { env = {}, execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, file), [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let nextId = 1;
    const pending = new Map();
    child.on('message', (m) => {
      if (m.ready) return resolve({ child, info: m, ask, stop });
      const p = pending.get(m.id);
      if (p) {
        pending.delete(m.id);
        p(m);
      }
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    function ask(cmd, extra = {}) {
      return new Promise((res) => {
        const id = nextId++;
        pending.set(id, res);
        child.send({ id, cmd, ...extra });
      });
    }
    function stop() {
      return new Promise((res) => {
        if (child.exitCode !== null) return res();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          res();
        });
        child.send({ cmd: 'stop' });
      });
    }
  });
}

/** A TCP port that was free a moment ago: for dist/main.js, which listens on PORT. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not exited 5 s later; resolves once it has. */
function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

module.exports = { startChild, freePort, stopProcess };

'use strict';
const http = require('node:http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST a JSON body; resolves to { status, body } (body as a string). */
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** GET over the same keep-alive agent; resolves to { status, body }. */
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const gql = (url, query, variables) => post(url, JSON.stringify({ query, variables }));

module.exports = { post, get, gql, agent };

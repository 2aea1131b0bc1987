'use strict';
// The minimal baseline: Node's http + graphql-js, nothing else. It gets the same advantages Apollo
// has by default (a parsed-and-validated document cache keyed by the query text) and the same
// per-request context (createContext: the same service layer with fresh DataLoaders), so the
// difference to the gateway is exactly Apollo's request pipeline and our HTTP wiring.
const http = require('node:http');
const { parse, validate, execute } = require('graphql');

function createBaselineServer({ schema, deps, createContext }) {
  const documents = new Map();
  const answer = (res, status, result) => {
    const body = JSON.stringify(result);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        let entry = documents.get(query);
        if (!entry) {
          const document = parse(query);
          entry = { document, errors: validate(schema, document) };
          if (documents.size < 1000) documents.set(query, entry);
        }
        if (entry.errors.length) return answer(res, 400, { errors: entry.errors });
        const result = await execute({
          schema,
          document: entry.document,
          variableValues: variables,
          operationName,
          contextValue: createContext(deps),
        });
        answer(res, 200, result);
      } catch (error) {
        answer(res, 400, { errors: [{ message: String(error && error.message) }] });
      }
    });
  });
}

module.exports = { createBaselineServer };

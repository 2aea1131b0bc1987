// Import layers of src/, checked by dependency-cruiser (`npm run lint` runs
// `depcruise src --config .dependency-cruiser.js --output-type err`). Only src/ is checked: tests may
// import anything.
//
// Layers, lowest first; a module may import its own layer or a lower one, never a higher one:
//   shared       src/fsx-model/, src/env.ts           imports nothing else of src/
//   domain       src/emulator/, src/gateway/          the shared layer; never each other
//   composition  src/config.ts, src/app.ts,           anything
//                src/main.ts, src/cli/
// Inside src/gateway/ the rooms below are ordered the same way (GATEWAY_ROOMS). Adding a room is one
// line there; a room that does not exist yet is harmless. Type-only imports count (tsPreCompilationDeps):
// a layer is about what a module knows of, not only what it loads.
'use strict';

/** src/gateway/ rooms, lowest first: a folder (`name/`) or a single module (`name.ts`). */
const GATEWAY_ROOMS = [
  'logging.ts',
  'observability/',
  'fsx/',
  'auth/',
  'pagination/',
  'results/',
  'errors/',
  'validation/',
  'volume/',
  'backup/',
  'file-system/',
  'federation/',
  'node/',
  'live/',
  'rate-limit/',
  'region/',
  'viewer/',
  'context.ts',
  'schema.ts',
  'plugins/',
  'limits/',
  'http/',
  'server.ts',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex for a path under src/ given as 'folder/' or 'file.ts'. */
const under = (base, entry) => `^${escape(base + entry)}${entry.endsWith('/') ? '' : '$'}`;

const SHARED = [under('src/', 'fsx-model/'), under('src/', 'env.ts')];
const DOMAIN = [under('src/', 'emulator/'), under('src/', 'gateway/')];
const COMPOSITION = ['config.ts', 'app.ts', 'main.ts', 'cli/'].map((e) => under('src/', e));
const ROOMS = GATEWAY_ROOMS.map((room) => ({ room, path: under('src/gateway/', room) }));

const gatewayRoomRules = ROOMS.slice(0, -1).map(({ room, path }, i) => {
  const lower = ROOMS.slice(0, i).map((r) => r.room);
  const higher = ROOMS.slice(i + 1);
  return {
    name: `gateway-room-${room.replace(/\/$/, '').replace(/[^a-zA-Z0-9]+/g, '-')}`,
    comment:
      `src/gateway/${room} may import only its own room and the lower ones (${lower.join(', ') || 'none'}), ` +
      `not ${higher.map((r) => r.room).join(', ')} (GATEWAY_ROOMS in .dependency-cruiser.js, lowest first).`,
    severity: 'error',
    from: { path },
    to: { path: higher.map((r) => r.path) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and layers meaningless: break the cycle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-src',
      comment: 'The shared layer (src/fsx-model/, src/env.ts) may import nothing else of src/.',
      severity: 'error',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: SHARED },
    },
    {
      name: 'emulator-not-to-gateway',
      comment: 'The emulator and the gateway never import each other: share through src/fsx-model/.',
      severity: 'error',
      from: { path: under('src/', 'emulator/') },
      to: { path: under('src/', 'gateway/') },
    },
    {
      name: 'gateway-not-to-emulator',
      comment: 'The emulator and the gateway never import each other: share through src/fsx-model/, wire them up in the composition layer.',
      severity: 'error',
      from: { path: under('src/', 'gateway/') },
      to: { path: under('src/', 'emulator/') },
    },
    {
      name: 'domain-not-to-composition',
      comment:
        'src/emulator/ and src/gateway/ never import the composition layer (src/config.ts, src/app.ts, src/main.ts, src/cli/): ' +
        'it hands them what they need.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: COMPOSITION },
    },
    {
      name: 'src-module-in-no-layer',
      comment: 'Every module of src/ belongs to a layer: put it in one, or add it to the lists in .dependency-cruiser.js.',
      severity: 'error',
      from: {},
      // A module rule (one report per module, not one per import); "fewer than 100 importers" (the
      // schema's maximum) stands for "any module".
      module: { path: '^src/', pathNot: [...SHARED, ...DOMAIN, ...COMPOSITION], numberOfDependentsLessThan: 100 },
    },
    ...gatewayRoomRules,
    {
      name: 'gateway-module-in-no-room',
      comment: 'A module of src/gateway/ outside every room of GATEWAY_ROOMS is not ordered: move it into a room, or add one.',
      severity: 'error',
      from: {},
      module: { path: '^src/gateway/', pathNot: ROOMS.map((r) => r.path), numberOfDependentsLessThan: 100 },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};

// ESLint (flat config): rules that catch bugs. Style is Prettier's business (eslint-config-prettier
// comes last and switches off every rule that could fight it). `npm run lint` runs this, Prettier's
// check and the import-layer check (.dependency-cruiser.js).
//
// TypeScript (src/, test/; client/ with client/tsconfig.json) is linted with type information from
// the nearest tsconfig.json (typescript-eslint's project service); bench/ and the config files are plain CommonJS/ESM JavaScript and are linted
// without it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Unused names are errors, except those starting with `_` (kept on purpose, e.g. positional arguments). */
const UNUSED = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-bench/',
      'coverage/',
      '**/*.generated.ts',
      'client/generated/',
      '.fsx-data/',
      'bench/.profiles/',
      'bench/.tmp/',
      'bench/results.json',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  // TypeScript, type-aware.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Promises: a forgotten await, or a promise handed to something that ignores it.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `import type` for imports used only as types, so they never load a module at run time. The
      // rule stays silent in files with decorators (emitDecoratorMetadata turns type positions there
      // into run-time references), which it reads from tsconfig.json.
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // Type-aware checks beyond the recommended set that catch bugs and cost nothing here: a promise
      // returned from inside `try` without `await` skips its `catch`/`finally`; a switch over a
      // union that misses a member; a deprecated API (graphql-js, Apollo, the AWS SDK).
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-deprecated': 'error',
      // Apollo's plugin and context hooks are async by contract, with or without an `await` inside;
      // a forgotten `await` is no-floating-promises' business.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests read GraphQL and FSx answers as untyped JSON on purpose (`res.body.data.x.y`); the
  // no-unsafe-* family would flag every such read (≈500 reports) without finding a bug.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // JavaScript: bench/ (CommonJS on Node), jest.config.js, .dependency-cruiser.js, this file.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      'no-unused-vars': ['error', UNUSED],
    },
  },

  // Everywhere.
  {
    rules: {
      // `x == null` (null or undefined) stays allowed: it is the one deliberate use of `==`.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  prettier,
);

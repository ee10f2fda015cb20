// Lint: type-aware TypeScript rules everywhere (no floating promises), plus the boundaries DESIGN.md draws —
// workflow code stays sandbox-pure, the API reaches workflows only through their messages.ts.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'components/dist/', 'workflows/dist/', 'runtime/dist/', 'data/', '.tools/', 'coverage/', '*.config.*', '.vitest.*'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'components/*.mjs', 'runtime/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The workflow sandbox: deterministic code only. Node built-ins, I/O clients and adapters are out.
    // Everything under workflows/ but the activities (Node side), plus the shared vocabulary browsers load too.
    files: ['workflows/**/*.ts', 'events/vocabulary/**/*.ts', 'tests/workflows/fixtures/**/*.ts'],
    ignores: ['workflows/activities/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code runs in the Temporal sandbox: no Node built-ins.' })),
          patterns: [
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'pg', '@electric-sql/*', '@eventstore/*', '@hapi/*'], message: 'Workflow code may import only @temporalio/workflow and pure modules.' },
            { group: ['**/events/store/*', '**/activities/*', '**/api/*', '**/projections/*'], message: 'Workflow code may import only pure modules (events/<kind>.ts, deciders, messages).', allowTypeImports: true },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' }],
    },
  },
  {
    // The API talks to workflows through their message contracts, never their implementation. The composition roots
    // in runtime/ wire the worker's activities and may import anything.
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/workflows/**/workflow', '**/workflows/**/workflow.js', '**/workflows/**/activities/*', '**/workflows/**/decider*'], message: 'The API imports workflows/<area>/messages.ts only.' }] },
      ],
    },
  },
  {
    // chai's assertions are typed thenable (chai-as-promised in @open-wc/testing), which this rule cannot tell apart.
    files: ['tests/components/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['components/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../api/*', '../../../api/*', '**/events/store/*', '**/workflows/*', '**/projections/*', 'node:*'], message: 'Components run in the browser and import no server code.' }] }],
    },
  },
);

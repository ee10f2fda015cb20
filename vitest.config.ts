import { defineConfig } from 'vitest/config';

// Node-side tests. One Temporal dev server and one prebuilt workflow bundle per run (tests/global-setup.ts);
// forks, not threads: the Temporal core bridge is a native addon and spawns its own worker threads.
export default defineConfig({
  test: {
    include: ['tests/**/*.{unit,int,e2e}.test.ts'],
    exclude: ['tests/components/**', 'node_modules/**'],
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});

// Browser tests for components/ (npm run test:components). Debian's chromium; as root it needs --no-sandbox,
// and Debian's wrapper ignores CHROMIUM_FLAGS, so the flags go in launchOptions (reference/lit.md §5).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

export default {
  files: 'tests/components/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
      // A window per test page, not a tab: with two tabs only the front one paints, so the other page's
      // requestAnimationFrame stalls and open-wc's fixture() (it waits a frame for plain elements) times out.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  concurrency: 2, // the CI box has two cores
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
};

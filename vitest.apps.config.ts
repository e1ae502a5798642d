import { defineConfig } from 'vitest/config';

// `npm run test:apps`: the tests that drive real programs (LibreOffice, Chromium). `npm test` never
// needs them; .ci/run installs them and runs this suite after it.
export default defineConfig({
  test: {
    include: ['test/apps/**/*.test.ts'],
    globalSetup: ['test/apps/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.out/vitest-apps.json' },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that drive LibreOffice or Chromium: `npm run test:apps`.
    exclude: ['test/apps/**', '**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.out/vitest.json' },
  },
});

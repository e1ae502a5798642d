import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the long fuzz run (test/fuzz/*.fuzz.ts), with memory and time checks; not part of npm test.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 1_800_000,
    pool: 'forks',
  },
});

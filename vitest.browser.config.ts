import { defineConfig } from 'vitest/config';
import type { ViteUserConfig } from 'vitest/config';

/**
 * The real-browser tests (`npm run test:browser`): the gallery drawn by the system Chromium
 * (`/usr/bin/chromium`, Debian's `chromium` package). Kept out of `npm test`, which needs no browser.
 */
const config: ViteUserConfig = defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

export default config;

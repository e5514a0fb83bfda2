import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests resolve sibling packages to their TypeScript sources through the
// `@syncds/source` export condition, so a test run never needs a fresh build.
// Real captures live beside the repository, in ../shared/vectors.
const vectors = process.env.SYNCDS_VECTORS ?? fileURLToPath(new URL('../shared/vectors', import.meta.url));

export default defineConfig({
  resolve: { conditions: ['@syncds/source'] },
  ssr: { resolve: { conditions: ['@syncds/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    env: { SYNCDS_VECTORS: vectors },
    // CI runs two packages' suites at once on two cores: exhaustive tests (every prefix of a
    // capture, fuzzing) need room under that load.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

// Unit tests sit beside the code (*.spec.ts/tsx); database-backed tests in a
// component's test/ folder. jest.globalSetup.ts provisions and migrates the
// test database once per run.
const { availableParallelism } = require('node:os');

const workers = Number(process.env.JEST_WORKERS);

// A test's timeout only catches a hang; it is never how a test checks speed
// (bench/ does that). On a slow or shared machine a healthy test that runs a
// CLI or a browser can take many times its usual time, so the limit is
// generous and grows on smaller machines: 120 s on 2 cores, 60 s on 4 or
// more; JEST_TIMEOUT_SCALE multiplies it (e.g. 3 on an emulated CPU).
const timeoutScale = Number(process.env.JEST_TIMEOUT_SCALE) > 0 ? Number(process.env.JEST_TIMEOUT_SCALE) : 1;
const testTimeout = Math.round(60_000 * Math.max(1, 4 / availableParallelism()) * timeoutScale);

// Tests run fourteen hours ahead of UTC, so code that depends on the machine's
// time zone fails here rather than on a server somewhere else. The workers
// inherit it; it cannot be changed inside a test file.
process.env.TZ = 'Pacific/Kiritimati';

module.exports = {
  testEnvironment: 'node',
  // JEST_WORKERS decides both the worker count and the number of cloned
  // schemas; jest.globalSetup.ts rejects a missing or invalid value.
  ...(Number.isInteger(workers) && workers > 0 ? { maxWorkers: workers } : {}),
  roots: ['<rootDir>/src', '<rootDir>/build', '<rootDir>/docker', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    // tsconfig.json sets isolatedModules, so ts-jest transpiles file by file
    // instead of building a TypeScript program in every worker (seconds each).
    // Type errors are caught by `npm run typecheck` and the webpack build.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // Imported assets become their source path (see the transform), which the test server serves.
    '\\.(css|png|svg|jpe?g|gif|webp)$': '<rootDir>/src/testing/jest/asset-url.transform.js',
  },
  // Points each worker at its own schema through DATABASE_SCHEMA, as an operator would configure the app.
  setupFiles: ['<rootDir>/src/testing/jest/worker-environment.ts'],
  globalSetup: '<rootDir>/jest.globalSetup.ts',
  globalTeardown: '<rootDir>/jest.globalTeardown.ts',
  // A worker past this much memory after a test file is replaced by a fresh
  // one (same JEST_WORKER_ID, so the same schema). Long-lived workers grew to
  // about 1 GiB each by the end of the suite, and on a CPU-starved machine
  // (4 workers, 2 busy loops, 2 cores) tearing down such a process took longer
  // than the 500 ms Jest waits for a worker to exit, so it was force-exited.
  workerIdleMemoryLimit: '600MB',
  testTimeout,
};

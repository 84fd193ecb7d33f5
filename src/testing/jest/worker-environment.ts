// Jest `setupFiles`: runs in every test file's environment before the test
// framework. It configures the runtime the way an operator would, through its
// settings: this worker's own schema, cloned by jest.globalSetup.ts.
import { Logger } from '@nestjs/common';
import { jestWorkerSchema } from '../worker-schemas/worker-schema-name';

process.env.DATABASE_SCHEMA = jestWorkerSchema(process.env);
// Metrics are off in tests unless a test turns them on (src/testing/metrics/):
// a METRICS_PORT left in the shell would make every test app bind that port.
delete process.env.METRICS_PORT;
delete process.env.METRICS_HOST;

// Every test module connects and logs it; keep the output for the tests.
// Warnings and errors still show.
Logger.overrideLogger(['error', 'warn']);

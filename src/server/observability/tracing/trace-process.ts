// Imported first by an entry (src/testing/process/fixture-app.main.ts; src/main.ts through trace-app.ts):
// tracing, when OTEL_EXPORTER_OTLP_ENDPOINT asks for it, hooks `require` before Nest, express and pg are loaded.
import { Logger } from '@nestjs/common';
import { startTracing } from './start-tracing';

startTracing(process.env, new Logger('Tracing'));

// Imported first by src/testing/process/fixture-app.main.ts (src/main.ts imports trace-app.ts, which reads .env
// first): tracing, when OTEL_EXPORTER_OTLP_ENDPOINT asks for it, hooks `require` before Nest, express and pg load.
import { startProcessTracing } from './start-tracing';

startProcessTracing(process.env);

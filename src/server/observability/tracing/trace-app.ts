// src/main.ts's first import: the app's .env is read here already (main() reads it again, which changes nothing),
// so OTEL_* settings in it count; then tracing starts before Nest, express and pg are loaded.
import { existsSync } from 'node:fs';
import { startProcessTracing } from './start-tracing';

if (existsSync('.env')) process.loadEnvFile('.env');
startProcessTracing(process.env);

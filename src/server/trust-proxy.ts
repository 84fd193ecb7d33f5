import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigurationError } from '../platform/errors/configuration.error';

/**
 * Express's `trust proxy` from TRUST_PROXY: which hops in front of the app
 * may say who the client is (X-Forwarded-For). Unset: none, so `request.ip`
 * is the connecting socket's address and no client can fake it; that is what
 * the per-address rate limits of sign-in and sign-up count. Behind a reverse
 * proxy every client would then share the proxy's address: set the number of
 * proxies (`1`) or their addresses (`loopback`, `10.0.0.0/8`, comma-separated).
 */
export function applyTrustProxy(app: NestExpressApplication, env: NodeJS.ProcessEnv): void {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return;
  const value = /^\d+$/.test(raw) ? Number(raw) : raw.split(',').map((entry) => entry.trim());
  try {
    // Express compiles the value here, so a bad address fails now, not on the first request.
    app.set('trust proxy', value);
  } catch (error) {
    throw new ConfigurationError(
      `TRUST_PROXY="${raw}" is not a number of proxies or a list of addresses (${(error as Error).message}); set it to e.g. 1, or loopback, or 10.0.0.0/8, or remove it`,
    );
  }
}

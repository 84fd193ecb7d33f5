import { positiveIntegerSetting } from '../../platform/environment/environment-settings';
import { ConfigurationError } from '../../platform/errors/configuration.error';

export interface HttpBodyLimits {
  /** Largest request body read, in bytes, after any Content-Encoding is undone. */
  bytes: number;
  /** Most fields one form-encoded body may have. */
  formFields: number;
}

/**
 * 100 kB, as in Express: the demo's form at every limit, typed in three-byte
 * characters (9 bytes each once percent-encoded), is about 94 kB.
 */
const DEFAULT_BODY_LIMIT = '100kb';
/** body-parser's own default; a form with more fields is a script, not a page. */
const DEFAULT_FORM_FIELD_LIMIT = 1000;

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/**
 * `HTTP_BODY_LIMIT` (a size such as `100kb`, `1mb` or `20000`, in bytes when
 * without a unit) and `HTTP_FORM_FIELD_LIMIT` (a whole number of fields).
 * Anything else stops the process with one line naming the variable and the fix.
 */
export function httpBodyLimits(env: NodeJS.ProcessEnv): HttpBodyLimits {
  const raw = env.HTTP_BODY_LIMIT === undefined || env.HTTP_BODY_LIMIT === '' ? DEFAULT_BODY_LIMIT : env.HTTP_BODY_LIMIT;
  const match = /^\s*(\d+)\s*(b|kb|mb)?\s*$/i.exec(raw);
  const bytes = match ? Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new ConfigurationError(
      `HTTP_BODY_LIMIT="${raw}" is not a size; set it to a whole number of bytes, kb or mb (e.g. ${DEFAULT_BODY_LIMIT}), or remove it for ${DEFAULT_BODY_LIMIT}`,
    );
  }
  return { bytes, formFields: positiveIntegerSetting(env, 'HTTP_FORM_FIELD_LIMIT', DEFAULT_FORM_FIELD_LIMIT) };
}

/** A limit as the messages show it: `100 kB`, `1 MB`, `1,500 bytes`. */
export function describeSize(bytes: number): string {
  if (bytes % UNITS.mb === 0) return `${(bytes / UNITS.mb).toLocaleString('en-US')} MB`;
  if (bytes % UNITS.kb === 0) return `${(bytes / UNITS.kb).toLocaleString('en-US')} kB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

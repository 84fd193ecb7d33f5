import { assertVendorPatch, VendorPatchCheckOptions } from './vendor-patch-check';

/**
 * What Prisma 6.19 prints to stdout, in one write, from every migrate command
 * that starts the schema engine through a driver adapter while the schema has
 * a datasource `url`. Its advice (remove the `url`) cannot be followed: 6.19
 * rejects a postgresql datasource without one (P1012), and offline it then
 * falls back to downloading an engine. docs/database.md explains the `url`.
 */
export const ADAPTER_URL_ADVICE = `
WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter via prisma.config.ts:
- url

The values from your schema will NOT be used!

We recommend you to remove those properties from your schema to avoid confusion if you are only using driver adapters.
`;

/**
 * Drops exactly that text from `stream`; everything else passes through
 * unchanged. Should Prisma reword it, the new text simply shows (harmless,
 * and the manifest version check makes an upgrade re-read it anyway).
 */
export function dropAdapterUrlAdvice(stream: Pick<NodeJS.WritableStream, 'write'>, options: VendorPatchCheckOptions = {}): void {
  assertVendorPatch('prisma-adapter-url-advice', options);
  // One wrapper for every overload of write(): it looks at the first argument
  // and, for a dropped write, still calls the callback as a real write would.
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = (chunk: unknown, ...rest: unknown[]) => {
    if (chunk !== ADAPTER_URL_ADVICE) return write(chunk, ...rest);
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
}

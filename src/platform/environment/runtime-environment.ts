/**
 * Whether the process was started with NODE_ENV=production. A parameter, not
 * a direct `process.env.NODE_ENV` read: webpack's production mode replaces
 * that expression (and aliases of `process.env`) with "production" at build
 * time, which is right for React's build and wrong for runtime decisions.
 */
export function isProductionRuntime(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === 'production';
}

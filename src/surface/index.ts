// The platform surface for components: everything the platform offers a
// component, in one place. A component's runtime code imports the platform
// only from here (`../../surface`), and another component only through that
// component's index.ts; .dependency-cruiser.cjs enforces both. The role files
// beside this one group the exports; a file that must stay light (a seed, run
// by `npx prisma db seed` without the web stack) imports its role file
// directly, e.g. `../../../surface/settings`. Logging needs nothing from here:
// components use Nest's Logger, and their lines carry their component
// (docs/guides/observability.md).
export * from './components';
export * from './data';
export * from './errors';
export * from './events';
export * from './forms';
export * from './jobs';
export * from './mail';
export * from './observability';
export * from './pages';
export * from './settings';

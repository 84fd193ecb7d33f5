// The accounts component's public surface: what other components may import
// (the only file of this component they may; .dependency-cruiser.cjs). A
// component that uses it declares dependsOn: ['accounts'] in its metadata.
export type { SignedInUser } from './component.types';
export { CurrentUser } from './guards/current-user.decorator';
export { RequireUser } from './guards/require-user.decorator';
export { RequireUserGuard } from './guards/require-user.guard';
export { signInHref } from './account-links';
export { AccountDeleted } from './account-events';

import { defineComponent } from '../../platform/component-meta';

export default defineComponent({
  id: 'accounts',
  title: 'Accounts',
  description: 'Sign-up, sign-in and database sessions; protects other components’ routes with @RequireUser().',
  routes: [
    { path: '/accounts/me', title: 'Your account', isPrimary: true },
    { path: '/accounts/sign-in', title: 'Sign in' },
    { path: '/accounts/sign-up', title: 'Create an account' },
    { path: '/accounts/sign-out', title: 'Sign out (POST)' },
  ],
});

import { defineComponent } from '../../surface';

export default defineComponent({
  id: 'accounts',
  title: 'Accounts',
  description: 'Sign-up, sign-in and database sessions; protects other components’ routes with @RequireUser().',
  routes: [
    { path: '/accounts/me', isPrimary: true },
    { path: '/accounts' },
    { path: '/accounts/sign-in' },
    { path: '/accounts/sign-up' },
    { path: '/accounts/sign-out' },
    { path: '/accounts/me/sign-out-everywhere' },
    { path: '/accounts/me/password' },
    { path: '/accounts/me/delete' },
    { path: '/accounts/sign-up/sent' },
    { path: '/accounts/verify-email' },
    { path: '/accounts/me/verification' },
    { path: '/accounts/password-reset' },
    { path: '/accounts/password-reset/sent' },
    { path: '/accounts/password-reset/new' },
  ],
  events: { publishes: ['account-deleted'] },
  schedules: [
    {
      name: 'prune-expired',
      cron: '*/15 * * * *',
      description:
        'Deletes sessions that can never be used again, rate-limit counters whose window ended over an hour ago and expired mailed-link tokens',
    },
  ],
});

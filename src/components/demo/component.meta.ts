import { defineComponent } from '../../surface';

export default defineComponent({
  id: 'demo',
  title: 'Demo posts',
  description: 'Posts by signed-in authors: the whole path from Prisma schema to browser.',
  routes: [{ path: '/demo/posts', isPrimary: true }, { path: '/demo' }, { path: '/demo/posts/:id/delete' }],
  nav: { label: 'Posts', order: 10 },
  // Posts belong to accounts: DemoPost.author relates to AccountsUser, and adding or deleting a post needs a signed-in user.
  dependsOn: ['accounts'],
  // Hides a deleted account's posts (account-deleted.listener.ts).
  events: { listensTo: ['accounts/account-deleted'] },
});

import { defineComponent } from '../../platform/component-meta';

export default defineComponent({
  id: 'demo',
  title: 'Demo posts',
  description: 'Posts and their authors: the whole path from Prisma schema to browser.',
  routes: [
    { path: '/demo/posts', title: 'Posts', isPrimary: true },
    { path: '/demo', title: 'Demo (redirects to posts)' },
  ],
  nav: { label: 'Posts', order: 10 },
});

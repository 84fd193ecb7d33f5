import { defineComponent } from '../../surface';

export default defineComponent({
  id: 'system',
  title: 'Home',
  description: 'The start page, listing every component of this installation.',
  routes: [{ path: '/', isPrimary: true }],
  nav: { label: 'Home', order: 0 },
});

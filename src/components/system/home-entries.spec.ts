import type { ComponentMeta, ComponentRegistry } from '../../platform/component-meta';
import { homeEntries } from './home-entries';

const component = (id: string, title: string, description?: string): ComponentMeta => ({
  id,
  title,
  description,
  routes: [{ path: `/${id}`, isPrimary: true }],
});

const registry: ComponentRegistry = {
  // Deliberately not in navigation order: the cards follow the navigation, not this list.
  components: [
    component('shop', 'Online shop', 'Products and orders.'),
    component('system', 'Home', 'The start page.'),
    component('blog', 'Company blog', 'Articles by the team.'),
    component('audit', 'Audit log'),
    component('hidden', 'Not in the navigation', 'Served, but not listed.'),
  ],
  navigation: [
    { componentId: 'system', label: 'Home', path: '/', order: 0 },
    { componentId: 'blog', label: 'Blog', path: '/blog/posts', order: 10 },
    { componentId: 'shop', label: 'Shop', path: '/shop', order: 20 },
    { componentId: 'audit', label: 'Audit', path: '/audit', order: 20 },
  ],
};

describe('homeEntries', () => {
  it('makes one entry per navigation entry except Home, in navigation order', () => {
    expect(homeEntries(registry).map((entry) => entry.id)).toEqual(['blog', 'shop', 'audit']);
  });

  it('labels each entry as the navigation does, not with the component title, and links it to the same path', () => {
    expect(homeEntries(registry).map(({ label, path }) => ({ label, path }))).toEqual([
      { label: 'Blog', path: '/blog/posts' },
      { label: 'Shop', path: '/shop' },
      { label: 'Audit', path: '/audit' },
    ]);
  });

  it("gives each entry its component's description, and none to a component without one", () => {
    expect(homeEntries(registry).map((entry) => entry.description)).toEqual(['Articles by the team.', 'Products and orders.', undefined]);
  });

  it('lists no component that is not in the navigation', () => {
    expect(homeEntries(registry).map((entry) => entry.id)).not.toContain('hidden');
  });

  it('is empty when Home is the only entry of the navigation', () => {
    expect(homeEntries({ components: [registry.components[1]], navigation: [registry.navigation[0]] })).toEqual([]);
  });
});

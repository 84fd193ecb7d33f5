// Components: their metadata and the registry of all of them.
export {
  defineComponent,
  type ComponentMeta,
  type ComponentNav,
  type ComponentRegistry,
  type ComponentRoute,
  type NavigationEntry,
} from '../platform/component-meta';
export { componentRegistry } from '../generated/component-registry';

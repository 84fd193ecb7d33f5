/**
 * An event type a component publishes: `<component>/<name>@<version>`, with
 * a plain-JSON payload `P`. Declared with defineEvent in the owning
 * component and exported from its index.ts.
 */
export interface EventType<P> {
  readonly component: string;
  readonly name: string;
  readonly version: number;
  /** `<component>/<name>@<version>`: what listeners subscribe to. */
  readonly key: string;
  /** Carries the payload type only; never set. */
  readonly __payload?: P;
}

/** Every event type defined in this process, by key: the boot check compares them with the component metas. */
const definedEvents = new Map<string, EventType<unknown>>();

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares an event type of a component:
 * `export const AccountDeleted = defineEvent<{ accountId: string }>({ component: 'accounts', name: 'account-deleted', version: 1 })`.
 * The name must be in the component's `events.publishes` (component.meta.ts).
 */
export function defineEvent<P>(definition: { component: string; name: string; version: number }): EventType<P> {
  const { component, name, version } = definition;
  if (!KEBAB.test(name) || !Number.isInteger(version) || version < 1) {
    throw new Error(
      `defineEvent({ component: '${component}', name: '${name}', version: ${version} }): the name must be kebab-case (account-deleted) and the version a whole number from 1`,
    );
  }
  const type: EventType<P> = Object.freeze({ component, name, version, key: `${component}/${name}@${version}` });
  definedEvents.set(type.key, type);
  return type;
}

/** The event types defined so far (by the files the app has loaded). */
export function definedEventTypes(): EventType<unknown>[] {
  return [...definedEvents.values()];
}

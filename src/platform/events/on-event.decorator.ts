import { SetMetadata } from '@nestjs/common';
import type { TransactionClient } from '../jobs/transaction-client';
import type { DeliveredEvent } from './delivered-event';
import type { EventType } from './event-type';
import { MAX_ATTEMPTS_LIMIT } from '../jobs/dead-letter';

export interface OnEventOptions {
  /** Deliveries tried before the event is dead-lettered for this listener. Default 10. */
  maxAttempts?: number;
  /** Default true: the method gets its delivery's own transaction as second argument. */
  transaction?: boolean;
}

export interface EventListenerMetadata {
  event: EventType<unknown>;
  maxAttempts: number;
  transaction: boolean;
}

export const EVENT_LISTENER = 'platform:event-listener';

type Listener<P> = (event: DeliveredEvent<P>, tx: TransactionClient) => Promise<void>;

/**
 * Marks a method of a provider of a component as a listener of `event`; it
 * runs after the publishing transaction commits, once per event (at least
 * once: redelivered after a failure or a crash, so be idempotent on
 * `event.id`), in its own transaction. Listening to another component's event
 * needs it in `dependsOn` and in `events.listensTo` (component.meta.ts).
 */
export function OnEvent<P>(event: EventType<P>, options: OnEventOptions = {}) {
  const metadata: EventListenerMetadata = {
    event: event,
    maxAttempts: options.maxAttempts ?? 10,
    transaction: options.transaction ?? true,
  };
  return <M extends Listener<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const { maxAttempts } = metadata;
    // graphile-worker keeps max_attempts in a smallint: anything else would fail at every publish, far from here.
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new Error(
        `@OnEvent(${event.key}) on ${target.constructor.name}.${String(key)}: maxAttempts is ${String(maxAttempts)}, but it must be a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}; leave it out for the default (10)`,
      );
    }
    SetMetadata(EVENT_LISTENER, metadata)(target, key, descriptor);
  };
}

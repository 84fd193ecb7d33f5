// Events between components: declare in the owning component (exported from
// its index.ts), publish inside the transaction of the change, listen with
// @OnEvent on a provider. See docs/guides/events-and-jobs.md.
export type { DeliveredEvent } from '../platform/events/delivered-event';
export { EventPublisher } from '../platform/events/event-publisher';
export { defineEvent, type EventType } from '../platform/events/event-type';
export { OnEvent, type OnEventOptions } from '../platform/events/on-event.decorator';
export type { TransactionClient } from '../platform/jobs/transaction-client';

import { Injectable, Module } from '@nestjs/common';
import type { ComponentMeta } from '../../src/platform/component-meta';
import { defineEvent, type DeliveredEvent, OnEvent, type TransactionClient } from '../../src/surface';
import type { DeliveryLog } from './delivery-log';

/**
 * A component that exists only in the events bench: two event types, each
 * with one no-op listener, one in its delivery's own transaction (the
 * default) and one with `{ transaction: false }`. Each listener only notes
 * the moment it started in the bench's current DeliveryLog.
 */
export const BENCH_COMPONENT_META: ComponentMeta = {
  id: 'bench-events',
  title: 'Events bench',
  routes: [],
  events: { publishes: ['ping', 'ping-without-transaction'] },
};

export interface Ping {
  seq: number;
}

export const PingEvent = defineEvent<Ping>({ component: 'bench-events', name: 'ping', version: 1 });
export const PingWithoutTransactionEvent = defineEvent<Ping>({ component: 'bench-events', name: 'ping-without-transaction', version: 1 });

/** Where the listeners note their start: the bench swaps in a fresh log for each measurement. */
export const benchDeliveries: { current?: DeliveryLog } = {};

@Injectable()
export class BenchListeners {
  // The delivery's transaction is opened and committed around the method, which does nothing in it.
  @OnEvent(PingEvent)
  inTransaction(event: DeliveredEvent<Ping>, _tx: TransactionClient): Promise<void> {
    benchDeliveries.current?.record(event.payload.seq);
    return Promise.resolve();
  }

  @OnEvent(PingWithoutTransactionEvent, { transaction: false })
  withoutTransaction(event: DeliveredEvent<Ping>): Promise<void> {
    benchDeliveries.current?.record(event.payload.seq);
    return Promise.resolve();
  }
}

@Module({ providers: [BenchListeners] })
export class BenchEventsComponentModule {}

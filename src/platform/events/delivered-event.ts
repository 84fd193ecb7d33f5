/** An event as a listener receives it. `id` is stable across redeliveries: use it to stay idempotent. */
export interface DeliveredEvent<P> {
  id: string;
  component: string;
  name: string;
  version: number;
  payload: P;
  publishedAt: Date;
  /** 1 on the first delivery, 2 on the first retry, ... */
  attempt: number;
}

/** What a delivery job carries (graphile-worker's payload): the event as published. */
export interface EventEnvelope {
  id: string;
  component: string;
  name: string;
  version: number;
  payload: unknown;
  publishedAt: string;
  /** The publishing span as a W3C traceparent, when tracing ran there: each delivery's span links to it. Absent otherwise. */
  trace?: string;
}

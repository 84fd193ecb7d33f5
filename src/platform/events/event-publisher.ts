import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JobMetrics } from '../jobs/job-metrics';
import { JOBS_DATABASE, type JobsDatabase } from '../jobs/jobs-database';
import { JobsRegistry } from '../jobs/jobs-registry';
import { queueSchemaFor } from '../jobs/queue-schema';
import { transactionClientOf, type TransactionLike } from '../jobs/transaction-client';
import type { EventEnvelope } from './delivered-event';
import { type OutboxJobSpec, publishSql } from './event-outbox';
import type { EventType } from './event-type';
import { currentTraceparent } from '../observability/tracing/work-spans';
import { assertPlainJson } from './plain-json';

/**
 * Publishes a component's events inside the transaction of its change: the
 * deliveries (one graphile-worker job per listener registered now) are
 * written by that transaction into the event outbox, one row and a NOTIFY in
 * one statement, so they exist if and only if it commits; the outbox relay
 * (outbox-relay.ts) moves them into the job queue.
 */
@Injectable()
export class EventPublisher {
  private readonly publishSql: string;

  constructor(
    private readonly registry: JobsRegistry,
    @Inject(JOBS_DATABASE) database: JobsDatabase,
    private readonly metrics: JobMetrics,
  ) {
    this.publishSql = publishSql(queueSchemaFor(database.config.schema));
  }

  /**
   * `await db.$transaction(async (tx) => { ...; await events.publish(tx, AccountDeleted, { accountId }); })`.
   * Returns the event's id (stable across redeliveries: listeners use it to stay idempotent).
   */
  async publish<P>(tx: TransactionLike, type: EventType<P>, payload: P): Promise<{ id: string }> {
    const client = transactionClientOf(
      tx,
      `publish ${type.component}/${type.name} inside a transaction: pass the client your $transaction callback receives (await db.$transaction(async (tx) => { ...; await events.publish(tx, ...); })), so the event exists only if the change commits`,
    );
    assertPlainJson(payload, 'payload', `publish ${type.key}`);
    const envelope: EventEnvelope = {
      id: randomUUID(),
      component: type.component,
      name: type.name,
      version: type.version,
      payload,
      publishedAt: new Date().toISOString(),
      trace: currentTraceparent(),
    };
    const listeners = this.registry.listenersOf(type.key);
    if (listeners.length > 0) {
      const specs = listeners.map((listener): OutboxJobSpec => ({
        identifier: listener.task,
        payload: envelope,
        max_attempts: listener.maxAttempts,
      }));
      // eslint-disable-next-line no-restricted-syntax -- publishSql is built once from the validated queue schema name; the events travel as parameter $1
      await client.$executeRawUnsafe(this.publishSql, JSON.stringify(specs));
    }
    this.metrics.eventPublished(type);
    return { id: envelope.id };
  }
}

import { type Attributes, type Context, diag, isSpanContextValid, type Link, type SpanKind, trace } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';

/**
 * Spans that start a trace only when nothing else is traced: Prisma's
 * (`prisma:client:operation`, ...) and pg's (`pg.query:…`, `pg-pool.connect`).
 * As roots they are background work (the minutely queue check, the outbox
 * relay, the runner's polling), a trace per tick; under a request, job or
 * delivery span they are kept.
 */
const BACKGROUND_ROOT = /^(prisma:|pg)/;

/** OTEL_TRACES_SAMPLER (and _ARG) as the SDK reads them, which a sampler given in code would otherwise replace. */
export function configuredSampler(env: NodeJS.ProcessEnv): Sampler {
  const ratio = () => {
    const value = Number(env.OTEL_TRACES_SAMPLER_ARG);
    return env.OTEL_TRACES_SAMPLER_ARG?.trim() && value >= 0 && value <= 1 ? value : 1;
  };
  const name = env.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_always_on';
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio());
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio()) });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    default:
      diag.warn(`OTEL_TRACES_SAMPLER="${name}" is not a sampler this app knows; using parentbased_always_on`);
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * Drops a trace that would start with a Prisma or pg span (BACKGROUND_ROOT);
 * asks `configured` about every other span. With the parent-based samplers
 * (the default), the spans under a dropped root are dropped with it.
 */
export class BackgroundRootSampler implements Sampler {
  constructor(private readonly configured: Sampler) {}

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    const parent = trace.getSpanContext(context);
    const isRoot = !parent || !isSpanContextValid(parent);
    if (isRoot && BACKGROUND_ROOT.test(spanName)) return { decision: SamplingDecision.NOT_RECORD };
    return this.configured.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `BackgroundRootSampler{${this.configured.toString()}}`;
  }
}

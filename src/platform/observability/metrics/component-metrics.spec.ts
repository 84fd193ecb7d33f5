import { Logger } from '@nestjs/common';
import { ComponentMetrics, type CounterDeclaration, type LabelValues } from './component-metrics';
import { ComponentMetricsError } from './component-metrics.error';
import { MetricsRegistry } from './metrics-registry';

const OUTCOMES = { outcome: ['succeeded', 'refused'] } as const;

function metricsWith(port: number | undefined) {
  const registry = new MetricsRegistry({ port, host: '127.0.0.1' });
  return { registry, metrics: new ComponentMetrics(registry) };
}

afterEach(() => jest.restoreAllMocks());

describe('component counters', () => {
  it('names a counter <component>_<name>_total with the component label and starts every declared combination at 0', async () => {
    const { registry, metrics } = metricsWith(0);

    metrics.forComponent('shop-orders').counter('checkouts', {
      help: 'Checkouts by outcome and channel',
      labels: { outcome: ['succeeded', 'refused'], channel: ['web', 'api'] },
    });

    const text = await registry.exposition();
    expect(text).toContain(
      '# HELP shop_orders_checkouts_total Checkouts by outcome and channel\n# TYPE shop_orders_checkouts_total counter',
    );
    const series = text.split('\n').filter((line) => line.startsWith('shop_orders_checkouts_total{'));
    expect(series.sort()).toEqual([
      'shop_orders_checkouts_total{component="shop-orders",outcome="refused",channel="api"} 0',
      'shop_orders_checkouts_total{component="shop-orders",outcome="refused",channel="web"} 0',
      'shop_orders_checkouts_total{component="shop-orders",outcome="succeeded",channel="api"} 0',
      'shop_orders_checkouts_total{component="shop-orders",outcome="succeeded",channel="web"} 0',
    ]);
  });

  it('counts the declared values, and a counter without labels', async () => {
    const { registry, metrics } = metricsWith(0);
    const accounts = metrics.forComponent('accounts');
    const signIns = accounts.counter('sign_ins', { help: 'Sign-ins', labels: OUTCOMES });
    const signUps = accounts.counter('sign_ups', { help: 'Sign-ups' });

    signIns.inc({ outcome: 'refused' });
    signIns.inc({ outcome: 'refused' }, 2);
    signUps.inc();

    const text = await registry.exposition();
    expect(text).toContain('accounts_sign_ins_total{component="accounts",outcome="refused"} 3');
    expect(text).toContain('accounts_sign_ins_total{component="accounts",outcome="succeeded"} 0');
    expect(text).toContain('accounts_sign_ups_total{component="accounts"} 1');
  });

  it('does not count a value that was not declared, and logs it once without the value', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { registry, metrics } = metricsWith(0);
    const signIns = metrics.forComponent('accounts').counter('sign_ins', { help: 'Sign-ins', labels: OUTCOMES });

    const cast = { outcome: 'someone@example.test' } as unknown as { outcome: 'succeeded' };
    signIns.inc(cast);
    signIns.inc(cast);

    const text = await registry.exposition();
    expect(text).not.toContain('someone@example.test');
    expect(text.split('\n').filter((line) => line.startsWith('accounts_sign_ins_total{'))).toHaveLength(2);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      "accounts_sign_ins_total: inc() got a value of label outcome that was not declared (declared: outcome: succeeded|refused); not counted. Pass a declared value, or add it to the counter's declaration",
    ]);
  });

  it('records nothing with metrics off, and still checks the declaration', async () => {
    const { registry, metrics } = metricsWith(undefined);
    const signIns = metrics.forComponent('accounts').counter('sign_ins', { help: 'Sign-ins', labels: OUTCOMES });

    signIns.inc({ outcome: 'succeeded' });

    expect(await registry.exposition()).toBe('\n');
    expect(() => metrics.forComponent('accounts').counter('Sign-Ins', { help: 'x' })).toThrow(ComponentMetricsError);
  });

  it.each<[string, CounterDeclaration<LabelValues>, string]>([
    ['Sign-Ins', { help: 'x' }, 'the name "Sign-Ins" must be lower_snake_case (sign_ins)'],
    ['sign_ins_total', { help: 'x' }, 'leave "_total" out of the name "sign_ins_total": the platform adds it'],
    ['accounts_sign_ins', { help: 'x' }, 'leave the component out of the name "accounts_sign_ins"'],
    ['sign_ins', { help: ' ' }, 'the help line is empty; say what is counted'],
    [
      'sign_ins',
      { help: 'x', labels: { component: ['a'] } },
      'the label "component" must be lower_snake_case and not one of component, job',
    ],
    ['sign_ins', { help: 'x', labels: { outcome: [] } }, 'the label "outcome" declares no values; list every value it may take'],
    [
      'sign_ins',
      { help: 'x', labels: { account: ['Ada@example.test'] } },
      'the label "account" has values "Ada@example.test": use short lower-case words (succeeded, too-many); never ids, emails or paths',
    ],
    ['sign_ins', { help: 'x', labels: { outcome: ['ok', 'ok'] } }, 'the label "outcome" lists ok twice'],
    [
      'sign_ins',
      { help: 'x', labels: { a: Array.from({ length: 11 }, (_, i) => `v${i}`), b: Array.from({ length: 10 }, (_, i) => `w${i}`) } },
      'its label values make 110 series, over 100',
    ],
  ])('refuses the counter %j (%j), naming what and how to fix it', (name, declaration, message) => {
    const { metrics } = metricsWith(0);

    expect(() => metrics.forComponent('accounts').counter(name, declaration)).toThrow(
      expect.objectContaining({
        name: 'ComponentMetricsError',
        message: expect.stringContaining(`forComponent('accounts').counter('${name}'): ${message}`),
      }),
    );
  });

  it("refuses a counter whose name is one of the platform's metrics", () => {
    const { metrics } = metricsWith(0);

    expect(() => metrics.forComponent('jobs').counter('runs', { help: 'Runs' })).toThrow(
      "forComponent('jobs').counter('runs'): jobs_runs_total is a name the platform's own metrics use",
    );
    expect(() => metrics.forComponent('process').counter('cpu_seconds', { help: 'CPU' })).toThrow(ComponentMetricsError);
    expect(() => metrics.forComponent('jobs').counter('reports', { help: 'Reports' })).not.toThrow();
  });

  it('does not count an amount prom-client would throw on, and logs it once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { registry, metrics } = metricsWith(0);
    const signUps = metrics.forComponent('accounts').counter('sign_ups', { help: 'Sign-ups' });

    for (const by of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => signUps.inc(undefined, by)).not.toThrow();
    signUps.inc(undefined, 2);

    expect(await registry.exposition()).toContain('accounts_sign_ups_total{component="accounts"} 2');
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'accounts_sign_ups_total: inc() got an amount that is negative or not a finite number; not counted. Pass a finite number of 0 or more (a counter only goes up), or leave it out for 1',
    ]);
  });

  it('refuses the same counter declared again with other labels', () => {
    const { metrics } = metricsWith(0);
    metrics.forComponent('accounts').counter('sign_ins', { help: 'Sign-ins', labels: OUTCOMES });

    expect(() => metrics.forComponent('accounts').counter('sign_ins', { help: 'Sign-ins' })).toThrow(
      'accounts_sign_ins_total is declared already with other labels',
    );
  });

  it('lets inc take only declared values (a type error otherwise)', () => {
    const { metrics } = metricsWith(undefined);
    const signIns = metrics.forComponent('accounts').counter('sign_ins', { help: 'Sign-ins', labels: OUTCOMES });
    const signUps = metrics.forComponent('accounts').counter('sign_ups', { help: 'Sign-ups' });

    // @ts-expect-error 'limited' is not a declared outcome
    signIns.inc({ outcome: 'limited' });
    // @ts-expect-error the outcome label is required
    signIns.inc();
    signUps.inc();
  });
});

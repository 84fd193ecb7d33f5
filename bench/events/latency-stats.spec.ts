import { deliveryRate, perSecond, summariseLatencies } from './latency-stats';

describe('summariseLatencies', () => {
  it('gives the median, the 99th percentile and the largest of the delivered jobs', () => {
    const latencies = Array.from({ length: 101 }, (_, i) => i);
    expect(summariseLatencies(latencies, 101)).toEqual({ sent: 101, delivered: 101, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  });

  it('counts the jobs that never arrived without taking them into the percentiles', () => {
    expect(summariseLatencies([4, 2], 10)).toEqual({ sent: 10, delivered: 2, p50Ms: 3, p99Ms: 3.98, maxMs: 4 });
  });

  it('has no percentiles when nothing was delivered', () => {
    expect(summariseLatencies([], 5)).toEqual({ sent: 5, delivered: 0 });
  });

  it('refuses more latencies than jobs sent, which would be a bookkeeping error', () => {
    expect(() => summariseLatencies([1, 2, 3], 2)).toThrow('3 latencies for 2 jobs sent');
  });
});

describe('perSecond', () => {
  it('turns a count over milliseconds into a rate', () => {
    expect(perSecond(500, 250)).toBe(2000);
  });

  it('refuses an empty or negative span', () => {
    expect(() => perSecond(1, 0)).toThrow('cannot take a rate over 0 ms');
  });
});

describe('deliveryRate', () => {
  it('counts the intervals between the first and the last delivery, not the deliveries', () => {
    // 11 deliveries 10 ms apart: 10 intervals in 100 ms.
    expect(deliveryRate(Array.from({ length: 11 }, (_, i) => 1000 + i * 10))).toBe(100);
  });

  it('does not depend on the order the times were noted in', () => {
    expect(deliveryRate([30, 10, 20])).toBe(deliveryRate([10, 20, 30]));
  });

  it('has no rate with fewer than two deliveries or all at the same moment', () => {
    expect(deliveryRate([5])).toBeUndefined();
    expect(deliveryRate([5, 5])).toBeUndefined();
  });
});

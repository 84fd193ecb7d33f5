import { childrenCpuMs } from './run-suite';

describe('childrenCpuMs', () => {
  it('adds user and system time of the children, the second line of bash’s times', () => {
    expect(childrenCpuMs('PASS x\n0m0.012s 0m0.004s\n1m2.500s 0m10.250s\n')).toBe(72_750);
  });

  it('is null when the output does not end with times’ lines', () => {
    expect(childrenCpuMs('PASS x\nTests: 3 passed\n')).toBeNull();
  });
});

import { clientNetwork } from './client-network';

describe('clientNetwork', () => {
  it('counts an IPv4 address as itself, also when written IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as that network', () => {
    const network = '2001:db8:85a3:8d3::/64';

    expect(clientNetwork('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe(network);
    expect(clientNetwork('2001:0db8:85a3:08d3::1')).toBe(network);
    expect(clientNetwork('2001:DB8:85A3:8D3:ffff:ffff:ffff:ffff')).toBe(network);
  });

  it('keeps different /64 networks apart, and expands :: wherever it stands', () => {
    expect(clientNetwork('2001:db8:85a3:8d4::1')).toBe('2001:db8:85a3:8d4::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
  });
});

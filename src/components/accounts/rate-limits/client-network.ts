import { isIPv4, isIPv6 } from 'node:net';

/**
 * What the per-address limits count for a client address: an IPv4 address
 * as it is (also when written IPv4-mapped, `::ffff:203.0.113.7`), an IPv6
 * address as its /64 network. One IPv6 subscriber usually holds a whole /64
 * and could take a fresh address for every attempt; counting the network
 * keeps the limit on the subscriber.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

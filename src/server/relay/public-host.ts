import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * The relay calls instance URLs that users supply (Mastodon), from inside the service's network.
 * Unless told otherwise, it refuses hosts that resolve to loopback, private, link-local or other
 * non-public ranges, so a hand-off cannot make the relay reach internal services.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export class NonPublicHostError extends Error {
  constructor(host: string, address: string) {
    super(`The relay does not publish to ${host}: it resolves to a private or local address (${address}).`);
    this.name = 'NonPublicHostError';
  }
}

function isNonPublic(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged by its IPv4 part.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NON_PUBLIC.check(mapped, 'ipv4');
  return NON_PUBLIC.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Throws NonPublicHostError when any address of the URL's host is not public. */
export async function assertPublicHost(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const blocked = addresses.find(isNonPublic);
  if (blocked) throw new NonPublicHostError(host, blocked);
}

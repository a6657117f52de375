import { BlockList, isIP } from "node:net";

/** Named address ranges `--trust-proxy` accepts besides addresses and CIDR blocks. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** `::ffff:192.0.2.1` → `192.0.2.1`; other addresses as they are; null for what is no address. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const address = mapped ?? trimmed;
  return isIP(address) === 0 ? null : address;
}

function addEntry(list: BlockList, entry: string): void {
  const named = NAMED_RANGES[entry.toLowerCase()];
  if (named !== undefined) {
    for (const range of named) addEntry(list, range);
    return;
  }
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
  const max = family === 6 ? 128 : 32;
  if (
    family === 0 ||
    extra !== undefined ||
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max
  ) {
    throw new Error(
      `Trusted proxy "${entry}" is not an IP address, a CIDR block (10.0.0.0/8) or one of: ${Object.keys(NAMED_RANGES).join(", ")}.`,
    );
  }
  list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Builds the test "is this address a proxy we trust to tell us who its client was?" from a list
 * of addresses, CIDR blocks and the names `loopback` and `private`. An empty list trusts no one.
 *
 * @throws Error at startup for an entry that is none of these (the message names it)
 * @example
 * const trusted = createTrustedProxies(["loopback", "10.0.0.0/8"]);
 * trusted("127.0.0.1"); // true
 */
export function createTrustedProxies(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) addEntry(list, entry.trim());
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
  };
}

import dns from "node:dns";
import net from "node:net";

/**
 * SSRF protection: a webhook may only reach public addresses. Every address a host name resolves to is
 * checked (a name with one private address among public ones is refused), at subscription time and
 * again at connection time through a pinned lookup, so DNS rebinding between check and send fails.
 */
const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked.addSubnet(net6, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true; // not an address at all: refuse
}

export class WebhookTargetError extends Error {}

/** Parses and checks a webhook URL's form (scheme, no credentials). */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookTargetError("This is not a valid URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookTargetError("Only http and https URLs are accepted.");
  if (url.username || url.password) throw new WebhookTargetError("Credentials in the URL are not accepted; authenticate deliveries with the signature.");
  if (!url.hostname) throw new WebhookTargetError("The URL has no host.");
  return url;
}

async function resolveAll(hostname: string): Promise<string[]> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(bare)) return [bare];
  try {
    const found = await dns.promises.lookup(bare, { all: true, verbatim: true });
    return found.map((a) => a.address);
  } catch {
    throw new WebhookTargetError(`The host ${bare} does not resolve.`);
  }
}

/** Refuses a URL whose host is, or resolves to, a loopback, private, link-local or otherwise internal address. */
export async function checkWebhookTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (allowPrivate) return url;
  const addresses = await resolveAll(url.hostname);
  const bad = addresses.find(isPrivateAddress);
  if (bad !== undefined || addresses.length === 0) throw new WebhookTargetError(`Deliveries to internal addresses are refused (${url.hostname} resolves to ${bad ?? "nothing"}).`);
  return url;
}

/**
 * A `lookup` for http.request that resolves, checks every address, and connects to a checked one:
 * the address used is the address checked.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (!allowPrivate && (bad || list.length === 0)) {
        return callback(Object.assign(new Error(`refused internal address ${bad?.address ?? ""}`), { code: "EWEBHOOKTARGET" }), "", 0);
      }
      const wanted = (options as dns.LookupOptions).family;
      const pick = list.find((a) => !wanted || a.family === wanted) ?? list[0];
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [pick]);
      callback(null, pick.address, pick.family);
    });
  };
}

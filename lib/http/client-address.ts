/**
 * The client's address, counted from the right of X-Forwarded-For: each trusted proxy in
 * front of the app appends the address it received the request from, so the entry that
 * many places from the right (the socket being the last) is the one the outermost trusted
 * proxy saw. Everything further left was written by the client and is never believed.
 * With 0 hops the socket's own address is the client.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress ?? "unknown"];
  // Fewer entries than trusted hops: the request bypassed a proxy, so the leftmost is all there is.
  const address = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  return unmapped(address).slice(0, 64);
}

// Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

import { afterEach, describe, expect, it } from "vitest";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { loopbackPost as post, type Receiver } from "@/lib/testing/webhook-world";
import { isPublicAddress, OutboundRefused, RESPONSE_BYTES, safePost } from "./outbound";

let receiver: Receiver | undefined;
afterEach(async () => await receiver?.close());

describe("outbound safety", () => {
  it("knows public addresses from private, loopback, link-local and mapped ones", () => {
    for (const a of [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses loopback by address and by name when the host is not allowed, follows no redirect, and reads only the first bytes", async () => {
    receiver = await startReceiver((n) =>
      n === 1 ? { status: 302, location: "http://127.0.0.1:1/elsewhere" } : { status: 200, body: "x".repeat(100_000) },
    );
    const strict = safePost([]);
    await expect(strict(receiver.url, {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
    await expect(strict(`http://localhost:${receiver.port}/hooks`, {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
    expect(receiver.received).toHaveLength(0);
    expect((await post(receiver.url, {}, "{}")).status).toBe(302);
    const big = await post(receiver.url, {}, "{}");
    expect(big.status).toBe(200);
    expect(big.response.length).toBeLessThanOrEqual(RESPONSE_BYTES);
    expect(receiver.received).toHaveLength(2);
    await expect(post("ftp://127.0.0.1/x", {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
  });
});

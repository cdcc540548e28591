import { describe, expect, it } from "vitest";
import { listenHost, parseEnv } from "./env";

/** A production configuration complete but for how many proxies are trusted. */
const PRODUCTION = {
  APP_MODE: "production",
  DATABASE_PATH: "/var/lib/prc.db",
  SMTP_URL: "smtp://mail:25",
  MAIL_FROM: "PRC <prc@example.com>",
  AUTH_SECRET: "x".repeat(40),
  PUBLIC_BASE_URL: "https://prc.example.com",
};

describe("configuration", () => {
  it("production refuses to start without a real AUTH_SECRET", () => {
    const prod = {
      APP_MODE: "production",
      DATABASE_PATH: "/var/lib/prc.db",
      SMTP_URL: "smtp://mail:25",
      MAIL_FROM: "PRC <prc@example.com>",
      PUBLIC_BASE_URL: "https://prc.example.com",
      TRUSTED_PROXY_HOPS: "1",
    };
    expect(() => parseEnv(prod)).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...prod, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...prod, AUTH_SECRET: "demo-and-test-only-secret-never-use-in-production-0123456789" })).toThrow(/demo secret/);
    expect(() => parseEnv({ ...prod, AUTH_SECRET: "x".repeat(40), MAILBOX_API_URL: "http://127.0.0.1:2580" })).toThrow(/mailbox/);
    expect(parseEnv({ ...prod, AUTH_SECRET: "x".repeat(40) }).INVITATION_TTL_DAYS).toBe(14);
  });

  it("names the database: a SQLite file, or a PostgreSQL URL with a pool size", () => {
    const prod = {
      APP_MODE: "production",
      SMTP_URL: "smtp://mail:25",
      MAIL_FROM: "PRC <prc@example.com>",
      PUBLIC_BASE_URL: "https://prc.example.com",
      AUTH_SECRET: "x".repeat(40),
      TRUSTED_PROXY_HOPS: "1",
    };
    expect(() => parseEnv(prod)).toThrow(/DATABASE_PATH: required/);
    expect(() => parseEnv({ ...prod, DATABASE_URL: "mysql://db/prc" })).toThrow(/DATABASE_URL: must be a postgres/);
    const pg = parseEnv({ ...prod, DATABASE_URL: "postgres://prc@db.internal/prc" });
    expect([pg.DATABASE_URL, pg.DATABASE_PATH, pg.DATABASE_POOL_SIZE]).toEqual(["postgres://prc@db.internal/prc", undefined, 10]);
    expect(parseEnv({ ...prod, DATABASE_URL: "postgresql://db/prc", DATABASE_POOL_SIZE: "40" }).DATABASE_POOL_SIZE).toBe(40);
    expect(() => parseEnv({ ...prod, DATABASE_URL: "postgres://db/prc", DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("production sends links over https only (plain http for localhost, to try it out)", () => {
    const prod = {
      APP_MODE: "production",
      DATABASE_PATH: "/var/lib/prc.db",
      SMTP_URL: "smtp://mail:25",
      MAIL_FROM: "PRC <prc@example.com>",
      AUTH_SECRET: "x".repeat(40),
      TRUSTED_PROXY_HOPS: "0",
    };
    expect(() => parseEnv({ ...prod, PUBLIC_BASE_URL: "http://partners.example.com" })).toThrow(/PUBLIC_BASE_URL: must be https/);
    expect(parseEnv({ ...prod, PUBLIC_BASE_URL: "http://localhost:3000" }).PUBLIC_BASE_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...prod, PUBLIC_BASE_URL: "https://partners.example.com" }).SIGNIN_LINK_TTL_MINUTES).toBe(15);
    expect(() => parseEnv({ ...prod, PUBLIC_BASE_URL: "https://partners.example.com", SIGNIN_LINK_TTL_MINUTES: "2" })).toThrow(
      /SIGNIN_LINK_TTL_MINUTES/,
    );
  });

  it("production refuses to start until the number of trusted proxies is said, 0 included", () => {
    const prod = PRODUCTION;
    expect(() => parseEnv(prod)).toThrow(/TRUSTED_PROXY_HOPS: required/);
    expect(() => parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "0" }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(parseEnv({ APP_MODE: "demo" }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ APP_MODE: "test" }).TRUSTED_PROXY_HOPS).toBe(1);
  });

  it("npm start listens on loopback behind a trusted proxy, unless HOST says otherwise", () => {
    const prod = PRODUCTION;
    // Anyone reaching the port past the proxy would write their own client address.
    expect(listenHost(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "1" }))).toBe("127.0.0.1");
    expect(listenHost(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "2" }))).toBe("127.0.0.1");
    expect(listenHost(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "0" }))).toBeUndefined();
    expect(listenHost(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "1", HOST: "10.0.0.5" }))).toBe("10.0.0.5");
    expect(listenHost(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "0", HOST: "::1" }))).toBe("::1");
  });

  it("the demo and tests get safe defaults", () => {
    const demo = parseEnv({ APP_MODE: "demo" });
    expect(demo.DATABASE_PATH).toBe("data/demo.db");
    expect(demo.PUBLIC_BASE_URL).toBe("http://localhost:3000");
    expect(parseEnv({ APP_MODE: "test" }).DATABASE_PATH).toBe("data/test.db");
  });

  it("invitation lifetime is 1 to 90 days", () => {
    expect(parseEnv({ APP_MODE: "demo", INVITATION_TTL_DAYS: "90" }).INVITATION_TTL_DAYS).toBe(90);
    expect(() => parseEnv({ APP_MODE: "demo", INVITATION_TTL_DAYS: "0" })).toThrow(/INVITATION_TTL_DAYS/);
    expect(() => parseEnv({ APP_MODE: "demo", INVITATION_TTL_DAYS: "91" })).toThrow(/INVITATION_TTL_DAYS/);
  });

  it("rejects an unknown mode and a base URL that is not a URL", () => {
    expect(() => parseEnv({ APP_MODE: "staging" })).toThrow(/APP_MODE/);
    expect(() => parseEnv({ APP_MODE: "demo", PUBLIC_BASE_URL: "not a url" })).toThrow(/PUBLIC_BASE_URL/);
  });
});

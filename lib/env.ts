import { z } from "zod";

/**
 * The only module that reads process.env (one place to validate it), but for db/engine.ts, which takes the
 * engine from DATABASE_URL's scheme before any table loads. Everything configurable is here,
 * validated once. APP_MODE decides the defaults: the demo and the tests get safe ones;
 * production gets none and refuses to start without a real AUTH_SECRET.
 */

const DEMO_SECRET = "demo-and-test-only-secret-never-use-in-production-0123456789";

const modeSchema = z.enum(["production", "demo", "test"]);
export type AppMode = z.infer<typeof modeSchema>;

const envSchema = z
  .object({
    APP_MODE: modeSchema,
    // SQLite's file; unused when DATABASE_URL names a PostgreSQL server.
    DATABASE_PATH: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    // Connections one server process may hold on PostgreSQL.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL"),
    MAIL_FROM: z.string().min(3),
    PUBLIC_BASE_URL: z.url().transform((u) => u.replace(/\/+$/, "")),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90),
    // How long an emailed sign-in link works: short, since a link in a mailbox signs anyone in.
    SIGNIN_LINK_TTL_MINUTES: z.coerce.number().int().min(5).max(1440),
    // Where the built-in SMTP capture serves what it received; set only by the demo and tests.
    MAILBOX_API_URL: z.url().optional(),
    OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000),
    // Host names webhooks may reach on private, loopback or link-local addresses (comma-separated); everything
    // else must resolve to public addresses only. Empty in production unless you name your own receivers.
    WEBHOOK_ALLOWED_HOSTS: z.string().transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
    // How often the scheduled job moves admin relationships through time.
    JOBS_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000),
    // How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the socket is the client).
    // No default in production: a wrong guess either lets clients choose their address or counts every client as the proxy.
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "required: how many reverse proxies in front of the app append to X-Forwarded-For (0 if none)" })
      .int()
      .min(0)
      .max(10),
    // The interface `npm start` listens on. Unset: loopback when a proxy is trusted (TRUSTED_PROXY_HOPS of 1 or
    // more: whoever reached the port past the proxy could write their own client address), every interface with none.
    HOST: z.string().trim().min(1).max(255).optional(),
    // Abuse limits (held in SQLite, so restarts do not reset them).
    INVITATIONS_PER_PARTNER_PER_DAY: z.coerce.number().int().min(1).max(100_000),
    SIGNIN_ATTEMPTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000),
    SIGNIN_LINKS_PER_ADDRESS_PER_15_MINUTES: z.coerce.number().int().min(1).max(100_000),
    TOKEN_FAILURES_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000),
    API_REQUESTS_PER_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000),
    TEAM_INVITATIONS_PER_ORG_PER_DAY: z.coerce.number().int().min(1).max(100_000),
    PARTNERSHIP_INVITATIONS_PER_ORG_PER_DAY: z.coerce.number().int().min(1).max(100_000),
    ENROLLMENTS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000),
    ENROLLMENTS_PER_DOMAIN_PER_DAY: z.coerce.number().int().min(1).max(100_000),
  })
  .superRefine((env, ctx) => {
    if (!env.DATABASE_URL && !env.DATABASE_PATH)
      ctx.addIssue({ code: "custom", path: ["DATABASE_PATH"], message: "required: the SQLite file (or DATABASE_URL for PostgreSQL)" });
    if (env.APP_MODE !== "production") return;
    if (env.AUTH_SECRET === DEMO_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "the demo secret cannot be used in production" });
    }
    if (env.MAILBOX_API_URL) {
      ctx.addIssue({ code: "custom", path: ["MAILBOX_API_URL"], message: "the built-in mailbox never runs in production" });
    }
    // Links in emails carry sign-in and invitation tokens: over plain http only to try it out on this machine.
    const base = new URL(env.PUBLIC_BASE_URL);
    if (base.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(base.hostname)) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_BASE_URL"], message: "must be https in production (plain http only for localhost)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

function defaultsFor(mode: AppMode): Partial<Record<keyof Env, string>> {
  const limits = {
    INVITATIONS_PER_PARTNER_PER_DAY: "50",
    SIGNIN_ATTEMPTS_PER_IP_PER_MINUTE: "10",
    SIGNIN_LINKS_PER_ADDRESS_PER_15_MINUTES: "5",
    TOKEN_FAILURES_PER_IP_PER_MINUTE: "30",
    API_REQUESTS_PER_KEY_PER_MINUTE: "600",
    ENROLLMENTS_PER_IP_PER_HOUR: "5",
    ENROLLMENTS_PER_DOMAIN_PER_DAY: "3",
    TEAM_INVITATIONS_PER_ORG_PER_DAY: "50",
    PARTNERSHIP_INVITATIONS_PER_ORG_PER_DAY: "20",
  };
  if (mode === "production")
    return {
      DATABASE_POOL_SIZE: "10",
      INVITATION_TTL_DAYS: "14",
      SIGNIN_LINK_TTL_MINUTES: "15",
      OUTBOX_POLL_MS: "5000",
      JOBS_INTERVAL_MS: "60000",
      WEBHOOK_ALLOWED_HOSTS: "",
      ...limits,
    };
  return {
    DATABASE_PATH: mode === "test" ? "data/test.db" : "data/demo.db",
    DATABASE_POOL_SIZE: "10",
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Partner Relationship Center <no-reply@partner-center.local>",
    PUBLIC_BASE_URL: "http://localhost:3000",
    AUTH_SECRET: DEMO_SECRET,
    INVITATION_TTL_DAYS: "14",
    SIGNIN_LINK_TTL_MINUTES: "15",
    OUTBOX_POLL_MS: "2000",
    JOBS_INTERVAL_MS: "60000",
    // The demo's built-in receiver and the tests' receivers listen on this machine.
    WEBHOOK_ALLOWED_HOSTS: "localhost,127.0.0.1,[::1]",
    ...limits,
    // The demo is reached directly; the end-to-end suite plays one proxy, naming each client in X-Forwarded-For.
    TRUSTED_PROXY_HOPS: mode === "test" ? "1" : "0",
    // The end-to-end suite signs in and opens links from one address far faster than a person.
    ...(mode === "test"
      ? {
          SIGNIN_ATTEMPTS_PER_IP_PER_MINUTE: "1000",
          SIGNIN_LINKS_PER_ADDRESS_PER_15_MINUTES: "1000",
          TOKEN_FAILURES_PER_IP_PER_MINUTE: "1000",
          ENROLLMENTS_PER_IP_PER_HOUR: "1000",
        }
      : {}),
  };
}

function read(source: Record<string, string | undefined>): Env {
  const mode = modeSchema.safeParse(source.APP_MODE ?? "production");
  if (!mode.success) throw new Error(`APP_MODE must be one of production, demo, test`);
  const defaults = defaultsFor(mode.data);
  const raw: Record<string, string | undefined> = { APP_MODE: mode.data };
  for (const key of Object.keys(envSchema.shape) as (keyof Env)[]) {
    if (key === "APP_MODE") continue;
    const value = source[key];
    raw[key] = value === undefined || value === "" ? defaults[key] : value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (APP_MODE=${mode.data}):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated configuration, read on first use (so `next build` needs no secrets). */
export function env(): Env {
  cached ??= read(process.env);
  return cached;
}

/** For tests of the validation itself. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return read(source);
}

/**
 * Where `npm start` listens: HOST when set; otherwise loopback behind a trusted proxy (the proxy
 * on this machine is then the only way in, so nobody can reach the port and write their own
 * X-Forwarded-For), and every interface (undefined: Node's dual-stack default) with no proxy.
 */
export function listenHost(e: Pick<Env, "HOST" | "TRUSTED_PROXY_HOPS">): string | undefined {
  return e.HOST ?? (e.TRUSTED_PROXY_HOPS > 0 ? "127.0.0.1" : undefined);
}

/** True while `next build` collects pages: nothing may touch the database or SMTP then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

import type { ErrorCode } from "@/lib/errors";

/** The one result type every server action returns. `code` says why it failed, for programs; `error` says it for people. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code: ErrorCode | "UNEXPECTED"; fieldErrors?: Record<string, string[]> }
  | null;

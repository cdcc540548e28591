import { DomainError } from "@/lib/errors";

/**
 * Optimistic concurrency for updates: a resource's version is the moment of its last change
 * (its ETag in the API, a hidden field on a page). Checked in the transaction that writes, so
 * two people or scripts cannot both change the version they read.
 */
export function checkVersion(expected: number | undefined, current: Date): void {
  if (expected !== undefined && expected !== current.getTime()) throw new DomainError("PRECONDITION_FAILED");
}

/** The version a change writes: it moves on with every change, even two in one millisecond. */
export function nextVersion(current: Date, now: Date): Date {
  return now.getTime() > current.getTime() ? now : new Date(current.getTime() + 1);
}

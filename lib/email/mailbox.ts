import "server-only";
import { env } from "@/lib/env";
import type { CapturedMessage, CapturedWebhook } from "./capture-server";

/** The built-in capture's messages, or null when no capture runs (then the mailbox does not exist). */
export async function fetchMailbox(): Promise<CapturedMessage[] | null> {
  const url = env().MAILBOX_API_URL;
  if (!url) return null;
  const res = await fetch(`${url}/messages`, { cache: "no-store" });
  return res.ok ? ((await res.json()) as CapturedMessage[]) : [];
}

/** What the capture's webhook receiver was sent, newest first, or null when no capture runs. */
export async function fetchCapturedWebhooks(): Promise<CapturedWebhook[] | null> {
  const url = env().MAILBOX_API_URL;
  if (!url) return null;
  const res = await fetch(`${url}/webhooks`, { cache: "no-store" });
  return res.ok ? ((await res.json()) as CapturedWebhook[]) : [];
}

export async function fetchMailboxMessage(id: string): Promise<CapturedMessage | null> {
  const url = env().MAILBOX_API_URL;
  if (!url || !/^\d+$/.test(id)) return null;
  const res = await fetch(`${url}/messages/${id}`, { cache: "no-store" });
  return res.ok ? ((await res.json()) as CapturedMessage) : null;
}

export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}

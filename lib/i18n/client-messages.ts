import type { Messages } from "./messages";

type Tree = Record<string, unknown>;

/**
 * The catalog cut down to the given key paths ("team", "partner.invite", "common.cancel"),
 * nesting kept. Only these travel to the browser, inside the page's server-component payload:
 * the whole catalog would add about 18 kB to every page (components/shell/client-messages.tsx).
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    let to = out;
    keys.forEach((key, i) => {
      from = from && typeof from === "object" ? (from as Tree)[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    });
  }
  return out;
}

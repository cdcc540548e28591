import type { Messages } from "./messages";

/**
 * The parts of the catalog that client components translate. Only these travel to the
 * browser (inside every page's server-component payload); the rest is used on the server.
 * A unit test scans every "use client" file and fails when one uses a key outside them.
 */
export const CLIENT_NAMESPACES = [
  "common",
  "signIn",
  "invite",
  "join",
  "partner.invite",
  "partner.invitations",
  "requestAdminRelationship",
  "adminRelationships",
  "customerAdminRelationships",
  "accessAssignments",
  "groups",
  "team",
  "removal",
  "partnerships",
  "support",
] as const;

type Tree = { [key: string]: string | Tree };

/** The catalog cut down to CLIENT_NAMESPACES, nesting kept. */
export function clientMessages(messages: Messages): Tree {
  const out: Tree = {};
  for (const path of CLIENT_NAMESPACES) {
    const keys = path.split(".");
    let from: Tree | string | undefined = messages as unknown as Tree;
    let to = out;
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    });
  }
  return out;
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Client-side navigation for every `<Link>` (components/ui/link.tsx: a plain
 * `<a data-soft-link>`), mounted once in the root layout: one listener for the page instead of
 * a `next/link` per link. Each `next/link` is a client component the server renders and
 * serializes, and prefetches its page when scrolled into view; 25 of them took a quarter of the
 * customer list's server time in two runs (docs/performance.md, 2026-12-02), and its code was
 * a third of what every page loaded beyond the bare framework (2026-12-03). Wrapping the table
 * in a client component cost as much, which is why this renders nothing and listens on the
 * document. A click with a modifier key, another button, a target or another origin is left to
 * the browser.
 */
export function SoftLinks() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-soft-link]");
      if (!link || link.target || link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${link.pathname}${link.search}${link.hash}`);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const listeners = new Set<(message: string) => void>();

/**
 * Announces an action's success at page level. The row or card that held the button is
 * often re-rendered away by the same action (a revoked invitation loses its buttons, a
 * removed relationship leaves its list), so its own message would vanish with it.
 */
export function flash(message: string): void {
  for (const listener of listeners) listener(message);
}

/** Lives in the root layout, which survives server re-renders; cleared on navigation. */
export function FlashRegion({ dismissLabel }: { dismissLabel: string }) {
  const pathname = usePathname();
  const currentPath = useRef(pathname);
  // Each message belongs to the page it was announced on, so navigating away hides it.
  const [shown, setShown] = useState<{ message: string; path: string } | null>(null);
  useEffect(() => {
    currentPath.current = pathname;
  }, [pathname]);
  useEffect(() => {
    const listener = (message: string) => setShown({ message, path: currentPath.current });
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const message = shown?.path === pathname ? shown.message : null;
  return (
    <div role="status" aria-live="polite" className="sticky top-2 z-20">
      {message && (
        <div className="mb-4 flex items-start justify-between gap-4 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900 shadow-sm">
          <span>{message}</span>
          <button type="button" onClick={() => setShown(null)} className="text-green-900" aria-label={dismissLabel}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

import type { ReactNode } from "react";

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="rounded-md border border-dashed border-gray-300 px-6 py-10 text-center text-sm text-gray-600">{children}</div>;
}

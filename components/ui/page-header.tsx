import type { ReactNode } from "react";

/** A page's title, an optional line under it (a list's count), and its tools on the right. */
export function PageHeader({ title, note, children }: { title: string; note?: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
        {note && <p className="text-sm text-gray-600">{note}</p>}
      </div>
      {children}
    </div>
  );
}

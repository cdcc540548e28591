import type { ReactNode } from "react";

/** A plain, readable table; the caption names it for screen readers. */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-gray-200">
      <table className="data-table min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-4 py-2 text-left font-medium text-gray-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}

/** A cell; its padding comes from the table's stylesheet (globals.css), not repeated on every cell of a long list. */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return className ? <td className={className}>{children}</td> : <td>{children}</td>;
}

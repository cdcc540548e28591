// The look of each tone is in app/globals.css (.badge-<tone>): lists show a badge on every row.
export type BadgeTone = "gray" | "blue" | "green" | "amber" | "red";

export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

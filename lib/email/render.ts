/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type EmailContent = {
  lang: string;
  heading: string;
  paragraphs: string[];
  lists?: { title: string; items: string[] }[];
  quote?: { title: string; text: string };
  button?: { label: string; url: string };
  footer: string;
};

/** One layout for every email, as HTML and plain text with the same words and link. */
export function renderEmail(c: EmailContent): { html: string; text: string } {
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(c.lang)}"><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">`,
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(c.heading)}</h1>`,
    ...c.paragraphs.map(p),
    c.quote
      ? `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(c.quote.title)}</p><blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #93c5fd;white-space:pre-wrap">${escapeHtml(c.quote.text)}</blockquote>`
      : "",
    ...(c.lists ?? []).map(
      (l) =>
        `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(l.title)}</p><ul style="margin:0 0 12px">${l.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
    ),
    c.button
      ? `<p style="margin:20px 0"><a href="${escapeHtml(c.button.url)}" style="background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.button.label)}</a></p><p style="margin:0 0 12px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(c.button.url)}</p>`
      : "",
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:20px 0"><p style="font-size:12px;color:#6b7280">${escapeHtml(c.footer)}</p>`,
    `</body></html>`,
  ].join("");
  const text = [
    c.heading,
    "",
    ...c.paragraphs.flatMap((s) => [s, ""]),
    ...(c.quote ? [c.quote.title, ...c.quote.text.split("\n").map((l) => `> ${l}`), ""] : []),
    ...(c.lists ?? []).flatMap((l) => [l.title, ...l.items.map((i) => `- ${i}`), ""]),
    ...(c.button ? [`${c.button.label}: ${c.button.url}`, ""] : []),
    "--",
    c.footer,
  ].join("\n");
  return { html, text };
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { Field } from "@/lib/api/reference";
import { apiReference } from "@/lib/api/reference";
import { env } from "@/lib/env";

const METHOD_TONE: Record<string, string> = {
  GET: "bg-blue-100 text-blue-900",
  POST: "bg-green-100 text-green-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

/**
 * The API reference, read from the OpenAPI document on the server: public like the document
 * itself (it holds no data), and with no script of its own, so the nonce CSP has nothing to allow.
 */
export default async function ApiReferencePage() {
  const t = await getTranslations("apiReference");
  const ref = apiReference(env().PUBLIC_BASE_URL);
  return (
    <article className="mx-auto max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{ref.title}</h1>
        <p className="text-gray-700">{ref.description}</p>
        <p className="text-sm text-gray-700">
          {t("server")} <code>{ref.server}</code> ·{" "}
          <Link href="/api/v1/openapi.json" className="text-blue-700 underline">
            {t("document")}
          </Link>
        </p>
      </header>
      <p className="text-sm text-gray-700">{t("requiredNote")}</p>
      <nav aria-label={t("contents")}>
        <h2 className="text-lg font-semibold">{t("contents")}</h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {ref.operations.map((op) => (
            <li key={op.id}>
              <a href={`#${op.id}`} className="text-blue-700 underline">
                <span className="font-mono text-xs">{op.method}</span> {op.path}
              </a>{" "}
              <span className="text-gray-600">{op.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      {ref.operations.map((op) => (
        <section
          key={op.id}
          id={op.id}
          aria-labelledby={`${op.id}-title`}
          className="space-y-3 rounded-md border border-gray-200 bg-white p-4"
        >
          <h2 id={`${op.id}-title`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
            <span className={`rounded px-1.5 py-0.5 font-mono text-xs ${METHOD_TONE[op.method] ?? ""}`}>{op.method}</span>
            <code>{op.path}</code>
            <span className="font-normal text-gray-700">{op.summary}</span>
          </h2>
          {op.description && <p className="whitespace-pre-line text-sm text-gray-700">{op.description}</p>}
          {op.parameters.length > 0 && <Fields caption={t("parameters")} fields={op.parameters} t={t} showIn />}
          {op.body && <Fields caption={t("body")} fields={op.body} t={t} />}
          <table className="w-full text-left text-sm">
            <caption className="text-left font-medium">{t("answers")}</caption>
            <thead>
              <tr className="text-gray-600">
                <th scope="col" className="py-1 pr-3 font-normal">
                  {t("status")}
                </th>
                <th scope="col" className="py-1 pr-3 font-normal">
                  {t("meaning")}
                </th>
                <th scope="col" className="py-1 font-normal">
                  {t("schema")}
                </th>
              </tr>
            </thead>
            <tbody>
              {op.answers.map((a) => (
                <tr key={a.status} className="border-t border-gray-100 align-top">
                  <td className="py-1 pr-3 font-mono">{a.status}</td>
                  <td className="py-1 pr-3">{a.description}</td>
                  <td className="py-1">
                    {a.schema && (
                      <a href={`#model-${a.schema}`} className="font-mono text-xs text-blue-700 underline">
                        {a.schema}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="models-title" className="space-y-4">
        <h2 id="models-title" className="text-lg font-semibold">
          {t("models")}
        </h2>
        {ref.models.map((m) => (
          <div key={m.name} id={`model-${m.name}`} className="rounded-md border border-gray-200 bg-white p-4">
            <Fields caption={m.name} fields={m.fields} t={t} note={m.description} />
          </div>
        ))}
      </section>
    </article>
  );
}

function Fields({
  caption,
  fields,
  t,
  showIn,
  note,
}: {
  caption: string;
  fields: (Field & { in?: string })[];
  t: Awaited<ReturnType<typeof getTranslations<"apiReference">>>;
  showIn?: boolean;
  note?: string;
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="text-left font-medium">
        {caption}
        {note && <span className="block text-xs font-normal text-gray-600">{note}</span>}
      </caption>
      <thead>
        <tr className="text-gray-600">
          <th scope="col" className="py-1 pr-3 font-normal">
            {t("field")}
          </th>
          <th scope="col" className="py-1 pr-3 font-normal">
            {t("type")}
          </th>
          <th scope="col" className="py-1 font-normal">
            {t("about")}
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={`${f.in ?? ""}${f.name}`} className="border-t border-gray-100 align-top">
            <td className="py-1 pr-3 font-mono text-xs">
              {f.name}
              {f.required && <span className="text-red-800"> *</span>}
              {showIn && f.in && <span className="block text-gray-600">{f.in}</span>}
            </td>
            <td className="max-w-xs break-words py-1 pr-3 font-mono text-xs">{f.type}</td>
            <td className="py-1">{f.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

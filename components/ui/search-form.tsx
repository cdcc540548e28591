import { fieldLookClass } from "./field";

type Option = { value: string; label: string };

/**
 * A list's search box (a plain GET form: works without JavaScript, and the URL can be shared),
 * with an optional order and hidden fields the list keeps (its status or window).
 */
export function SearchForm(p: {
  action: string;
  label: string;
  placeholder: string;
  submit: string;
  q: string;
  sort?: { label: string; value: string; options: Option[] };
  keep?: Record<string, string | undefined>;
}) {
  return (
    <form role="search" method="get" action={p.action} className="flex flex-wrap gap-2">
      {Object.entries(p.keep ?? {}).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <label htmlFor="q" className="sr-only">
        {p.label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={p.q}
        placeholder={p.placeholder}
        maxLength={100}
        className={`${fieldLookClass} w-64 max-w-full`}
      />
      {p.sort && (
        <>
          <label htmlFor="sort" className="sr-only">
            {p.sort.label}
          </label>
          <select id="sort" name="sort" defaultValue={p.sort.value} className={`${fieldLookClass} w-44`}>
            {p.sort.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm hover:bg-gray-50">
        {p.submit}
      </button>
    </form>
  );
}

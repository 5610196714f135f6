import type { ReactNode } from "react";

type Props = { label: string; params: Record<string, string | undefined>; children: ReactNode };

// A plain GET form: filters live in the address, so a filtered list can be bookmarked and works without script. Every
// list filters by a date range, newest first.
export function FilterForm({ label, params, children }: Props) {
  return (
    <form className="admin-filters" method="get" role="search" aria-label={label}>
      {children}
      <label>
        From
        <input name="from" type="date" defaultValue={params.from} />
      </label>
      <label>
        Before
        <input name="to" type="date" defaultValue={params.to} />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

// A select whose first choice is no filter.
export function ChoiceFilter({ label, name, choices, value }: { label: string; name: string; choices: string[]; value?: string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

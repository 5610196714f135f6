"use client";

import { useRouter } from "next/navigation";
import { searchHref, sorts, type SearchQuery, type Sort } from "@/lib/catalog/search-query";

// Client leaf: a change navigates at once; the form's submit button is the no-JavaScript path.
export function SortSelect({ query }: { query: SearchQuery }) {
  const router = useRouter();
  const { sort, ...kept } = query;
  return (
    <form action="/search" className="sort">
      {Object.entries(kept).map(([key, value]) =>
        key !== "page" && value !== undefined ? <input key={key} type="hidden" name={key} value={String(value)} /> : null,
      )}
      <label htmlFor="sort">Sort by</label>
      <select
        id="sort"
        name="sort"
        defaultValue={sort ?? "relevance"}
        onChange={(e) => router.push(searchHref(query, { sort: e.target.value as Sort }))}
      >
        {sorts.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Apply</button>
      </noscript>
    </form>
  );
}

import type { Metadata } from "next";
import { searchProducts } from "@/lib/bff";
import { pageSize, parseSearchQuery, searchHref } from "@/lib/catalog/search-query";
import { FacetFilters } from "@/components/search/facet-filters";
import { Pagination } from "@/components/search/pagination";
import { SortSelect } from "@/components/search/sort-select";
import { ProductGrid } from "@/components/product/product-grid";
import Link from "next/link";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchQuery(await searchParams);
  return {
    title: q ? `“${q}” game keys` : "All game keys",
    description: q ? `Game keys matching “${q}”, with every supplier's price.` : "Browse every game key in the store.",
    // Filtered and paged variants are not worth indexing one by one.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = parseSearchQuery(await searchParams);
  const results = await searchProducts(query);
  const filtered = Object.entries(query).some(([key, value]) => key !== "q" && key !== "sort" && key !== "page" && value);

  return (
    <div className="search">
      <header className="search-head">
        <h1>{query.q ? `Results for “${query.q}”` : "All games"}</h1>
        {results.suggestion && (
          <p className="search-suggestion">
            No games match “{query.q}”. Showing results for “<strong>{results.suggestion}</strong>”.
          </p>
        )}
        <p role="status">{results.total === 1 ? "1 game" : `${results.total.toLocaleString("en-US")} games`}</p>
        <SortSelect query={query} />
      </header>
      <aside className="search-filters">
        <FacetFilters facets={results.facets} query={query} />
      </aside>
      <section className="search-results" aria-label="Results">
        {results.items.length > 0 ? (
          <>
            <ProductGrid products={results.items} />
            <Pagination query={query} total={results.total} pageSize={pageSize} />
          </>
        ) : (
          <div className="empty">
            <p>No games match{query.q ? ` “${query.q}”` : ""}{filtered ? " with these filters" : ""}.</p>
            {filtered && <Link href={searchHref({ q: query.q }, {})}>Clear the filters</Link>}
          </div>
        )}
      </section>
    </div>
  );
}

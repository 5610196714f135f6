import Link from "next/link";
import type { Facet, FacetName } from "@/lib/catalog/types";
import { searchHref, type SearchQuery } from "@/lib/catalog/search-query";

const valueLabels: Partial<Record<FacetName, Record<string, string>>> = {
  inStock: { true: "In stock", false: "Out of stock" },
  priceBand: { "70+": "70 and up" },
};

function label(name: FacetName, value: string): string {
  return valueLabels[name]?.[value] ?? (name === "priceBand" ? value.replace("-", " – ") : value);
}

// Plain links: filters work before (and without) JavaScript, and each choice is a URL a crawler can follow.
export function FacetFilters({ facets, query }: { facets: Facet[]; query: SearchQuery }) {
  return (
    <details className="filters" open>
      <summary>Filters</summary>
      {facets
        .filter((facet) => facet.values.length > 0)
        .map((facet) => (
          <nav key={facet.name} aria-label={`Filter by ${facet.label.toLowerCase()}`} className="facet">
            <h2>{facet.label}</h2>
            <ul>
              {facet.values.map(({ value, count }) => {
                const selected = query[facet.name] === value;
                return (
                  <li key={value}>
                    <Link
                      href={searchHref(query, { [facet.name]: selected ? undefined : value })}
                      aria-current={selected ? "true" : undefined}
                      className="facet-link"
                      rel="nofollow"
                    >
                      <span className="facet-check" aria-hidden="true">{selected ? "✓" : ""}</span>
                      {label(facet.name, value)} <span className="count">({count})</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ))}
    </details>
  );
}

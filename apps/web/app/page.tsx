import Link from "next/link";
import { getHomeRows } from "@/lib/bff";
import { searchHref } from "@/lib/catalog/search-query";
import { ProductRail } from "@/components/home/product-rail";

// Rendered per request: the rows follow prices, stock and sales.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const rows = await getHomeRows();
  const empty = Object.values(rows).every((row) => row.length === 0);

  return (
    <>
      <h1 className="visually-hidden">GamesDrop — game keys from trusted suppliers</h1>
      {empty && (
        <p className="empty">
          No games to show right now. Please check back soon, or <Link href="/search">search the store</Link>.
        </p>
      )}
      <ProductRail id="deals" title="Best deals" products={rows.deals} eager={4} />
      <ProductRail id="new" title="New releases" href={searchHref({}, { sort: "newest", inStock: "true" })} products={rows.newReleases} eager={rows.deals.length ? 0 : 4} />
      <ProductRail id="bestsellers" title="Bestsellers" href={searchHref({}, { sort: "bestselling", inStock: "true" })} products={rows.bestsellers} />
      <ProductRail id="back" title="Back in stock" products={rows.backInStock} />
    </>
  );
}

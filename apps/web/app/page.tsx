import { searchProducts } from "@/lib/bff";
import { searchHref } from "@/lib/catalog/search-query";
import { ProductRail } from "@/components/home/product-rail";

// Rendered per request: the rails follow prices and stock as suppliers sync.
export const dynamic = "force-dynamic";

const railSize = 8;

export default async function HomePage() {
  const [featured, deals, newest] = await Promise.all([
    searchProducts({ sort: "bestselling", inStock: "true" }, railSize),
    searchProducts({ sort: "price_asc", inStock: "true" }, railSize),
    searchProducts({ sort: "newest" }, railSize),
  ]);
  const empty = featured.total + deals.total + newest.total === 0;

  return (
    <>
      <h1 className="visually-hidden">GamesDrop — game keys from trusted suppliers</h1>
      {empty && <p className="empty">The catalog is empty for now; suppliers are still syncing.</p>}
      <ProductRail id="featured" title="Featured" href={searchHref({}, { sort: "bestselling", inStock: "true" })} products={featured.items} eager={4} />
      <ProductRail id="deals" title="Deals" href={searchHref({}, { sort: "price_asc", inStock: "true" })} products={deals.items} />
      <ProductRail id="new" title="New releases" href={searchHref({}, { sort: "newest" })} products={newest.items} />
    </>
  );
}

import "server-only";
import type { BffHomeRows, BffProduct, BffProductSummary, BffSearchItem, BffSearchParams, BffSearchResult } from "./types";
import type { Facet, FacetName, GameSummary, Money, Product, ProductSummary, SearchResults } from "@/lib/catalog/types";
import { pageSize, type SearchQuery } from "@/lib/catalog/search-query";
import { bff, orNull } from "./request";

// "0-10", "70+": the kernel's price bands, sent back as the price range they name.
function priceRange(band: string | undefined): Pick<BffSearchParams, "minPrice" | "maxPrice"> {
  const match = band?.match(/^(\d+)(?:-(\d+)|\+)$/);
  return match ? { minPrice: Number(match[1]), maxPrice: match[2] === undefined ? undefined : Number(match[2]) } : {};
}

const facetLabels: Record<FacetName, string> = {
  platform: "Platform",
  region: "Region",
  genre: "Genre",
  priceBand: "Price",
  inStock: "Availability",
};

export function money(amount: number | null, currency: string): Money | null {
  return amount === null ? null : { amount, currency };
}

function reshapeSummary(item: BffProductSummary): ProductSummary {
  return {
    slug: item.slug,
    title: item.title,
    platform: item.platform,
    region: item.region,
    edition: item.edition,
    imageUrl: item.imageUrl,
    price: money(item.price, item.currency),
    inStock: item.inStock,
    releaseDate: item.releaseDate,
  };
}

function reshapeGame(item: BffSearchItem): GameSummary {
  return { ...reshapeSummary(item), platforms: item.platforms, variants: item.variants };
}

function reshapeProduct(p: BffProduct): Product {
  return {
    ...reshapeSummary(p),
    genres: p.genres,
    description: p.description,
    activationNotes: p.activationNotes,
    activatesIn: p.activatesIn,
    priceHistory: { ...p.priceHistory, lowest: money(p.priceHistory.lowest, p.currency) },
    variants: p.variants.map((v) => ({ ...v, price: money(v.price, v.currency) })),
    offers: p.offers.map((o) => ({
      supplier: o.supplier,
      price: money(o.price, o.currency),
      allInPrice: money(o.allInPrice, o.currency),
      stock: o.stock,
      availability: o.availability,
      best: o.best,
      syncedAt: o.syncedAt,
      secondsToKey: o.secondsToKey,
    })),
  };
}

export async function searchProducts(query: SearchQuery, size = pageSize): Promise<SearchResults> {
  const { priceBand, inStock, page, ...rest } = query;
  const search: BffSearchParams = {
    ...rest,
    ...priceRange(priceBand),
    inStock: inStock === undefined ? undefined : inStock === "true",
    page: page ?? 1,
    pageSize: size,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const result = await bff<BffSearchResult>(`/catalog/search?${params}`);
  return {
    items: result.items.map(reshapeGame),
    total: result.total,
    facets: (Object.keys(facetLabels) as FacetName[]).map((name) => ({
      name,
      label: facetLabels[name],
      values: result.facets[name] ?? [],
    })) satisfies Facet[],
    suggestion: result.suggestion ?? null,
  };
}

export async function getHomeRows(): Promise<Record<keyof BffHomeRows, GameSummary[]>> {
  const rows = await bff<BffHomeRows>("/catalog/home");
  return {
    deals: rows.deals.map(reshapeGame),
    newReleases: rows.newReleases.map(reshapeGame),
    bestsellers: rows.bestsellers.map(reshapeGame),
    backInStock: rows.backInStock.map(reshapeGame),
  };
}

// null only for a slug the catalog does not know; any other failure is an error page, never a false "not found".
export async function getProduct(slug: string): Promise<Product | null> {
  const product = await orNull(bff<BffProduct>(`/catalog/products/${encodeURIComponent(slug)}`), 404);
  return product && reshapeProduct(product);
}

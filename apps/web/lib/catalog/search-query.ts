// What a search page shows lives in its URL, so results can be shared, bookmarked and rendered on the server.

export const sorts = [
  { value: "relevance", label: "Relevance" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "newest", label: "Newest" },
  { value: "bestselling", label: "Bestselling" },
] as const;

export type Sort = (typeof sorts)[number]["value"];

export type SearchQuery = {
  q?: string;
  platform?: string;
  region?: string;
  genre?: string;
  priceBand?: string;
  inStock?: string;
  sort?: Sort;
  page?: number;
};

export const pageSize = 24;
// The kernel pages through the first 10 000 results only.
export const maxPage = Math.floor(10_000 / pageSize);

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim().slice(0, 200) : undefined;
}

export function parseSearchQuery(params: Params): SearchQuery {
  const sort = sorts.find((s) => s.value === first(params.sort))?.value;
  const page = Number.parseInt(first(params.page) ?? "", 10);
  const inStock = first(params.inStock);
  return {
    q: first(params.q),
    platform: first(params.platform),
    region: first(params.region),
    genre: first(params.genre),
    priceBand: first(params.priceBand),
    inStock: inStock === "true" || inStock === "false" ? inStock : undefined,
    sort: sort === "relevance" ? undefined : sort,
    page: page > 1 ? Math.min(page, maxPage) : undefined,
  };
}

// Any change but paging starts again at page 1.
export function searchHref(query: SearchQuery, change: Partial<SearchQuery>): string {
  const next: SearchQuery = { ...query, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/search?${text}` : "/search";
}

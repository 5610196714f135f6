// Wire types: the BFF's JSON as it arrives (apps/Bff/Features/Catalog). Components never see these.

export type BffFacetValue = { value: string; count: number };

export type BffSearchItem = {
  slug: string;
  title: string;
  platform: string;
  region: string;
  edition: string;
  imageUrl: string | null;
  price: number | null;
  currency: string;
  inStock: boolean;
  releaseDate: string | null;
};

export type BffSearchResult = {
  items: BffSearchItem[];
  total: number;
  facets: Record<"platform" | "region" | "genre" | "priceBand" | "inStock", BffFacetValue[]>;
};

export type BffOffer = {
  supplier: string;
  price: number | null;
  currency: string;
  stock: number;
  availability: string;
  best: boolean;
  syncedAt: string;
  stale: boolean;
};

export type BffProduct = Omit<BffSearchItem, "releaseDate"> & {
  genres: string[];
  releaseDate: string | null;
  description: string;
  activationNotes: string;
  offers: BffOffer[];
};

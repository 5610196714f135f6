// The storefront's own shapes, reshaped from the BFF's in lib/bff.

export type Money = { amount: number; currency: string };

export type ProductSummary = {
  slug: string;
  title: string;
  platform: string;
  region: string;
  edition: string;
  imageUrl: string | null;
  price: Money | null;
  inStock: boolean;
  releaseDate: string | null;
};

// One card per game: the variant it opens, its lowest price ("from") and the platforms it is on.
export type GameSummary = ProductSummary & { platforms: string[]; variants: number };

export type FacetName = "platform" | "region" | "genre" | "priceBand" | "inStock";
export type Facet = { name: FacetName; label: string; values: { value: string; count: number }[] };

export type SearchResults = { items: GameSummary[]; total: number; facets: Facet[]; suggestion: string | null };

export type Offer = {
  supplier: string;
  price: Money | null;
  allInPrice: Money | null;
  stock: number;
  availability: string;
  best: boolean;
  syncedAt: string;
  secondsToKey: number | null;
};

export type Variant = Pick<ProductSummary, "slug" | "platform" | "region" | "edition" | "price" | "inStock"> & {
  stock: number;
  activatesIn: string;
};

export type PriceHistory = { points: { at: string; price: number | null }[]; lowest: Money | null; since: string };

export type Product = ProductSummary & {
  genres: string[];
  description: string;
  activationNotes: string;
  activatesIn: string;
  offers: Offer[];
  variants: Variant[];
  priceHistory: PriceHistory;
};

export type CartLine = Pick<ProductSummary, "slug" | "title" | "platform" | "region" | "edition" | "imageUrl"> & {
  quantity: number;
  unitPrice: Money | null;
  addedUnitPrice: Money | null;
  priceChanged: boolean;
  available: boolean;
  lineTotal: Money;
};

export type Cart = { lines: CartLine[]; itemCount: number; total: Money; hasUnavailable: boolean };

export type WishlistItem = Pick<ProductSummary, "slug" | "title" | "platform" | "region" | "imageUrl" | "price" | "inStock"> & {
  targetPrice: Money | null;
  reached: boolean;
  addedAt: string;
};

// Wire types: the BFF's JSON as it arrives. Those generated from the BFF's OpenAPI document (schema.ts, `npm run types`)
// are named here; the rest are still written by hand. Components never see these.
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type BffSearchParams = NonNullable<paths["/bff/api/catalog/search"]["get"]["parameters"]["query"]>;

// One game: the variant to open first, the lowest price of the variants that match, and their platforms.
export type BffSearchItem = Schemas["SearchItem"];
export type BffProductSummary = Omit<BffSearchItem, "platforms" | "variants">;

// The home page's rows of games, ranked by the kernel.
export type BffHomeRows = Schemas["HomeRows"];

// suggestion: the closest title, searched instead when the words typed found nothing.
export type BffSearchResult = Schemas["SearchResult"];

export type BffOffer = {
  supplier: string;
  price: number | null;
  // What checkout charges while this offer sells the game, fees included; null while it cannot sell.
  allInPrice: number | null;
  currency: string;
  stock: number;
  availability: string;
  best: boolean;
  syncedAt: string;
  stale: boolean;
  // The usual time from payment to key over recent orders; null until enough orders tell.
  secondsToKey: number | null;
};

// Another platform, region or edition of the same game, with its own page.
export type BffVariant = {
  slug: string;
  platform: string;
  region: string;
  edition: string;
  price: number | null;
  currency: string;
  inStock: boolean;
  stock: number;
  activatesIn: string;
};

// The store prices of the last 90 days (a null price: it could not be bought from then) and the lowest of them.
export type BffPriceHistory = { points: { at: string; price: number | null }[]; lowest: number | null; since: string };

export type BffProduct = BffProductSummary & {
  genres: string[];
  description: string;
  activationNotes: string;
  activatesIn: string;
  offers: BffOffer[];
  variants: BffVariant[];
  priceHistory: BffPriceHistory;
};

// apps/Bff/Features/Auth and Account.
export type BffSignedIn = { id: string; email: string; displayName: string; roles: string[]; csrfToken: string };
export type BffProfile = { email: string; displayName: string; roles: string[]; country?: string | null };

// Which games in the cart would not activate in the country of the shopper's account; message null when all would.
export type BffRegionWarning = { country?: string | null; message?: string | null; slugs: string[] };
export type BffOrder = { id: string; number: string; status: string; currency: string; total: number; createdAt: string };

// apps/Bff/Features/Cart: prices re-checked on every read; unitPrice is null for a line that cannot be bought now.
export type BffCartLine = Schemas["CartLineView"];
export type BffCart = Schemas["CartView"];
// The header's count, and the token the page's cart forms send.
export type BffCartCount = Schemas["CartCount"];

// apps/Bff/Features/Wishlist.
export type BffWishlistItem = Pick<BffProductSummary, "slug" | "title" | "platform" | "region" | "imageUrl" | "price" | "currency" | "inStock"> & {
  targetPrice: number | null;
  reached: boolean;
  addedAt: string;
};

// apps/Bff/Features/Checkout (checkout-plan.md, "BFF checkout API").
export type BffCheckoutStarted = { orderId: string; number: string; approveUrl: string; receiptUrl: string };
export type BffCheckoutReturned = { receiptUrl: string };
export type BffCheckoutStatus = { orderId: string; status: string; approveUrl?: string | null };

// The receipt, the same by order (signed in) and by receipt token (guest link); a key's value comes only from a reveal.
// claim: the shopper's claim that the key does not work; replacesKeyId: the claimed key this one replaces.
export type BffReceiptClaim = { reason: string; status: string; note?: string | null; openedAt: string };
export type BffReceiptKey = { keyId: string; revealedAt?: string | null; claim?: BffReceiptClaim | null; replacesKeyId?: string | null };
export type BffReceiptLine = {
  lineId: string;
  title: string;
  slug: string;
  quantity: number;
  unitPrice: number;
  status: string;
  keys: BffReceiptKey[];
  refundableUntil?: string | null;
};
export type BffOrderReceipt = {
  orderId: string;
  number: string;
  status: string;
  email: string;
  currency: string;
  total: number;
  createdAt: string;
  lines: BffReceiptLine[];
  timeline: { step: string; at: string }[];
  // Set while the order is held for review: why, in plain words, and when the review ends at the latest.
  hold?: { reasons: string[]; reviewBy?: string | null } | null;
};
// contentType text/plain, or image/* with the value in base64.
export type BffRevealedKey = { keyId: string; value: string; contentType: string };

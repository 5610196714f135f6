// Wire types: the BFF's JSON as it arrives, named from the types generated from the BFF's OpenAPI document (schema.ts,
// `npm run types`). Components never see these.
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

// The product page: its offers, the other platforms, regions and editions of the game (each with its own page) and the
// store prices of the last 90 days (a null price: it could not be bought from then) with the lowest of them.
export type BffOffer = Schemas["ProductPageOffer"];
export type BffVariant = Schemas["KernelProductVariant"];
export type BffPriceHistory = Schemas["KernelPriceHistory"];
export type BffProduct = Schemas["ProductPage"];

// apps/Bff/Features/Auth and Account.
export type BffSignedIn = Schemas["SignedIn"];
export type BffProfile = Schemas["Profile"];

// Which games in the cart would not activate in the country of the shopper's account; message null when all would.
export type BffRegionWarning = Schemas["RegionWarning"];
export type BffOrder = Schemas["KernelOrder"];

// apps/Bff/Features/Cart: prices re-checked on every read; unitPrice is null for a line that cannot be bought now.
export type BffCartLine = Schemas["CartLineView"];
export type BffCart = Schemas["CartView"];
// The header's count, and the token the page's cart forms send.
export type BffCartCount = Schemas["CartCount"];

// apps/Bff/Features/Wishlist.
export type BffWishlistItem = Schemas["WishlistItem"];

// apps/Bff/Features/Checkout (checkout-plan.md, "BFF checkout API").
export type BffCheckoutStarted = Schemas["CheckoutStarted"];
export type BffCheckoutReturned = Schemas["CheckoutReturned"];
export type BffCheckoutStatus = Schemas["CheckoutState"];

// The receipt, the same by order (signed in) and by receipt token (guest link); a key's value comes only from a reveal.
// claim: the shopper's claim that the key does not work; replacesKeyId: the claimed key this one replaces.
export type BffOrderReceipt = Schemas["OrderReceipt"];
// contentType text/plain, or image/* with the value in base64.
export type BffRevealedKey = Schemas["RevealedKey"];

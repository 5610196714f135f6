import type { Product } from "@/lib/catalog/types";

// schema.org Product with one Offer per supplier, for rich results in search engines.
export function ProductJsonLd({ product, url }: { product: Product; url: string }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    image: product.imageUrl ?? undefined,
    sku: product.slug,
    category: product.genres.join(", ") || undefined,
    url,
    offers: product.offers
      .filter((offer) => offer.price)
      .map((offer) => ({
        "@type": "Offer",
        price: offer.price!.amount.toFixed(2),
        priceCurrency: offer.price!.currency,
        availability: offer.availability === "available" ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
        seller: { "@type": "Organization", name: offer.supplier },
        url,
      })),
  };
  // "<" is escaped so a description can never close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getProduct } from "@/lib/bff";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { Badges } from "@/components/product/badges";
import { Cover } from "@/components/product/cover";
import { OfferTable } from "@/components/product/offer-table";
import { Price } from "@/components/product/price";
import { PriceHistory } from "@/components/product/price-history";
import { ProductActions } from "@/components/product/product-actions";
import { ProductJsonLd } from "@/components/product/product-json-ld";
import { VariantPicker, VariantTable } from "@/components/product/variant-picker";
import { ViewBeacon } from "@/components/product/view-beacon";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ wishlistTarget?: string | string[] }> };

// Back from signing in with the target typed before; anything but an amount (or nothing) is ignored.
function wishlistTarget(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && /^(\d{1,6}(\.\d{1,2})?)?$/.test(value) ? value : undefined;
}

// Search engines show about 160 characters; cut at a word so the snippet does not end mid-word.
function snippet(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}

// Metadata and the page ask once per request.
const load = cache(getProduct);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await load((await params).slug);
  if (!product) return { title: "Game not found" };
  const price = product.price ? ` from ${formatMoney(product.price)}` : "";
  return {
    title: `${product.title} (${product.platform}, ${product.region}) key`,
    description: snippet(`Buy ${product.title} ${product.edition} for ${product.platform}, region ${product.region}${price}. ${product.description}`),
    alternates: { canonical: `/product/${product.slug}` },
    openGraph: { title: product.title, images: product.imageUrl ? [product.imageUrl] : [] },
  };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await load((await params).slug);
  const target = wishlistTarget((await searchParams).wishlistTarget);
  if (!product) notFound();

  return (
    <article className="product">
      <ProductJsonLd product={product} url={`/product/${product.slug}`} />
      <ViewBeacon slug={product.slug} />
      <div className="product-cover">
        <Cover src={product.imageUrl} title={product.title} width={360} priority />
      </div>
      <div className="product-info">
        <h1>{product.title}</h1>
        <Badges platform={product.platform} region={product.region} edition={product.edition} />
        <p className="product-price">
          <Price money={product.price} />
          <span className={product.inStock ? "stock-in" : "stock-out"}>{product.inStock ? " In stock" : " Out of stock"}</span>
        </p>
        {product.price && <p className="hint">All-in price: nothing is added at checkout.</p>}
        <p className="activates">Activates in {product.activatesIn}</p>
        <PriceHistory history={product.priceHistory} />
        <VariantPicker product={product} />
        <ProductActions product={product} wishlistTarget={target} />
        <dl className="facts">
          {product.genres.length > 0 && (
            <>
              <dt>Genres</dt>
              <dd>{product.genres.join(", ")}</dd>
            </>
          )}
          {product.releaseDate && (
            <>
              <dt>Released</dt>
              <dd>
                <time dateTime={product.releaseDate}>{formatDate(product.releaseDate)}</time>
              </dd>
            </>
          )}
        </dl>
        {product.description && <p className="description">{product.description}</p>}
      </div>
      <section className="product-activation" aria-labelledby="activation">
        <h2 id="activation">Activation</h2>
        <p>{product.activationNotes || `Redeem the key on ${product.platform}; it works in region ${product.region}.`}</p>
      </section>
      {product.variants.length > 1 && (
        <section className="product-variants" aria-labelledby="versions">
          <h2 id="versions">Every version</h2>
          <VariantTable product={product} />
        </section>
      )}
      {/* A phone scrolls the offers sideways: the region takes focus so a keyboard can scroll it too. */}
      <section className="product-offers" aria-labelledby="offers" tabIndex={0}>
        <h2 id="offers">Offers</h2>
        <OfferTable offers={product.offers} now={Date.now()} />
      </section>
    </article>
  );
}

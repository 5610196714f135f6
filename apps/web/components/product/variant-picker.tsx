import Link from "next/link";
import { formatMoney } from "@/lib/catalog/format";
import type { Product, Variant } from "@/lib/catalog/types";

type Choice = { label: string; variant: Variant; current: boolean };

// The variant a choice leads to: the one most like the current (same region, then edition), then in stock, then cheapest.
function closest(candidates: Variant[], current: Product): Variant {
  const score = (v: Variant) =>
    (v.region === current.region ? 4 : 0) + (v.edition === current.edition ? 2 : 0) + (v.inStock ? 1 : 0);
  return [...candidates].sort(
    (a, b) => score(b) - score(a) || (a.price?.amount ?? Infinity) - (b.price?.amount ?? Infinity),
  )[0];
}

function choices(variants: Variant[], current: Product, key: "platform" | "region" | "edition"): Choice[] {
  const values = [...new Set(variants.map((v) => v[key]))];
  return values.map((value) => ({
    label: value,
    variant: closest(variants.filter((v) => v[key] === value), current),
    current: value === current[key],
  }));
}

function ChoiceGroup({ name, options }: { name: string; options: Choice[] }) {
  return (
    <nav className="variant-group" aria-label={`Choose ${name.toLowerCase()}`}>
      <h3>{name}</h3>
      <ul>
        {options.map((o) => (
          <li key={o.label}>
            <Link
              href={`/product/${o.variant.slug}`}
              className="variant-choice"
              aria-current={o.current ? "page" : undefined}
              scroll={false}
            >
              <span>{o.label}</span>
              <span className="variant-price">
                {o.variant.price ? formatMoney(o.variant.price) : "Out of stock"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Platform, then region within it, then edition within both: every choice is a link to that variant's own page.
export function VariantPicker({ product }: { product: Product }) {
  const onPlatform = product.variants.filter((v) => v.platform === product.platform);
  const inRegion = onPlatform.filter((v) => v.region === product.region);
  return (
    <div className="variant-picker">
      <ChoiceGroup name="Platform" options={choices(product.variants, product, "platform")} />
      <ChoiceGroup name="Region" options={choices(onPlatform, product, "region")} />
      {inRegion.length > 1 && <ChoiceGroup name="Edition" options={choices(inRegion, product, "edition")} />}
    </div>
  );
}

// Every version side by side: where each activates, its price and its stock.
export function VariantTable({ product }: { product: Product }) {
  return (
    <table className="variants">
      <caption className="visually-hidden">Every version of {product.title}</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Activates in</th>
          <th scope="col">Price</th>
          <th scope="col">Stock</th>
        </tr>
      </thead>
      <tbody>
        {product.variants.map((v) => (
          <tr key={v.slug} aria-current={v.slug === product.slug ? "true" : undefined}>
            <th scope="row">
              <Link href={`/product/${v.slug}`}>{`${v.platform} · ${v.region} · ${v.edition}`}</Link>
            </th>
            <td>{v.activatesIn}</td>
            <td>{v.price ? formatMoney(v.price) : "—"}</td>
            <td>{v.inStock ? `${v.stock} in stock` : "Out of stock"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

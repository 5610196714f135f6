import Link from "next/link";
import type { ReactNode } from "react";
import { Badges } from "./badges";
import { Cover } from "./cover";

type Props = {
  product: { slug: string; title: string; platform: string; region: string; edition?: string; imageUrl: string | null };
  className?: string;
  // Under the badges: price notes; children: the controls and price beside it.
  details: ReactNode;
  children: ReactNode;
};

// One game in a list of the shopper's own (cart, wishlist): cover, title, badges, then what the list adds.
export function ProductLine({ product, className = "cart-line", details, children }: Props) {
  return (
    <li className={className}>
      <div className="cart-cover">
        <Cover src={product.imageUrl} title={product.title} width={96} />
      </div>
      <div className="cart-main">
        <h2 className="cart-title">
          <Link href={`/product/${product.slug}`}>{product.title}</Link>
        </h2>
        <Badges platform={product.platform} region={product.region} edition={product.edition} />
        {details}
      </div>
      {children}
    </li>
  );
}

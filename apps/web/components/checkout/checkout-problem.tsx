import Link from "next/link";
import type { ReactNode } from "react";

// What the shopper sees when coming back from PayPal did not go through: what happened in their words, and where to go.
export function CheckoutProblem({ title, children, retry }: { title: string; children: ReactNode; retry?: string }) {
  return (
    <div className="narrow checkout-problem">
      <h1>{title}</h1>
      <div role="alert" className="notice notice-warn">
        {children}
      </div>
      <ul className="checkout-problem-links">
        {retry && (
          <li>
            <a href={retry}>Try again</a>
          </li>
        )}
        <li>
          <Link href="/account">Your orders</Link>
        </li>
        <li>
          <Link href="/cart">Your cart</Link>
        </li>
      </ul>
    </div>
  );
}

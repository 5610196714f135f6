import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutProblem } from "@/components/checkout/checkout-problem";
import { cancelOnPayPal } from "@/lib/bff/checkout";
import { BffError } from "@/lib/bff/request";

export const metadata: Metadata = { title: "Payment cancelled", robots: { index: false } };

type Props = { searchParams: Promise<{ order?: string; token?: string }> };

// PayPal sends the shopper here after "Cancel": the order is dropped, the cart was never touched.
export default async function CheckoutCancelPage({ searchParams }: Props) {
  const { order, token } = await searchParams;
  let cancelled = false;
  if (order && token) {
    try {
      await cancelOnPayPal(order, token);
      cancelled = true;
    } catch (error) {
      if (!(error instanceof BffError)) throw error;
    }
  }
  if (cancelled) redirect("/cart?payment=cancelled");
  return (
    <CheckoutProblem title="We could not cancel this order just now">
      <p>
        Nothing is paid unless you approve the payment on PayPal, and an order left unpaid is dropped after a while. Your cart
        is just as you left it.
      </p>
    </CheckoutProblem>
  );
}

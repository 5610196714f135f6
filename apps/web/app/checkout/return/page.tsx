import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutProblem } from "@/components/checkout/checkout-problem";
import { getCheckoutStatus, returnFromPayPal } from "@/lib/bff/checkout";
import { BffError } from "@/lib/bff/request";
import { safeNext } from "@/lib/forms/safe-next";
import { isPaid } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Confirming your payment", robots: { index: false } };

type Props = { searchParams: Promise<{ order?: string; token?: string; PayerID?: string }> };

// PayPal sends the shopper here after approving. Telling the BFF is idempotent, so reloading or "Try again" is safe; the
// page has no loading boundary, so success is a real redirect to the receipt.
export default async function CheckoutReturnPage({ searchParams }: Props) {
  const { order, token, PayerID } = await searchParams;
  if (!order || !token) return <Unconfirmed />;
  let receiptUrl: string | undefined;
  try {
    ({ receiptUrl } = await returnFromPayPal(order, token, PayerID));
  } catch (error) {
    if (!(error instanceof BffError)) throw error;
  }
  if (receiptUrl) redirect(safeNext(receiptUrl, "/account"));
  // Only picks the words below: whatever goes wrong reading it, the shopper still gets the calm answer.
  const status = (await getCheckoutStatus(order).catch(() => null))?.status;
  const retry = `/checkout/return?${new URLSearchParams({ order, token, ...(PayerID ? { PayerID } : {}) })}`;
  if (status === "cancelled" || status === "expired") {
    return (
      <CheckoutProblem title="This order was not paid">
        <p>
          {status === "expired" ? "The payment was not completed in time" : "The order was cancelled"}, so no payment was taken.
          Your cart is just as you left it: you can check out again.
        </p>
      </CheckoutProblem>
    );
  }
  if (status === "failed") {
    return (
      <CheckoutProblem title="This order could not be completed">
        <p>Your order could not be completed. Your cart is just as you left it.</p>
      </CheckoutProblem>
    );
  }
  return <Unconfirmed retry={retry} paid={status !== undefined && isPaid(status)} />;
}

function Unconfirmed({ retry, paid = false }: { retry?: string; paid?: boolean }) {
  return (
    <CheckoutProblem title={paid ? "Payment received" : "We could not confirm your payment"} retry={retry}>
      <p>
        {paid
          ? "Your payment went through and your keys are on their way, but we could not open your receipt here."
          : "If you approved the payment on PayPal, please try again in a moment."}{" "}
        With an account, the order also shows under your orders.
      </p>
    </CheckoutProblem>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { claimOrderKeyAction, refundOrderLineAction, revealOrderKeyAction } from "@/components/receipt/actions";
import { Receipt } from "@/components/receipt/receipt";
import { requireProfile } from "@/lib/bff/account";
import { getOrderReceipt } from "@/lib/bff/checkout";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }> };

// The signed-in shopper's receipt: where PayPal's return lands, and where their keys stay.
export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  const here = `/account/orders/${encodeURIComponent(id)}`;
  await requireProfile(here);
  const receipt = await getOrderReceipt(id);
  if (!receipt) notFound();
  return (
    <>
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <Receipt receipt={receipt} reveal={revealOrderKeyAction} refund={refundOrderLineAction} claim={claimOrderKeyAction} credential={{ orderId: receipt.orderId }} here={here} />
    </>
  );
}

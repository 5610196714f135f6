import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { claimReceiptKeyAction, refundReceiptLineAction, revealReceiptKeyAction } from "@/components/receipt/actions";
import { Receipt } from "@/components/receipt/receipt";
import { getReceipt } from "@/lib/bff/checkout";

// The link itself is the key to the keys: never indexed, and never sent on to another site as a referrer.
export const metadata: Metadata = { title: "Your receipt", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// A guest's receipt, reached by the link from checkout.
export default async function GuestReceiptPage({ params }: Props) {
  const { token } = await params;
  const receipt = await getReceipt(token);
  if (!receipt) notFound();
  return (
    <>
      <p role="note" className="notice notice-warn receipt-keep">
        Keep this link: without an account it is the only way back to your keys. Bookmark it or save it somewhere safe.{" "}
        <Link href="/register">Create an account</Link> for your next order.
      </p>
      <Receipt
        receipt={receipt}
        reveal={revealReceiptKeyAction}
        refund={refundReceiptLineAction}
        claim={claimReceiptKeyAction}
        credential={{ token }} here={`/receipt/${encodeURIComponent(token)}`} />
    </>
  );
}

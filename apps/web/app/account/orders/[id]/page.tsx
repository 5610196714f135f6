import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOrder, requireProfile } from "@/lib/bff/account";
import { formatDate, formatMoney } from "@/lib/catalog/format";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }> };

// Lines and totals as the BFF has them; revealing each line's key comes with the checkout issue.
export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  await requireProfile(`/account/orders/${encodeURIComponent(id)}`);
  const order = await getOrder(id);
  if (!order) notFound();
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  return (
    <div className="account">
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <h1>Order {order.number}</h1>
      <p>
        Placed <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time> · {order.status} · {money(order.total)}
      </p>
      <table className="orders">
        <caption className="visually-hidden">Games in this order</caption>
        <thead>
          <tr>
            <th scope="col">Game</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.lineId}>
              <td>{line.title}</td>
              <td>{line.quantity}</td>
              <td>{money(line.unitPrice)}</td>
              <td>{line.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* keys: checkout issue — each delivered key, revealed on request, goes here. */}
    </div>
  );
}

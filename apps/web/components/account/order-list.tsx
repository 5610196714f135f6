import Link from "next/link";
import type { BffOrder } from "@/lib/bff/types";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { orderStatusText } from "@/lib/orders/status";

export function OrderList({ orders }: { orders: BffOrder[] }) {
  if (orders.length === 0) {
    return (
      <div className="empty-inline">
        <p>No orders yet.</p>
        <Link href="/search">Browse games</Link>
      </div>
    );
  }
  return (
    <table className="orders">
      <caption className="visually-hidden">Your orders, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Date</th>
          <th scope="col">Status</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td>
              <Link href={`/account/orders/${order.id}`}>{order.number}</Link>
            </td>
            <td>
              <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time>
            </td>
            <td>{orderStatusText(order.status)}</td>
            <td>{formatMoney({ amount: order.total, currency: order.currency })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { formatDate } from "@/lib/catalog/format";
import type { Offer } from "@/lib/catalog/types";
import { Price } from "./price";

// The kernel's availability codes, in words a shopper understands.
const availabilityText: Record<string, string> = {
  available: "In stock",
  out_of_stock: "Out of stock",
  unavailable: "Unavailable",
  supplier_unavailable: "Temporarily unavailable",
  supplier_disabled: "Unavailable",
  no_exchange_rate: "Price pending",
};

export function OfferTable({ offers }: { offers: Offer[] }) {
  if (offers.length === 0) {
    return <p className="empty">No supplier offers this game right now.</p>;
  }
  return (
    <table className="offers">
      <caption>Every supplier offer for this game</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Price</th>
          <th scope="col">Stock</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.supplier} className={offer.best ? "offer-best" : undefined}>
            <th scope="row">
              {offer.supplier}
              {offer.best && <span className="badge badge-best">Best offer</span>}
            </th>
            <td>
              <Price money={offer.price} />
            </td>
            <td>
              {availabilityText[offer.availability] ?? offer.availability}
              {offer.availability === "available" && ` (${offer.stock})`}
            </td>
            <td>
              <time dateTime={offer.syncedAt}>{formatDate(offer.syncedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

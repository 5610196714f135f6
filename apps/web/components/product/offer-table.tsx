import { formatAge, formatDateTime, formatWithin } from "@/lib/catalog/format";
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

// `now`: when the page was rendered, so each offer says how long ago its price was checked.
export function OfferTable({ offers, now }: { offers: Offer[]; now: number }) {
  if (offers.length === 0) {
    return <p className="empty">No supplier offers this game right now.</p>;
  }
  return (
    <table className="offers">
      <caption>Every supplier offer for this game: the all-in price is what you pay at checkout while that offer sells it</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col" className="offer-cost">
            Supplier price
          </th>
          <th scope="col">All-in price</th>
          <th scope="col">Stock</th>
          <th scope="col">Delivery</th>
          <th scope="col">Price checked</th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.supplier} className={offer.best ? "offer-best" : undefined}>
            <th scope="row">
              {offer.supplier}
              {offer.best && <span className="badge badge-best">Best offer</span>}
            </th>
            <td className="offer-cost">
              <Price money={offer.price} />
            </td>
            <td data-testid="offer-all-in">
              <Price money={offer.allInPrice} />
            </td>
            <td>
              {availabilityText[offer.availability] ?? offer.availability}
              {offer.availability === "available" && ` (${offer.stock})`}
            </td>
            {/* Measured from recent orders; until there are enough, nothing is promised. */}
            <td>{offer.secondsToKey !== null && `Usually delivered ${formatWithin(offer.secondsToKey)}`}</td>
            <td>
              <time dateTime={offer.syncedAt} title={formatDateTime(offer.syncedAt)}>{formatAge(offer.syncedAt, now)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Staff read exact times (UTC) and amounts with their currency.

export const money = (amount: number | null | undefined, currency: string | null | undefined) =>
  amount == null ? "—" : `${amount.toFixed(2)} ${currency ?? ""}`.trim();

export const when = (at: string | null | undefined) => (at ? at.replace("T", " ").replace(/\.\d+/, "").replace(/Z$/, " UTC") : "—");

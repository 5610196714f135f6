// Staff read exact times (UTC) and amounts with their currency.

export const money = (amount: number | null | undefined, currency: string | null | undefined) =>
  amount == null ? "—" : `${amount.toFixed(2)} ${currency ?? ""}`.trim();

// Some answers carry UTC as "+00:00" (a DateTimeOffset), others as "Z".
export const when = (at: string | null | undefined) => (at ? at.replace("T", " ").replace(/\.\d+/, "").replace(/(Z|\+00:00)$/, " UTC") : "—");

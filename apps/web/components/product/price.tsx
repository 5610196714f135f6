import { formatMoney } from "@/lib/catalog/format";
import type { Money } from "@/lib/catalog/types";

export function Price({ money, className }: { money: Money | null; className?: string }) {
  if (!money) return <span className={className}>Price unavailable</span>;
  return <span className={className}>{formatMoney(money)}</span>;
}

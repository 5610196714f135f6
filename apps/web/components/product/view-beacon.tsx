"use client";

import { useEffect } from "react";

// Tells the store the page was shown, once per visit, for the sales funnel's view count (a count only, nothing about the
// shopper). The server's reads of the page cannot tell: prefetches and re-renders after an action read it too.
export function ViewBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    fetch(`/api/catalog/products/${encodeURIComponent(slug)}/views`, { method: "POST", keepalive: true }).catch(() => {});
  }, [slug]);
  return null;
}

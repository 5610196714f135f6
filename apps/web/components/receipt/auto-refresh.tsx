"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-reads the page from the server while the order is still moving; revealed keys stay, as they live in this page's state.
export function AutoRefresh({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}

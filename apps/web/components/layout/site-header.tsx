import Link from "next/link";
import { Suspense } from "react";
import { SearchBox } from "@/components/search/search-box";
import { AccountLinks } from "./account-links";

export function SiteHeader() {
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Link href="/" className="logo">
        GamesDrop
      </Link>
      {/* useSearchParams needs a Suspense boundary so static pages still prerender. */}
      <Suspense fallback={<div className="search-box" />}>
        <SearchBox />
      </Suspense>
      <nav aria-label="Account" className="account-nav">
        <AccountLinks />
      </nav>
    </header>
  );
}

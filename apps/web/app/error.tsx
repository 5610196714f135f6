"use client";

import Link from "next/link";

// Any page whose data could not be loaded lands here instead of a blank screen, with a way on.
export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="empty" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be loaded. Please try again in a moment.</p>
      <p className="empty-actions">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link href="/">Back to the store</Link>
      </p>
    </div>
  );
}

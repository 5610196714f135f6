import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <h1>Page not found</h1>
      <p className="empty-actions">
        <Link href="/search" className="button-link">Browse all games</Link>
        <Link href="/">Back to the store</Link>
      </p>
    </div>
  );
}

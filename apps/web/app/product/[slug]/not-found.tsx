import Link from "next/link";

export default function ProductNotFound() {
  return (
    <div className="empty">
      <h1>Game not found</h1>
      <p>This game is no longer in the catalog.</p>
      <Link href="/search">Browse all games</Link>
    </div>
  );
}

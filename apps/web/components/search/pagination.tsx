import Link from "next/link";
import { maxPage, searchHref, type SearchQuery } from "@/lib/catalog/search-query";

export function Pagination({ query, total, pageSize }: { query: SearchQuery; total: number; pageSize: number }) {
  const pages = Math.min(Math.ceil(total / pageSize), maxPage);
  const page = query.page ?? 1;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={searchHref(query, { page: page > 2 ? page - 1 : undefined })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={searchHref(query, { page: page + 1 })} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

import Link from "next/link";

type Props = { base: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number };

// Offset pages with the filters kept; the kernel caps how deep they go, a filter finds an old order faster.
export function Pager({ base, params, page, pageSize, total }: Props) {
  const last = Math.max(1, Math.min(200, Math.ceil(total / pageSize)));
  const href = (p: number) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1] && e[0] !== "page"));
    search.set("page", String(p));
    return `${base}?${search}`;
  };
  return (
    <nav aria-label="Pages" className="pagination">
      {page > 1 ? <Link href={href(page - 1)}>← Newer</Link> : <span />}
      <span className="count">
        Page {page} of {last} · {total} in all
      </span>
      {page < last ? <Link href={href(page + 1)}>Older →</Link> : <span />}
    </nav>
  );
}

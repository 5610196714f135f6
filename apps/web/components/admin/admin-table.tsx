import type { ReactNode } from "react";

// The admin's tables: column headings, rows given by the page, sideways scrolling on a narrow screen (the scroller takes
// focus, so the keyboard can scroll it too).
export function AdminTable({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="admin-table-wrap" tabIndex={0}>
      <table className="admin-table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

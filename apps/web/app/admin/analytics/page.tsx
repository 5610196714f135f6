import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { Chart } from "@/components/admin/chart";
import { money } from "@/components/admin/format";
import type { SalesReport, SupplierSales } from "@/lib/admin/types";
import { getSalesReport } from "@/lib/bff/admin";
import { BffError } from "@/lib/bff/request";

export const metadata: Metadata = { title: "Sales" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const colors = { revenue: "#0a4fb8", orders: "#b35c00", margin: "#146c2e", refunds: "#a4161a", claims: "#6a3d9a" };

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—");
const supplierName = (s: SupplierSales) => (s.supplier ? s.name : "Own stock");

// Sales over a range of days, each number computed by the kernel; the range is a plain GET form, so a report can be
// bookmarked. Without a range the kernel shows the last 30 days.
export default async function AnalyticsPage({ searchParams }: Props) {
  const params = await searchParams;
  let report: SalesReport | null = null;
  let refusal: string | null = null;
  try {
    report = await getSalesReport(params);
  } catch (error) {
    if (!(error instanceof BffError) || error.status !== 400) throw error;
    refusal = Object.values(error.problem.errors ?? {}).flat().join(" ") || "That range cannot be shown.";
  }
  return (
    <>
      <AdminNav current="/admin/analytics" />
      <h1>Sales</h1>
      <form className="admin-filters" method="get" aria-label="Date range">
        <label>
          From
          <input name="from" type="date" defaultValue={report?.from ?? params.from} />
        </label>
        <label>
          To (included)
          <input name="to" type="date" defaultValue={report?.to ?? params.to} />
        </label>
        <button type="submit">Show</button>
      </form>
      {refusal && <p role="alert">{refusal}</p>}
      {report && <Report report={report} />}
    </>
  );
}

function Report({ report }: { report: SalesReport }) {
  const { currency, days, funnel, suppliers, topProducts } = report;
  const total = (pick: (d: (typeof days)[number]) => number) => days.reduce((sum, d) => sum + pick(d), 0);
  const orders = total((d) => d.orders);
  const best = days.reduce((a, b) => (b.revenue > a.revenue ? b : a), days[0]);
  const steps = [
    { label: "Product views", count: funnel.productViews },
    { label: "Cart adds", count: funnel.cartAdds },
    { label: "Checkouts", count: funnel.checkouts },
    { label: "Paid", count: funnel.paid },
  ];
  const refunded = suppliers.reduce((sum, s) => sum + s.refunded, 0);
  const claims = suppliers.reduce((sum, s) => sum + s.claims, 0);
  return (
    <>
      <p className="admin-note">
        {report.from} to {report.to}, whole days in {report.timeZone}; amounts in {currency}.
      </p>

      <Section title="Revenue and orders per day">
        <Chart
          labels={days.map((d) => d.day.slice(5))}
          series={[
            { label: `Revenue (${currency})`, values: days.map((d) => d.revenue), color: colors.revenue },
            { label: "Orders", values: days.map((d) => d.orders), color: colors.orders, axis: "right", line: true },
          ]}
          summary={`Revenue per day from ${report.from} to ${report.to}; the table below lists every day.`}
        />
        <p data-testid="revenue-summary">
          {orders} orders, {money(total((d) => d.revenue), currency)} revenue, {money(total((d) => d.refunds), currency)} refunded, net{" "}
          {money(total((d) => d.net), currency)}.{orders > 0 && ` Best day ${best.day}: ${money(best.revenue, currency)}.`}
        </p>
        <details>
          <summary>Every day as a table</summary>
          <AdminTable head={["Day", "Orders", "Revenue", "Refunds", "Net"]}>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.orders}</td>
                <td>{money(d.revenue, currency)}</td>
                <td>{money(d.refunds, currency)}</td>
                <td>{money(d.net, currency)}</td>
              </tr>
            ))}
          </AdminTable>
        </details>
      </Section>

      <Section title="Funnel">
        <Chart
          labels={steps.map((s) => s.label)}
          series={[{ label: "Count", values: steps.map((s) => s.count), color: colors.revenue }]}
          summary={`Funnel: ${steps.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(", ")}.`}
        />
        <AdminTable head={["Step", "Count", "Of the step before"]}>
          {steps.map((s, i) => (
            <tr key={s.label}>
              <td>{s.label}</td>
              <td>{s.count}</td>
              <td>{i === 0 ? "—" : percent(s.count, steps[i - 1].count)}</td>
            </tr>
          ))}
        </AdminTable>
      </Section>

      <Section title="Margin per supplier">
        {suppliers.length === 0 ? (
          <p className="empty">No keys sold in this range.</p>
        ) : (
          <>
            <Chart
              labels={suppliers.map(supplierName)}
              series={[{ label: `Margin (${currency})`, values: suppliers.map((s) => s.margin), color: colors.margin }]}
              summary={`Margin per supplier: ${suppliers.map((s) => `${supplierName(s)} ${money(s.margin, currency)}`).join(", ")}.`}
            />
            <AdminTable head={["Supplier", "Keys sold", "Revenue", "Cost", "Margin", "Keys without a cost"]}>
              {suppliers.map((s) => (
                <tr key={s.supplier ?? ""}>
                  <td>{supplierName(s)}</td>
                  <td>{s.keysSold}</td>
                  <td>{money(s.revenue, currency)}</td>
                  <td>{money(s.cost, currency)}</td>
                  <td>{money(s.margin, currency)}</td>
                  <td>{s.keysWithoutCost}</td>
                </tr>
              ))}
            </AdminTable>
          </>
        )}
      </Section>

      <Section title="Refunds and claims per supplier">
        {suppliers.length === 0 ? (
          <p className="empty">No refunds or claims in this range.</p>
        ) : (
          <>
            <Chart
              labels={suppliers.map(supplierName)}
              series={[
                { label: `Refunded (${currency})`, values: suppliers.map((s) => s.refunded), color: colors.refunds },
                { label: "Claims", values: suppliers.map((s) => s.claims), color: colors.claims, axis: "right" },
              ]}
              summary={`Refunded ${money(refunded, currency)} and ${claims} claims: ${suppliers
                .map((s) => `${supplierName(s)} ${money(s.refunded, currency)}, ${s.claims} claims`)
                .join("; ")}.`}
            />
            <AdminTable head={["Supplier", "Refunded lines", "Refunded", "Claims", "Still open"]}>
              {suppliers.map((s) => (
                <tr key={s.supplier ?? ""}>
                  <td>{supplierName(s)}</td>
                  <td>{s.refundedLines}</td>
                  <td>{money(s.refunded, currency)}</td>
                  <td>{s.claims}</td>
                  <td>{s.openClaims}</td>
                </tr>
              ))}
            </AdminTable>
            <p className="admin-note">Refunds of lines no supplier delivered, and refunds of no line, count under own stock.</p>
          </>
        )}
      </Section>

      <Section title="Top products">
        {topProducts.length === 0 ? (
          <p className="empty">No products sold in this range.</p>
        ) : (
          <>
            <Chart
              labels={topProducts.map((_, i) => `#${i + 1}`)}
              series={[{ label: `Revenue (${currency})`, values: topProducts.map((p) => p.revenue), color: colors.revenue }]}
              summary={`Top products by revenue: ${topProducts.map((p) => `${p.title} ${money(p.revenue, currency)}`).join(", ")}.`}
            />
            <AdminTable head={["#", "Product", "Keys", "Revenue"]}>
              {topProducts.map((p, i) => (
                <tr key={p.productId}>
                  <td>{i + 1}</td>
                  <td>{p.title}</td>
                  <td>{p.units}</td>
                  <td>{money(p.revenue, currency)}</td>
                </tr>
              ))}
            </AdminTable>
          </>
        )}
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `chart-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="admin-section admin-report" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

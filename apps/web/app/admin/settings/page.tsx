import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { when } from "@/components/admin/format";
import { addMarginRuleAction, removeMarginRuleAction, saveRateAction, saveSettingsAction } from "@/components/admin/settings-actions";
import { ActionForm, type Field } from "@/components/forms/action-form";
import type { MarginRule } from "@/lib/admin/types";
import { getSettings } from "@/lib/bff/admin";

export const metadata: Metadata = { title: "System configuration" };

const numberField = (name: string, label: string, value: number, hint?: string): Field => ({
  name,
  label,
  defaultValue: String(value),
  required: true,
  hint,
});

const ruleName = (r: MarginRule) => [r.supplier ?? "any supplier", r.genre ?? "any genre"].join(", ");

// What staff tune without a deploy; the store validates every value and applies a save at once, without a restart.
export default async function SettingsPage() {
  const { settings: s, marginRules, rates } = await getSettings();
  const fields: Field[] = [
    { name: "currency", label: "Store currency", defaultValue: s.currency, required: true, maxLength: 3, hint: `One with a rate below: ${rates.map((r) => r.currency).join(", ")}.` },
    numberField("paymentFeePercent", "Payment fee (%)", s.paymentFeePercent, "What PayPal keeps of each payment; prices are grossed up by it."),
    numberField("paymentFeeFixed", `Payment fee per payment (${s.currency})`, s.paymentFeeFixed),
    numberField("marginFloorPercent", "Margin floor (%)", s.marginFloorPercent, "No margin rule may ask less."),
    ...marginRules.flatMap((r, i) => [
      numberField(`marginRules[${i}]`, `Margin (%): ${ruleName(r)}`, r.marginPercent),
      numberField(`minMargins[${i}]`, `Least margin (${s.currency}): ${ruleName(r)}`, r.minMargin),
    ]),
    numberField("lowStockThreshold", "Low-stock alert at (keys)", s.lowStockThreshold),
    numberField("oneClickRefundDays", "One-click refund window (days)", s.oneClickRefundDays),
    numberField("fraud.holdScore", "Fraud: hold for review from score", s.fraud.holdScore),
    numberField("fraud.refuseScore", "Fraud: refuse from score", s.fraud.refuseScore),
    numberField("fraud.firstOrderAmount", `Fraud: a first order from (${s.currency})`, s.fraud.firstOrderAmount),
    numberField("fraud.largeOrderAmount", `Fraud: any order from (${s.currency})`, s.fraud.largeOrderAmount),
    numberField("fraud.maxOrdersPerAccount", "Fraud: orders per account per hour", s.fraud.maxOrdersPerAccount),
    numberField("fraud.maxOrdersPerEmail", "Fraud: orders per email per hour", s.fraud.maxOrdersPerEmail),
    numberField("fraud.maxOrdersPerIp", "Fraud: orders per IP address per hour", s.fraud.maxOrdersPerIp),
    { name: "notifications.telegramChatId", label: "Telegram ops chat", defaultValue: s.notifications.telegramChatId ?? "", maxLength: 33, hint: "Empty turns alerts off." },
    { name: "notifications.spreadsheetId", label: "Google sheet for sales", defaultValue: s.notifications.spreadsheetId ?? "", maxLength: 100, hint: "Empty turns sales rows off." },
  ];
  const hidden = Object.fromEntries(
    marginRules.flatMap((r, i) => [
      [`ruleSupplier[${i}]`, r.supplier ?? ""],
      [`ruleGenre[${i}]`, r.genre ?? ""],
    ]),
  );
  return (
    <>
      <AdminNav current="/admin/settings" />
      <h1>System configuration</h1>
      <section aria-labelledby="settings" className="admin-section">
        <h2 id="settings">Store settings</h2>
        <ActionForm action={saveSettingsAction} fields={fields} submit="Save settings" hidden={hidden} label="Store settings" />
      </section>
      <section aria-labelledby="margin-rules" className="admin-section">
        <h2 id="margin-rules">Margin rules</h2>
        <p className="admin-note">The most specific rule prices an offer: supplier and genre, then supplier, then genre, then the default.</p>
        <AdminTable head={["Supplier", "Genre", "Margin (%)", `Least margin (${s.currency})`, "Remove"]}>
          {marginRules.map((r) => (
            <tr key={ruleName(r)}>
              <td>{r.supplier ?? "any"}</td>
              <td>{r.genre ?? "any"}</td>
              <td>{r.marginPercent}</td>
              <td>{r.minMargin}</td>
              <td>
                {r.supplier == null && r.genre == null ? (
                  "the default stays"
                ) : (
                  <ActionForm
                    action={removeMarginRuleAction}
                    fields={[]}
                    submit="Remove"
                    hidden={{ supplier: r.supplier ?? "", genre: r.genre ?? "" }}
                    inline
                    label={`Remove the rule ${ruleName(r)}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
        <h3>Add a rule</h3>
        <ActionForm
          action={addMarginRuleAction}
          fields={[
            { name: "supplier", label: "Supplier code", maxLength: 32, hint: "Such as kinguin or digiflazz; empty for any supplier." },
            { name: "genre", label: "Genre", maxLength: 40, hint: "As the catalog names it, such as rpg; empty for any genre." },
            { name: "marginPercent", label: "Margin (%)", required: true, hint: `At least the floor of ${s.marginFloorPercent} %.` },
            { name: "minMargin", label: `Least margin (${s.currency})`, required: true, defaultValue: "0" },
          ]}
          submit="Add rule"
          label="Add a margin rule"
        />
      </section>
      <section aria-labelledby="rates" className="admin-section">
        <h2 id="rates">Exchange rates</h2>
        <AdminTable head={["Currency", `Worth in ${s.currency}`, "Updated", "Change"]}>
          {rates.map((r) => (
            <tr key={r.currency}>
              <td>{r.currency}</td>
              <td>{r.rateToStore}</td>
              <td>{when(r.updatedAt)}</td>
              <td>
                {r.currency !== s.currency && (
                  <ActionForm
                    action={saveRateAction}
                    fields={[{ name: "rateToStore", label: `Rate of ${r.currency}`, defaultValue: String(r.rateToStore), required: true }]}
                    submit="Save rate"
                    hidden={{ currency: r.currency }}
                    inline
                    label={`Rate of ${r.currency}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      </section>
    </>
  );
}

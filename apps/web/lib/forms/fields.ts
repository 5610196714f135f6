import type { Field } from "@/components/forms/action-form";

// Fields several forms share, with the BFF's limits so the browser can say so before sending.
export const emailField: Field = { name: "email", label: "Email", type: "email", autoComplete: "email", required: true, maxLength: 254 };

export function newPasswordField(name: string, label: string): Field {
  return { name, label, type: "password", autoComplete: "new-password", required: true, minLength: 8, maxLength: 128, hint: "At least 8 characters." };
}

// Empty means no target: the shopper just wants to keep the game in mind.
export function targetPriceField(currency: string | undefined, current?: number | string): Field {
  return {
    name: "targetPrice",
    label: `Target price${currency ? ` (${currency})` : ""}, optional`,
    type: "number",
    min: 0,
    step: "0.01",
    defaultValue: current === undefined ? "" : String(current),
    hint: "We tell you when the price drops to it.",
  };
}

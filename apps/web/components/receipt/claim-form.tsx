"use client";

import { useActionState, useId } from "react";
import { idle, type FormState } from "@/lib/forms/state";
import { claimReasons } from "@/lib/orders/status";

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  // Which key, and the order id or receipt token that proves the shopper may claim it.
  hidden: Record<string, string>;
  label: string;
};

// "This key does not work": what happened (from a short list) and the shopper's own words. Closed until asked for, and a
// plain form post inside a disclosure, so it also works without script.
export function ClaimForm({ action, hidden, label }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  const id = useId();
  if (state.status === "done") {
    return (
      <p role="status" className="notice notice-done" data-testid="claim-sent">
        {state.message}
      </p>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <details className="claim" open={state.status === "error"}>
      <summary>This key does not work</summary>
      <form action={formAction} className="form" aria-label={`Claim ${label}`}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {state.status === "error" && (
          <p role="alert" className="notice notice-error">
            {state.message}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>What happened?</label>
          <select id={`${id}-reason`} name="reason" required defaultValue={state.values?.reason ?? ""} aria-invalid={errors.reason ? true : undefined}>
            <option value="" disabled>
              Choose one
            </option>
            {claimReasons.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          {errors.reason && <p className="field-error">{errors.reason.join(" ")}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>Tell us more (optional)</label>
          <textarea id={`${id}-message`} name="message" rows={3} maxLength={2000} defaultValue={state.values?.message ?? ""} />
          {errors.message && <p className="field-error">{errors.message.join(" ")}</p>}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send to the store"}
        </button>
      </form>
    </details>
  );
}

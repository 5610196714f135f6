"use client";

import type { Ref } from "react";
import type { FormState } from "@/lib/forms/state";

// A form's answer: its errors as an alert, or what was done as a status; the form may focus it so it is read out.
export function FormSummary({ state, ref }: { state: FormState; ref?: Ref<HTMLDivElement> }) {
  const allErrors = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <div ref={ref} tabIndex={-1} className="form-summary" aria-live="polite">
      {state.status === "error" && (
        <div role="alert" className="notice notice-error">
          <p>{state.message}</p>
          {allErrors.length > 0 && (
            <ul>
              {allErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.status === "done" && (
        <p role="status" className="notice notice-done">
          {state.message}
        </p>
      )}
    </div>
  );
}

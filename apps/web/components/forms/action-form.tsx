"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { idle, type FormState } from "@/lib/forms/state";
import { FormSummary } from "./form-summary";

export type Field = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "number";
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  step?: string;
  defaultValue?: string;
  hint?: string;
};

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Field[];
  submit: string;
  hidden?: Record<string, string>;
  // A one-line form beside other content (product page, wishlist): its answer goes below it, in a line kept free for it.
  inline?: boolean;
  label?: string;
};

// Every form of the store: labelled fields, the action's errors beside them, a summary that is announced and focused.
// The action is a server action, so the form also posts before this script has loaded.
export function ActionForm({ action, fields, submit, hidden = {}, inline = false, label }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);

  // Errors take the focus so they are read out.
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state]);

  const fieldErrors = state.fieldErrors ?? {};
  const summaryBlock = <FormSummary ref={summary} state={state} />;
  return (
    <form action={formAction} className={inline ? "form form-inline" : "form"} aria-label={label} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!inline && summaryBlock}
      {fields.map(({ name, label: text, hint, defaultValue, ...input }) => {
        const errors = fieldErrors[name] ?? [];
        const describedBy = [hint && `${id}-${name}-hint`, errors.length > 0 && `${id}-${name}-error`].filter(Boolean).join(" ");
        return (
          <div key={name} className="field">
            <label htmlFor={`${id}-${name}`}>{text}</label>
            {hint && (
              <p id={`${id}-${name}-hint`} className="hint">
                {hint}
              </p>
            )}
            <input
              id={`${id}-${name}`}
              name={name}
              type={input.type ?? "text"}
              {...input}
              defaultValue={state.values?.[name] ?? defaultValue}
              aria-invalid={errors.length > 0 || undefined}
              aria-describedby={describedBy || undefined}
            />
            {errors.length > 0 && (
              <p id={`${id}-${name}-error`} className="field-error">
                {errors.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Please wait…" : submit}
      </button>
      {inline && summaryBlock}
    </form>
  );
}

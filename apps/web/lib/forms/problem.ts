import "server-only";
import { BffError } from "@/lib/bff/request";
import type { FormState } from "./state";

export const tooManyAttempts = "Too many attempts. Please wait a minute and try again.";

// The BFF names fields as its records do ("Email", "newPassword"); forms name them in camelCase.
function camel(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}

// Passwords are never sent back to the page, nor are Next's own action fields.
export function typed(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !/password|^\$/i.test(entry[0])),
  );
}

/** A BFF refusal as the form should show it; anything unexpected stays an error for the error page. */
export function problemState(error: unknown, form: FormData): FormState {
  return { ...refusal(error), values: typed(form) };
}

/** As {@link problemState}, for a form with no fields to mark (a button, a list's row): the store's reasons are its message. */
export function problemMessage(error: unknown, form: FormData): FormState {
  const state = problemState(error, form);
  return state.fieldErrors ? { status: "error", message: Object.values(state.fieldErrors).flat().join(" "), values: state.values } : state;
}

function refusal(error: unknown): FormState {
  if (!(error instanceof BffError)) throw error;
  const { status, problem } = error;
  if (status === 429) return { status: "error", message: tooManyAttempts };
  if (status === 400 && problem.errors) {
    const fieldErrors = Object.fromEntries(Object.entries(problem.errors).map(([field, messages]) => [camel(field), messages]));
    return { status: "error", message: "Please correct the fields marked below.", fieldErrors };
  }
  if (status === 400 || status === 401 || status === 403 || status === 404 || status === 409) {
    return { status: "error", message: problem.detail ?? problem.title ?? "That did not work. Please check and try again." };
  }
  throw error;
}

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

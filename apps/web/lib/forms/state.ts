// What a form's server action answers; the form shows the message as an alert and each field's errors beside it.
export type FormState = {
  status: "idle" | "error" | "done";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  // What was typed (never a password): React empties a form after its action, and this refills it.
  values?: Record<string, string>;
};

export const idle: FormState = { status: "idle" };

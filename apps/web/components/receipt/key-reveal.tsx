"use client";

import { useActionState } from "react";
import type { RevealedKey, RevealState } from "@/lib/orders/types";
import { CopyButton } from "./copy-button";

type Props = {
  action: (state: RevealState, form: FormData) => Promise<RevealState>;
  // Which key, and the order id or receipt token that proves the shopper may see it.
  hidden: Record<string, string>;
  label: string;
  seen: string | null;
  // What revealing costs the shopper (it ends one-click refunds): asked to confirm first; null reveals at once.
  warning: string | null;
};

const idle: RevealState = { status: "idle" };

// One key: hidden until the shopper asks, then shown with a way to copy it. When revealing costs something, the first click
// opens the warning and a second confirms. A plain form post inside a disclosure, so it also works without script.
export function KeyReveal({ action, hidden, label, seen, warning }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.status === "shown") return <ShownKey revealed={state.key} label={label} />;
  // The name starts with the words shown, so a shopper speaking to the page can say what they see.
  const submit = (
    <button type="submit" disabled={pending} aria-label={`${warning ? "Yes, reveal" : "Reveal"} ${label}`}>
      {pending ? "Revealing…" : warning ? "Yes, reveal key" : "Reveal key"}
    </button>
  );
  return (
    <form action={formAction} className="key-reveal">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {warning ? (
        <details className="reveal-confirm">
          <summary>Reveal key</summary>
          <p className="notice notice-warn" data-testid="reveal-warning">
            {warning}
          </p>
          {submit}
        </details>
      ) : (
        submit
      )}
      {seen && <span className="hint">Seen {seen}</span>}
      {state.status === "error" && (
        <p role="alert" className="notice notice-error">
          {state.message}
        </p>
      )}
    </form>
  );
}

const imageType = /^image\/[\w.+-]+$/;

function ShownKey({ revealed, label }: { revealed: RevealedKey; label: string }) {
  if (imageType.test(revealed.contentType)) {
    const src = `data:${revealed.contentType};base64,${revealed.value}`;
    return (
      <div className="key-shown">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL from the reveal: nothing to optimise */}
        <img src={src} alt={label} className="key-image" data-testid="key-image" />
        <a href={src} download={`${label}.${revealed.contentType.slice(6).split("+")[0]}`}>
          Download image
        </a>
      </div>
    );
  }
  return (
    <div className="key-shown">
      <code className="key-value" data-testid="key-value">
        {revealed.value}
      </code>
      <CopyButton text={revealed.value} label={`Copy ${label}`} />
    </div>
  );
}

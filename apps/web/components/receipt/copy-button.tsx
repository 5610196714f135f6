"use client";

import { useEffect, useState } from "react";

// Shown only once script runs (without it the button could do nothing; the key text stays selectable).
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<"" | "Copied" | "Copy did not work: select the key and copy it">("");
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setResult("Copied"),
      () => setResult("Copy did not work: select the key and copy it"),
    );
  return (
    <>
      <button type="button" className="secondary" onClick={copy} aria-label={label}>
        Copy
      </button>
      <span role="status" className="hint">
        {result}
      </span>
    </>
  );
}

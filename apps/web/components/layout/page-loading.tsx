// Shown while the server asks the BFF, so a click answers at once.
export function PageLoading({ text }: { text: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {text}
    </div>
  );
}

// Shown while the server asks the BFF, so a filter click answers at once.
export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Searching…
    </div>
  );
}

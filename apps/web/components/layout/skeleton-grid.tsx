// A page of result cards while they load: the grid's room is kept, and a screen reader hears what is happening.
export function SkeletonGrid({ text, cards = 8 }: { text: string; cards?: number }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{text}</span>
      <ul className="grid" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <li key={i}>
            <span className="skeleton skeleton-cover" />
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line short" />
          </li>
        ))}
      </ul>
    </div>
  );
}

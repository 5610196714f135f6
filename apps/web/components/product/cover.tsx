// Covers are 3:4; width and height reserve their box before the image arrives, so nothing shifts.
type Props = { src: string | null; title: string; width: number; priority?: boolean };

export function Cover({ src, title, width, priority = false }: Props) {
  const height = Math.round((width * 4) / 3);
  if (!src) {
    return <div className="cover cover-missing" style={{ aspectRatio: "3 / 4" }} role="img" aria-label={`No cover for ${title}`} />;
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- supplier SVGs gain nothing from the image optimizer
    <img
      className="cover"
      src={src}
      alt={`Cover of ${title}`}
      width={width}
      height={height}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : "auto"}
      decoding="async"
    />
  );
}

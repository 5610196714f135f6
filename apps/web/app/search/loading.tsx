import { SkeletonGrid } from "@/components/layout/skeleton-grid";

export default function Loading() {
  return <SkeletonGrid text="Searching…" />;
}

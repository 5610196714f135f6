// A one-button form posting a slug to a server action (remove from cart or wishlist); works without script.
export function RemoveButton({ action, slug, label }: { action: (form: FormData) => Promise<void>; slug: string; label: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <button type="submit" className="link-button" aria-label={label}>
        Remove
      </button>
    </form>
  );
}

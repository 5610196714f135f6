"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BffError } from "@/lib/bff/request";
import * as wishlist from "@/lib/bff/wishlist";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

// An empty box means no target: tell me about any price.
function targetPrice(form: FormData): number | null {
  const value = text(form, "targetPrice").trim();
  return value === "" ? null : Number(value);
}

// Signed out, the shopper is sent to sign in and brought back to the product, the wishlist form open with the target
// they typed, so one more click saves it.
export async function saveWishlistAction(_: FormState, form: FormData): Promise<FormState> {
  const slug = text(form, "slug");
  try {
    await wishlist.saveWishlistItem(slug, targetPrice(form));
  } catch (error) {
    if (error instanceof BffError && error.status === 401) {
      const back = `/product/${slug}?${new URLSearchParams({ wishlistTarget: text(form, "targetPrice").trim() })}`;
      redirect(`/login?next=${encodeURIComponent(back)}`);
    }
    return problemState(error, form);
  }
  revalidatePath("/account/wishlist");
  return { status: "done", message: "Saved to your wishlist." };
}

export async function removeWishlistAction(form: FormData): Promise<void> {
  await wishlist.removeWishlistItem(text(form, "slug"));
  revalidatePath("/account/wishlist");
}

"use server";

import { revalidatePath } from "next/cache";
import * as cart from "@/lib/bff/cart";
import { problemState, text } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

function quantity(form: FormData): number {
  return Number.parseInt(text(form, "quantity"), 10);
}

// From the product page: a message the shopper can act on, and the header's count follows.
export async function addToCartAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    const updated = await cart.addToCart(text(form, "slug"), quantity(form), text(form, "csrf") || undefined);
    revalidatePath("/", "layout");
    return { status: "done", message: `Added to your cart (${updated.itemCount} ${updated.itemCount === 1 ? "item" : "items"}).` };
  } catch (error) {
    return problemState(error, form);
  }
}

// The cart page's own forms: plain posts that work before any script has loaded; the page re-renders with the new cart.
export async function setQuantityAction(form: FormData): Promise<void> {
  await cart.setCartQuantity(text(form, "slug"), quantity(form));
  revalidatePath("/", "layout");
}

export async function removeFromCartAction(form: FormData): Promise<void> {
  await cart.removeFromCart(text(form, "slug"));
  revalidatePath("/", "layout");
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as account from "@/lib/bff/account";
import { problemState, text } from "@/lib/forms/problem";
import { safeNext } from "@/lib/forms/safe-next";
import type { FormState } from "@/lib/forms/state";

// Server actions: Next accepts them only as same-origin POSTs, and each signed-in write still sends the BFF's CSRF token.

export async function loginAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.login(text(form, "email"), text(form, "password"));
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  redirect(safeNext(form.get("next")));
}

// A new account is signed in at once with the same credentials, and lands where the shopper was going.
export async function registerAction(_: FormState, form: FormData): Promise<FormState> {
  const [email, password] = [text(form, "email"), text(form, "password")];
  try {
    await account.register(email, password, text(form, "displayName"));
    await account.login(email, password);
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  redirect(safeNext(form.get("next")));
}

export async function logoutAction(): Promise<void> {
  await account.logout();
  revalidatePath("/", "layout");
  redirect("/");
}

// Always the same answer, whether or not the email has an account.
export async function requestResetAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.requestPasswordReset(text(form, "email"));
  } catch (error) {
    return problemState(error, form);
  }
  return { status: "done", message: "If an account uses that email, a link to choose a new password is on its way." };
}

export async function confirmResetAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.confirmPasswordReset(text(form, "token"), text(form, "newPassword"));
  } catch (error) {
    return problemState(error, form);
  }
  redirect("/login?reset=1");
}

export async function updateProfileAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.updateProfile(text(form, "displayName"));
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  return { status: "done", message: "Display name saved." };
}

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.changePassword(text(form, "currentPassword"), text(form, "newPassword"));
  } catch (error) {
    return problemState(error, form);
  }
  return { status: "done", message: "Password changed." };
}

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

// A new account signs in once its email is confirmed by the mailed link; the answer is the same for a taken email,
// whose owner is mailed instead.
export async function registerAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.register(text(form, "email"), text(form, "password"), text(form, "displayName"));
  } catch (error) {
    return problemState(error, form);
  }
  return { status: "done", message: "Almost there: open the link we sent to your email to confirm it, then sign in." };
}

export async function confirmEmailAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.confirmEmail(text(form, "token"));
  } catch (error) {
    return problemState(error, form);
  }
  redirect("/login?verified=1");
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

export async function updateCountryAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.updateCountry(text(form, "country"));
  } catch (error) {
    return problemState(error, form);
  }
  revalidatePath("/", "layout");
  return { status: "done", message: "Country saved. We check every key against it before you pay." };
}

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  try {
    await account.changePassword(text(form, "currentPassword"), text(form, "newPassword"));
  } catch (error) {
    return problemState(error, form);
  }
  return { status: "done", message: "Password changed." };
}

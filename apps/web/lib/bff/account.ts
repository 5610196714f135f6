import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { BffOrder, BffProfile, BffSignedIn } from "./types";
import { bff, orNull } from "./request";

// The BFF names the session cookie __Host-gd_session when the browser used TLS, gd_session otherwise.
export const hasSession = (jar: { has(name: string): boolean }) => jar.has("__Host-gd_session") || jar.has("gd_session");

// Who is signed in; null for a visitor, without asking the BFF when there is no session cookie at all.
export async function getProfile(): Promise<BffProfile | null> {
  if (!hasSession(await cookies())) return null;
  return orNull(bff<BffProfile>("/account/profile", { shopper: "page" }), 401);
}

export const getOrders = () => bff<BffOrder[]>("/account/orders", { shopper: "page" });

// Every signed-in write echoes the session's CSRF token; actions fetch it just before writing.
async function sessionCsrf(): Promise<string> {
  return (await bff<{ token: string }>("/auth/csrf", { shopper: "action" })).token;
}

export async function signedInWrite<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  return bff<T>(path, { method, body, csrf: await sessionCsrf(), shopper: "action" });
}

export const login = (email: string, password: string) =>
  bff<BffSignedIn>("/auth/login", { method: "POST", body: { email, password }, shopper: "action" });

export const register = (email: string, password: string, displayName: string) =>
  bff<void>("/auth/register", { method: "POST", body: { email, password, displayName }, shopper: "action" });

export const confirmEmail = (token: string) =>
  bff<void>("/auth/email-verification/confirm", { method: "POST", body: { token }, shopper: "action" });

export const logout = () => signedInWrite<void>("POST", "/auth/logout");

export const requestPasswordReset = (email: string) =>
  bff<void>("/auth/password-reset", { method: "POST", body: { email }, shopper: "action" });

export const confirmPasswordReset = (token: string, newPassword: string) =>
  bff<void>("/auth/password-reset/confirm", { method: "POST", body: { token, newPassword }, shopper: "action" });

export const changePassword = (currentPassword: string, newPassword: string) =>
  signedInWrite<void>("PUT", "/auth/password", { currentPassword, newPassword });

export const updateProfile = (displayName: string) => signedInWrite<BffProfile>("PUT", "/account/profile", { displayName });

export const updateCountry = (country: string) => signedInWrite<BffProfile>("PUT", "/account/country", { country });

// Pages behind sign-in check the session on the server and send a visitor to sign in, then back here.
export async function requireProfile(here: string): Promise<BffProfile> {
  const profile = await getProfile();
  if (!profile) redirect(`/login?next=${encodeURIComponent(here)}`);
  return profile;
}

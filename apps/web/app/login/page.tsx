import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loginAction } from "@/components/account/actions";
import { ActionForm } from "@/components/forms/action-form";
import { emailField } from "@/lib/forms/fields";
import { getProfile } from "@/lib/bff/account";
import { safeNext } from "@/lib/forms/safe-next";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; reset?: string; verified?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next, reset, verified } = await searchParams;
  const target = safeNext(next);
  if (await getProfile()) redirect(target);
  const carry = next ? `?next=${encodeURIComponent(target)}` : "";
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {reset && (
        <p role="status" className="notice notice-done">
          Your password is changed. Sign in with the new one.
        </p>
      )}
      {verified && (
        <p role="status" className="notice notice-done">
          Your email is confirmed. Sign in to continue.
        </p>
      )}
      <ActionForm
        action={loginAction}
        label="Sign in"
        submit="Sign in"
        hidden={{ next: target }}
        fields={[
          emailField,
          { name: "password", label: "Password", type: "password", autoComplete: "current-password", required: true, maxLength: 128 },
        ]}
      />
      <p>
        <Link href="/account/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to GamesDrop? <Link href={`/register${carry}`}>Create an account</Link>
      </p>
    </div>
  );
}

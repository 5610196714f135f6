import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { registerAction } from "@/components/account/actions";
import { ActionForm } from "@/components/forms/action-form";
import { emailField, newPasswordField } from "@/lib/forms/fields";
import { getProfile } from "@/lib/bff/account";
import { safeNext } from "@/lib/forms/safe-next";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function RegisterPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const target = safeNext(next);
  if (await getProfile()) redirect(target);
  const carry = next ? `?next=${encodeURIComponent(target)}` : "";
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <ActionForm
        action={registerAction}
        label="Create an account"
        submit="Create account"
        fields={[
          emailField,
          { name: "displayName", label: "Display name", autoComplete: "nickname", required: true, maxLength: 100 },
          newPasswordField("password", "Password"),
        ]}
      />
      <p>
        Already have an account? <Link href={`/login${carry}`}>Sign in</Link>
      </p>
    </div>
  );
}

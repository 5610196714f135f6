import type { Metadata } from "next";
import Link from "next/link";
import { confirmResetAction } from "@/components/account/actions";
import { ActionForm } from "@/components/forms/action-form";
import { newPasswordField } from "@/lib/forms/fields";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string }> };

// The link from the reset mail; the token is checked (once) when the new password is sent.
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  if (!token) {
    return (
      <div className="narrow">
        <h1>Choose a new password</h1>
        <p role="alert" className="notice notice-error">
          This link is incomplete. Open the link from the mail again, or <Link href="/account/forgot-password">ask for a new one</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <ActionForm
        action={confirmResetAction}
        label="Choose a new password"
        submit="Save the new password"
        hidden={{ token }}
        fields={[
          newPasswordField("newPassword", "New password"),
        ]}
      />
      <p>
        Link expired? <Link href="/account/forgot-password">Ask for a new one</Link>
      </p>
    </div>
  );
}

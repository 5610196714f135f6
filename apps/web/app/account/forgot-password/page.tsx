import type { Metadata } from "next";
import Link from "next/link";
import { requestResetAction } from "@/components/account/actions";
import { ActionForm } from "@/components/forms/action-form";
import { emailField } from "@/lib/forms/fields";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      <p>Enter your account&apos;s email and we will mail you a link to choose a new password.</p>
      <ActionForm
        action={requestResetAction}
        label="Request a password reset"
        submit="Send the link"
        fields={[emailField]}
      />
      <p>
        <Link href="/login">Back to sign in</Link>
      </p>
    </div>
  );
}

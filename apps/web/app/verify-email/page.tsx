import type { Metadata } from "next";
import Link from "next/link";
import { confirmEmailAction } from "@/components/account/actions";
import { ActionForm } from "@/components/forms/action-form";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string }> };

// The link from the confirmation mail. The token is spent by a button, not by opening the page, so a mail scanner
// that fetches links does not use it up.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="narrow">
      <h1>Confirm your email</h1>
      {token ? (
        <ActionForm action={confirmEmailAction} label="Confirm your email" submit="Confirm my email" hidden={{ token }} fields={[]} />
      ) : (
        <p role="alert" className="notice notice-error">
          This link is incomplete. Open the link from the mail again, or <Link href="/login">sign in</Link> to get a new one.
        </p>
      )}
    </div>
  );
}

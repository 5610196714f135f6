import type { Metadata } from "next";
import { changePasswordAction, updateCountryAction, updateProfileAction } from "@/components/account/actions";
import { AccountNav } from "@/components/account/account-nav";
import { OrderList } from "@/components/account/order-list";
import { ActionForm } from "@/components/forms/action-form";
import { getOrders, requireProfile } from "@/lib/bff/account";
import { newPasswordField } from "@/lib/forms/fields";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const profile = await requireProfile("/account");
  const orders = await getOrders();
  return (
    <div className="account">
      <h1>Hello, {profile.displayName}</h1>
      <AccountNav current="profile" />
      <section aria-labelledby="orders" className="account-orders">
        <h2 id="orders">Orders</h2>
        <OrderList orders={orders} />
      </section>
      <section aria-labelledby="profile" className="panel">
        <h2 id="profile">Profile</h2>
        <p>
          Signed in as <strong>{profile.email}</strong>
        </p>
        <ActionForm
          action={updateProfileAction}
          label="Profile"
          submit="Save name"
          fields={[{ name: "displayName", label: "Display name", autoComplete: "nickname", required: true, maxLength: 100, defaultValue: profile.displayName }]}
        />
      </section>
      <section aria-labelledby="country" className="panel">
        <h2 id="country">Where you play</h2>
        <p className="hint">Some keys only work in certain countries. Tell us yours and we will stop you buying a key that will not work there.</p>
        <ActionForm
          action={updateCountryAction}
          label="Where you play"
          submit="Save country"
          fields={[
            {
              name: "country",
              label: "Country (two letters, like DE, GB or US)",
              autoComplete: "country",
              maxLength: 2,
              defaultValue: profile.country ?? "",
            },
          ]}
        />
      </section>
      <section aria-labelledby="password" className="panel">
        <h2 id="password">Change password</h2>
        <ActionForm
          action={changePasswordAction}
          label="Change password"
          submit="Change password"
          fields={[
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password", required: true, maxLength: 128 },
            newPasswordField("newPassword", "New password"),
          ]}
        />
      </section>
    </div>
  );
}

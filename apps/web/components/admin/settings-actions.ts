"use server";

import { revalidatePath } from "next/cache";
import type { MarginRule, SystemSettings } from "@/lib/admin/types";
import * as admin from "@/lib/bff/admin";
import { problemMessage, problemState, text, typed } from "@/lib/forms/problem";
import type { FormState } from "@/lib/forms/state";

// Numbers as the store writes them: ASCII digits, a dot for decimals. "3,49" or other scripts' digits are named back to
// the admin instead of being guessed at (Number() would read "" as 0 and "٣" as NaN).
const plainNumber = /^-?[0-9]+(\.[0-9]+)?$/;
const numberHint = "Use digits 0-9 and a dot for decimals, such as 3.49.";

class Numbers {
  readonly errors: Record<string, string[]> = {};

  constructor(private readonly form: FormData) {}

  read(name: string): number {
    const value = text(this.form, name).trim();
    if (!plainNumber.test(value)) {
      this.errors[name] = [numberHint];
      return 0;
    }
    return Number(value);
  }
}

export async function saveSettingsAction(_: FormState, form: FormData): Promise<FormState> {
  const numbers = new Numbers(form);
  const optional = (name: string) => text(form, name).trim() || null;
  const settings: SystemSettings = {
    currency: text(form, "currency").trim().toUpperCase(),
    paymentFeePercent: numbers.read("paymentFeePercent"),
    paymentFeeFixed: numbers.read("paymentFeeFixed"),
    marginFloorPercent: numbers.read("marginFloorPercent"),
    lowStockThreshold: numbers.read("lowStockThreshold"),
    oneClickRefundDays: numbers.read("oneClickRefundDays"),
    fraud: {
      holdScore: numbers.read("fraud.holdScore"),
      refuseScore: numbers.read("fraud.refuseScore"),
      firstOrderAmount: numbers.read("fraud.firstOrderAmount"),
      largeOrderAmount: numbers.read("fraud.largeOrderAmount"),
      maxOrdersPerAccount: numbers.read("fraud.maxOrdersPerAccount"),
      maxOrdersPerEmail: numbers.read("fraud.maxOrdersPerEmail"),
      maxOrdersPerIp: numbers.read("fraud.maxOrdersPerIp"),
    },
    notifications: { telegramChatId: optional("notifications.telegramChatId"), spreadsheetId: optional("notifications.spreadsheetId") },
  };
  // Each rule's supplier and genre travel as hidden fields; the admin edits its margins.
  const rules: MarginRule[] = [];
  for (let i = 0; form.has(`ruleSupplier[${i}]`); i++) {
    rules.push({
      supplier: text(form, `ruleSupplier[${i}]`) || null,
      genre: text(form, `ruleGenre[${i}]`) || null,
      marginPercent: numbers.read(`marginRules[${i}]`),
      minMargin: numbers.read(`minMargins[${i}]`),
    });
  }
  return save(numbers, form, () => admin.saveSettings(settings, rules), "Saved. The new settings are in force now; prices follow the new margins and fee.");
}

// Adding or removing a rule sends the whole list the store holds now, with that one rule more or less.
export async function addMarginRuleAction(_: FormState, form: FormData): Promise<FormState> {
  const numbers = new Numbers(form);
  const optional = (name: string) => text(form, name).trim().toLowerCase() || null;
  const rule: MarginRule = {
    supplier: optional("supplier"),
    genre: optional("genre"),
    marginPercent: numbers.read("marginPercent"),
    minMargin: numbers.read("minMargin"),
  };
  const { settings, marginRules } = await admin.getSettings();
  return save(numbers, form, () => admin.saveSettings(settings, [...marginRules, rule]), "Rule added. Prices follow it now.", problemMessage);
}

export async function removeMarginRuleAction(_: FormState, form: FormData): Promise<FormState> {
  const supplier = text(form, "supplier") || null;
  const genre = text(form, "genre") || null;
  const { settings, marginRules } = await admin.getSettings();
  const rest = marginRules.filter((r) => r.supplier !== supplier || r.genre !== genre);
  return save(new Numbers(form), form, () => admin.saveSettings(settings, rest), "Rule removed. Prices follow the other rules now.", problemMessage);
}

export async function saveRateAction(_: FormState, form: FormData): Promise<FormState> {
  const numbers = new Numbers(form);
  const currency = text(form, "currency");
  const rate = numbers.read("rateToStore");
  return save(numbers, form, () => admin.saveRate(currency, rate), `Saved: 1 ${currency} is now ${rate} in the store currency.`);
}

// What the form typed stays in it, and a save is said in words the admin reads as done.
async function save(
  numbers: Numbers,
  form: FormData,
  saving: () => Promise<unknown>,
  saved: string,
  // The store names a rule's problems by its place in the list, which the add and remove forms show as one message.
  refused: (error: unknown, form: FormData) => FormState = problemState,
): Promise<FormState> {
  if (Object.keys(numbers.errors).length > 0) {
    return { status: "error", message: "Please correct the fields marked below.", fieldErrors: numbers.errors, values: typed(form) };
  }
  try {
    await saving();
  } catch (error) {
    return refused(error, form);
  }
  revalidatePath("/admin/settings");
  return { status: "done", message: saved, values: typed(form) };
}

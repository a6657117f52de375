import { useContext } from "react";
import { ClerkContext } from "../clerk-context.js";
import { enUS } from "./en-us.js";
import type { Localization } from "./localization.js";

/**
 * The components' texts: the provider's `localization` laid over English, or English alone
 * outside a provider.
 *
 * @throws never.
 * @example
 * const t = useLocalization();
 * <h1>{t.signIn.start.title}</h1>
 */
export function useLocalization(): Localization {
  return useContext(ClerkContext)?.localization ?? enUS;
}

import { describe, expect, it } from "vitest";
import { enUS } from "./en-us.js";
import type { LocalizationResource } from "./localization.js";
import { mergeLocalization } from "./merge-localization.js";

describe("mergeLocalization", () => {
  it("lays any part over the English texts, at any depth, leaving the rest", () => {
    const merged = mergeLocalization(enUS, {
      formButtonPrimary: "Weiter",
      signIn: { start: { title: "Anmelden" } },
    });
    expect(merged.formButtonPrimary).toBe("Weiter");
    expect(merged.signIn.start.title).toBe("Anmelden");
    expect(merged.signIn.start.subtitle).toBe(enUS.signIn.start.subtitle);
    expect(merged.signUp).toEqual(enUS.signUp);
    expect(enUS.formButtonPrimary).toBe("Continue");
  });

  it("adds messages for codes, keeping the others", () => {
    const merged = mergeLocalization(enUS, { unstable__errors: { some_new_code: "New." } });
    expect(merged.unstable__errors.some_new_code).toBe("New.");
    expect(merged.unstable__errors.form_code_incorrect).toBe(
      enUS.unstable__errors.form_code_incorrect,
    );
  });

  it("ignores values of the wrong shape instead of blanking a component", () => {
    const merged = mergeLocalization(enUS, {
      signIn: "oops",
      signUp: { start: { title: 42 } },
      unstable__errors: { form_code_incorrect: null },
    } as unknown as LocalizationResource);
    expect(merged.signIn).toEqual(enUS.signIn);
    expect(merged.signUp.start.title).toBe(enUS.signUp.start.title);
    expect(merged.unstable__errors.form_code_incorrect).toBe(
      enUS.unstable__errors.form_code_incorrect,
    );
  });

  it("returns the English texts themselves when there is nothing to lay over", () => {
    expect(mergeLocalization(enUS, undefined)).toBe(enUS);
  });
});

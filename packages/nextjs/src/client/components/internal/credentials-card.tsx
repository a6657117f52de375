import type { ReactNode } from "react";
import type { Appearance } from "../../internal/appearance.js";
import { useLocalization } from "../../internal/localization/use-localization.js";
import { CardFooter } from "./card-footer.js";
import { DefaultStyles } from "./default-styles.js";
import type { CredentialsFlow, FlowAttempt } from "./use-credentials-flow.js";

/** Props of {@link CredentialsCard}. */
export interface CredentialsCardProps {
  flow: Pick<CredentialsFlow<string, FlowAttempt>, "kind" | "step" | "cls" | "providerAppearance">;
  /** The component's appearance. */
  appearance: Appearance | undefined;
  /** The other page the footer links to: sign-up from sign-in, sign-in from sign-up. */
  footerHref: string;
  /** The current step. */
  children: ReactNode;
}

/**
 * The card of `<SignIn/>` or `<SignUp/>`: the root box (naming the component and its step), the
 * default stylesheet, the step, and the footer linking to the other page.
 *
 * @example
 * <CredentialsCard flow={flow} appearance={props.appearance} footerHref={signUpUrl}>
 *   {step}
 * </CredentialsCard>
 */
export function CredentialsCard(props: CredentialsCardProps): ReactNode {
  const { flow } = props;
  const texts = useLocalization()[flow.kind].start;
  return (
    <div
      className={flow.cls("rootBox")}
      style={flow.cls.rootStyle}
      data-latchkey-component={flow.kind === "signIn" ? "sign-in" : "sign-up"}
      data-latchkey-step={flow.step}
    >
      <DefaultStyles provider={flow.providerAppearance} component={props.appearance} />
      <div className={flow.cls("card")}>
        {props.children}
        <CardFooter
          prompt={texts.actionText}
          href={props.footerHref}
          action={texts.actionLink}
          cls={flow.cls}
        />
      </div>
    </div>
  );
}

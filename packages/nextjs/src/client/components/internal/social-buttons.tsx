import type { ReactNode } from "react";
import { formatMessage } from "../../internal/localization/format-message.js";
import { useLocalization } from "../../internal/localization/use-localization.js";
import type { OAuthStrategy } from "../../internal/resources/authenticate-with-redirect.js";
import { ActionButton } from "./action-button.js";
import type { ElementClass } from "./use-element-class.js";
import { useSocialConnections } from "./use-social-connections.js";

/** Props of {@link SocialButtons}. */
export interface SocialButtonsProps {
  /** Whether the component's form is busy: the buttons are then `aria-disabled`. */
  busy: boolean;
  onSelect(strategy: OAuthStrategy): void;
  cls: ElementClass;
}

/**
 * One "Continue with <name>" button per social connection of the instance, in its order, then a
 * divider ("or") before the email form; nothing when the instance has none.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * <SocialButtons busy={form.busy} onSelect={flow.startSocial} cls={cls} />
 */
export function SocialButtons(props: SocialButtonsProps): ReactNode {
  const connections = useSocialConnections();
  const t = useLocalization();
  const { cls } = props;
  if (connections.length === 0) return null;
  return (
    <>
      <div className={cls("socialButtons")}>
        {connections.map((connection) => (
          <ActionButton
            key={connection.strategy}
            element="socialButtonsBlockButton"
            busy={props.busy}
            onClick={() => props.onSelect(connection.strategy)}
            cls={cls}
            data-latchkey-social={connection.strategy}
          >
            {formatMessage(t.socialButtonsBlockButton, { provider: connection.name })}
          </ActionButton>
        ))}
      </div>
      <div className={cls("dividerRow")}>
        <span className={cls("dividerLine")} aria-hidden="true" />
        <p className={cls("dividerText")}>{t.dividerText}</p>
        <span className={cls("dividerLine")} aria-hidden="true" />
      </div>
    </>
  );
}

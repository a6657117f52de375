import type { ReactNode } from "react";
import { useAuth } from "../hooks/use-auth.js";
import { useUser } from "../hooks/use-user.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import { Avatar } from "./internal/avatar.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { useElementClass } from "./internal/use-element-class.js";
import { usePopover } from "./internal/use-popover.js";

/** Props of `<UserButton/>`. */
export interface UserButtonProps {
  /** Where to go after signing out (default: the provider's `afterSignOutUrl`, else `/`). */
  afterSignOutUrl?: string;
  /** Shows the user's name beside the avatar. */
  showName?: boolean;
  appearance?: Appearance;
}

/**
 * Clerk's `<UserButton/>`: the signed-in user's avatar opening a menu with their name and email
 * and "Sign out". Opening it (click, Enter, Space or ArrowDown) focuses the first item; arrows
 * move, Escape closes from anywhere and puts focus back on the avatar. Renders nothing while
 * signed out or before the user is loaded.
 *
 * @throws never.
 * @example
 * ```tsx
 * <header><UserButton afterSignOutUrl="/" /></header>
 * ```
 */
export function UserButton(props: UserButtonProps): ReactNode {
  const { appearance, redirects } = useClerkContext("UserButton");
  const { user } = useUser();
  const { signOut } = useAuth();
  const cls = useElementClass(props.appearance);
  const t = useLocalization();
  const popover = usePopover();
  if (!user) return null;
  const email = user.primaryEmailAddress?.emailAddress ?? "";
  const name = user.fullName ?? user.username ?? email;
  const afterSignOutUrl = props.afterSignOutUrl ?? redirects.afterSignOutUrl;

  return (
    <div
      className={cls("userButtonBox")}
      style={cls.rootStyle}
      ref={popover.rootRef}
      data-latchkey-component="user-button"
    >
      <DefaultStyles provider={appearance} component={props.appearance} />
      <button
        {...popover.triggerProps}
        className={cls("userButtonTrigger")}
        aria-haspopup="menu"
        aria-label={formatMessage(t.userButton.action__openMenu, { name })}
      >
        <Avatar imageUrl={user.imageUrl} hasImage={user.hasImage} name={name} cls={cls} />
        {props.showName ? <span>{name}</span> : null}
      </button>
      {popover.open ? (
        <div
          {...popover.popupProps}
          className={cls("userButtonPopoverCard")}
          role="menu"
          aria-label={t.userButton.menuTitle}
        >
          <div className={cls("userPreview")} role="presentation">
            <p className={cls("userPreviewMainIdentifier")}>{name}</p>
            {email && email !== name ? (
              <p className={cls("userPreviewSecondaryIdentifier")}>{email}</p>
            ) : null}
          </div>
          <button
            type="button"
            role="menuitem"
            className={cls("userButtonPopoverActionButton")}
            data-latchkey-action="sign-out"
            onClick={() => {
              popover.close();
              void signOut(afterSignOutUrl === undefined ? {} : { redirectUrl: afterSignOutUrl });
            }}
          >
            {t.userButton.action__signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}

import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link CardFooter}. */
export interface CardFooterProps {
  /** The question before the link, e.g. "No account?". */
  prompt: string;
  href: string;
  /** The link's text, e.g. "Sign up". */
  action: string;
  cls(element: AppearanceElement): string;
}

/**
 * The footer of a sign-in or sign-up card, linking to the other one.
 *
 * @example
 * <CardFooter prompt="No account?" href={signUpUrl} action="Sign up" cls={cls} />
 */
export function CardFooter(props: CardFooterProps): ReactNode {
  return (
    <p className={props.cls("footer")}>
      {props.prompt}{" "}
      <a className={props.cls("footerActionLink")} href={props.href}>
        {props.action}
      </a>
    </p>
  );
}

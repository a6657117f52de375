import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link CardHeader}. */
export interface CardHeaderProps {
  title: ReactNode;
  subtitle: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * The heading and subtitle at the top of a sign-in or sign-up card.
 *
 * @example
 * <CardHeader title="Sign in" subtitle="Welcome back. Sign in to continue." cls={cls} />
 */
export function CardHeader(props: CardHeaderProps): ReactNode {
  return (
    <div className={props.cls("header")}>
      <h1 className={props.cls("headerTitle")}>{props.title}</h1>
      <p className={props.cls("headerSubtitle")}>{props.subtitle}</p>
    </div>
  );
}

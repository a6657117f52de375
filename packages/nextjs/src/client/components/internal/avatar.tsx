import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Initials of a name or identifier (`Ada Lovelace` → `AL`, `ada@x.io` → `A`). */
export function initialsOf(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (name.includes("@")) return (words[0]?.[0] ?? "?").toUpperCase();
  return words
    .slice(0, 2)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

/** A round avatar: the image when there is one, else initials. */
export function Avatar(props: {
  imageUrl: string | undefined;
  hasImage: boolean;
  name: string;
  cls(element: AppearanceElement): string;
}): ReactNode {
  return (
    <span className={props.cls("avatarBox")} aria-hidden="true">
      {props.hasImage && props.imageUrl ? (
        // biome-ignore lint/performance/noImgElement: the instance's image URL; next/image would need the app's remote host config
        <img className={props.cls("avatarImage")} src={props.imageUrl} alt="" />
      ) : (
        initialsOf(props.name)
      )}
    </span>
  );
}

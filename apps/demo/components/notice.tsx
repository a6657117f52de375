"use client";

import { useEffect, useRef } from "react";

/**
 * The page's status line (`role="status"`, always rendered so screen readers know the region
 * before a message is put in it). A page that comes back from a form with a message (a server
 * action's redirect remounts the page, and with it the focused button) puts focus here, so it is
 * read out and keyboard users continue from it instead of from the top of the page.
 */
export function Notice(props: { text: string | null; error?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (props.text && lost) ref.current?.focus();
  }, [props.text]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      data-testid="notice"
      className={props.text ? (props.error ? "notice error" : "notice") : undefined}
    >
      {props.text}
    </p>
  );
}

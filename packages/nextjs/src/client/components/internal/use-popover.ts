import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";

/** What {@link usePopover} gives a trigger + popup pair. */
export interface Popover {
  open: boolean;
  setOpen(open: boolean): void;
  rootRef: React.RefObject<HTMLDivElement | null>;
  triggerRef: React.RefObject<HTMLButtonElement | null>;
  popupRef: React.RefObject<HTMLDivElement | null>;
  /** Keys on the trigger: Enter/Space/ArrowDown open and focus the first item. */
  onTriggerKeyDown(event: KeyboardEvent): void;
  /** Keys in the popup: arrows/Home/End move between items, Escape closes and refocuses. */
  onPopupKeyDown(event: KeyboardEvent): void;
}

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemradio"],[data-latchkey-item]';

/**
 * Open/close state and keyboard handling of a popup menu (WAI-ARIA menu button pattern): focus
 * moves into the popup when it opens, Escape and outside clicks close it, Tab leaves it.
 *
 * @example
 * const popover = usePopover();
 * <button ref={popover.triggerRef} onKeyDown={popover.onTriggerKeyDown} … />
 */
export function usePopover(): Popover {
  const [open, setOpenState] = useState(false);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const popupRef = useRef<HTMLDivElement | null>(null);
  const focusFirst = useRef(false);

  const items = () => [...(popupRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];

  const setOpen = useCallback((next: boolean) => setOpenState(next), []);

  useEffect(() => {
    if (!open) return;
    if (focusFirst.current) {
      focusFirst.current = false;
      items()[0]?.focus();
    }
    const onDown = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpenState(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  });

  const onTriggerKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      focusFirst.current = true;
      setOpenState(true);
    }
  };

  const onPopupKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        setOpenState(false);
        triggerRef.current?.focus();
        break;
      case "ArrowDown":
        if (index >= 0 || list.length > 0) move(index + 1);
        break;
      case "ArrowUp":
        move(index <= 0 ? list.length - 1 : index - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(list.length - 1);
        break;
      case "Tab":
        setOpenState(false);
        break;
    }
  };

  return { open, setOpen, rootRef, triggerRef, popupRef, onTriggerKeyDown, onPopupKeyDown };
}

import {
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";

/** What {@link usePopover} gives a trigger + popup pair. */
export interface Popover {
  open: boolean;
  /** Closes the popup and puts focus back on the trigger. */
  close(): void;
  /** The component's root: focus or a click outside it closes the popup. */
  rootRef: RefObject<HTMLDivElement | null>;
  /** The popup's id (`aria-controls` of the trigger while open). */
  popupId: string;
  /** Spread on the trigger `<button>`. */
  triggerProps: PopoverTriggerProps;
  /** Spread on the popup element. */
  popupProps: PopoverPopupProps;
}

/**
 * The trigger's props (its `aria-haspopup` is the component's): a button that says whether the
 * popup is open (`aria-expanded`, `aria-controls`). A click toggles the popup, focusing its first
 * item when it opens; Enter/Space/ArrowDown open it and focus the first item.
 */
export interface PopoverTriggerProps {
  type: "button";
  ref: RefObject<HTMLButtonElement | null>;
  "aria-expanded": boolean;
  "aria-controls": string | undefined;
  onClick(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * The popup's props (its `role` is the component's): its id, focusable from script (`tabIndex`
 * -1), shifted sideways to stay inside the viewport (phones, edges of the page). Keys in it:
 * arrows/Home/End move between items (not inside a text field, where they move the caret),
 * Escape closes and refocuses the trigger.
 */
export interface PopoverPopupProps {
  id: string;
  ref: RefObject<HTMLDivElement | null>;
  style: CSSProperties | undefined;
  tabIndex: -1;
  onKeyDown(event: KeyboardEvent): void;
}

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemradio"],[data-latchkey-item]';

/** Space kept between a popup and the edges of the viewport, in CSS pixels. */
const EDGE = 8;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "submit", "reset", "checkbox", "radio", "range", "color", "file"].includes(
    target.type,
  );
}

/**
 * Open/close state, focus and keyboard handling of a popup (WAI-ARIA menu button pattern):
 * focus moves into the popup when it opens, by keyboard or mouse; Escape (wherever focus is) and
 * outside clicks close it, focus returning to the trigger; Tab moves through the popup's controls
 * (forms included) and closes it only when focus leaves the component. The popup is kept inside
 * the viewport.
 *
 * @example
 * const popover = usePopover();
 * <div ref={popover.rootRef}>
 *   <button {...popover.triggerProps} aria-haspopup="menu" aria-label="Open menu">…</button>
 *   {popover.open ? <div {...popover.popupProps} role="menu" aria-label="Menu">…</div> : null}
 * </div>
 */
export function usePopover(): Popover {
  const popupId = useId();
  const [open, setOpenState] = useState(false);
  const [shift, setShift] = useState(0);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const popupRef = useRef<HTMLDivElement | null>(null);
  const focusFirst = useRef(false);

  const items = () => [...(popupRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];

  const setOpen = useCallback((next: boolean) => {
    if (!next) setShift(0);
    setOpenState(next);
  }, []);
  const close = useCallback(() => {
    setShift(0);
    setOpenState(false);
    triggerRef.current?.focus();
  }, []);
  const openAndFocus = useCallback(() => {
    focusFirst.current = true;
    setOpenState(true);
  }, []);

  // Keep the popup inside the viewport: measured before paint, again on resize.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const popup = popupRef.current;
      if (!popup) return;
      const width = document.documentElement.clientWidth;
      popup.style.translate = "";
      const rect = popup.getBoundingClientRect();
      let next = 0;
      if (rect.right > width - EDGE) next = width - EDGE - rect.right;
      if (rect.left + next < EDGE) next = EDGE - rect.left;
      popup.style.translate = next === 0 ? "" : `${next}px 0`;
      setShift(next);
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    if (focusFirst.current) {
      focusFirst.current = false;
      items()[0]?.focus();
    }
    const onDown = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes the popup wherever focus is (a mouse user's focus may still be elsewhere).
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    // Tab past the popup's last control closes it. `null`: focus went nowhere in particular (a
    // click on the page, the window losing focus); outside clicks are handled on mousedown.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next !== null && rootRef.current && !rootRef.current.contains(next)) setOpen(false);
    };
    const root = rootRef.current;
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    root?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
      root?.removeEventListener("focusout", onFocusOut);
    };
  });

  const onTriggerKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openAndFocus();
    }
  };

  const onPopupKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    // Inside a text field the keys move the caret; only the list's items navigate.
    if (isTextField(event.target)) return;
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        if (list.length > 0) move(index + 1);
        break;
      case "ArrowUp":
        if (list.length > 0) move(index <= 0 ? list.length - 1 : index - 1);
        break;
      case "Home":
        if (list.length > 0) move(0);
        break;
      case "End":
        if (list.length > 0) move(list.length - 1);
        break;
    }
  };

  return {
    open,
    close,
    rootRef,
    popupId,
    triggerProps: {
      type: "button",
      ref: triggerRef,
      "aria-expanded": open,
      "aria-controls": open ? popupId : undefined,
      onClick: () => (open ? setOpen(false) : openAndFocus()),
      onKeyDown: onTriggerKeyDown,
    },
    popupProps: {
      id: popupId,
      ref: popupRef,
      style: shift === 0 ? undefined : { translate: `${shift}px 0` },
      tabIndex: -1,
      onKeyDown: onPopupKeyDown,
    },
  };
}

import { useSyncExternalStore } from "react";

const neverChanges = () => () => undefined;
const onTheClient = () => true;
const onTheServer = () => false;

/**
 * Whether React runs this component in the browser: `false` in the server's HTML and during
 * hydration, `true` from the render right after it (and from the first render when the
 * component mounts on the client). The forms use it to stay inert until their handlers are
 * attached (see `BusyForm`).
 *
 * @throws never.
 * @example
 * const hydrated = useHydrated();
 * <button type="submit" disabled={!hydrated}>Continue</button>
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(neverChanges, onTheClient, onTheServer);
}

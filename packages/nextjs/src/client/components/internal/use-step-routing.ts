import { useCallback, useEffect, useState } from "react";

/** How `<SignIn>` / `<SignUp>` reflect their steps: in the path, the hash, or not at all. */
export type Routing = "path" | "hash" | "virtual";

function stepFromLocation<S extends string>(
  routing: Routing,
  path: string | undefined,
  steps: readonly S[],
  first: S,
): S {
  if (typeof window === "undefined" || routing === "virtual") return first;
  const rest =
    routing === "hash"
      ? window.location.hash.replace(/^#\/?/, "")
      : path !== undefined && window.location.pathname.startsWith(`${path.replace(/\/+$/, "")}/`)
        ? window.location.pathname.slice(path.replace(/\/+$/, "").length + 1)
        : "";
  const step = withoutTrailingSlashes(rest);
  return steps.find((known) => known === step) ?? first;
}

/**
 * `text` without its trailing slashes. A loop, since `/\/+$/` backtracks quadratically on a long
 * run of slashes followed by something else, and the URL is whatever a link said.
 */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(0, end);
}

/**
 * The current step of a multi-step form, mirrored in the URL: with `routing="path"` the steps live
 * under `path` (`/sign-up/verify-email-address`), with `"hash"` in the hash; back/forward move
 * between steps. The first step has no suffix.
 *
 * @example
 * const [step, goTo] = useStepRouting("path", "/sign-up", ["start", "verify-email-address"]);
 */
export function useStepRouting<S extends string>(
  routing: Routing,
  path: string | undefined,
  steps: readonly S[],
): [S, (step: S) => void] {
  const first = steps[0] as S;
  const [step, setStep] = useState<S>(first);

  useEffect(() => {
    setStep(stepFromLocation(routing, path, steps, first));
    if (routing === "virtual") return;
    const onPop = () => setStep(stepFromLocation(routing, path, steps, first));
    window.addEventListener("popstate", onPop);
    window.addEventListener("hashchange", onPop);
    return () => {
      window.removeEventListener("popstate", onPop);
      window.removeEventListener("hashchange", onPop);
    };
  }, [routing, path, steps, first]);

  const goTo = useCallback(
    (next: S) => {
      setStep(next);
      if (typeof window === "undefined" || routing === "virtual") return;
      const suffix = next === first ? "" : next;
      const search = window.location.search;
      if (routing === "hash") {
        window.history.pushState(
          null,
          "",
          `${window.location.pathname}${search}${suffix ? `#/${suffix}` : ""}`,
        );
      } else if (path !== undefined) {
        const base = path.replace(/\/+$/, "");
        window.history.pushState(
          null,
          "",
          `${suffix ? `${base}/${suffix}` : base || "/"}${search}`,
        );
      }
    },
    [routing, path, first],
  );

  return [step, goTo];
}

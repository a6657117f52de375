/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/**
 * The head of a list page: its heading, a "create" link, and the search toolbar (a GET form with
 * the search field first; `children` adds filters before the submit button).
 */
export function ListHead(props: {
  title: string;
  action: string;
  create: { href: string; label: string };
  query: string;
  placeholder: string;
  submitLabel: string;
  children?: Child;
}) {
  return (
    <>
      <div class="page-head">
        <h1>{props.title}</h1>
        <a class="button primary" href={props.create.href}>
          {props.create.label}
        </a>
      </div>
      <form
        method="get"
        action={props.action}
        class="toolbar"
        aria-label={`Search ${props.title.toLowerCase()}`}
      >
        <div class="field">
          <label for="q">Search</label>
          <input
            id="q"
            name="q"
            type="search"
            value={props.query}
            placeholder={props.placeholder}
          />
        </div>
        {props.children}
        <button type="submit" class="button secondary">
          {props.submitLabel}
        </button>
      </form>
    </>
  );
}

/** Which rows of a paged list are shown, 1-based (`first` is 0 when there are none). */
export function pageRange(page: number, perPage: number, total: number) {
  return {
    first: total === 0 ? 0 : (page - 1) * perPage + 1,
    last: Math.min(total, page * perPage),
  };
}

/** "Showing 1–50 of 1,234", or "No <noun> match.", announced when it changes. */
export function ListSummary(props: { first: number; last: number; total: number; noun: string }) {
  const n = (value: number) => value.toLocaleString("en");
  return (
    <p class="muted" aria-live="polite">
      {props.total === 0
        ? `No ${props.noun} match.`
        : `Showing ${n(props.first)}–${n(props.last)} of ${n(props.total)}`}
    </p>
  );
}

/** Previous and next links of a paged list (each left out when there is no such page). */
export function Pager(props: { previous: string | null; next: string | null }) {
  return (
    <nav aria-label="Pages" class="pager">
      {props.previous !== null ? (
        <a href={props.previous} rel="prev">
          ← Previous
        </a>
      ) : null}
      {props.next !== null ? (
        <a href={props.next} rel="next">
          Next →
        </a>
      ) : null}
    </nav>
  );
}

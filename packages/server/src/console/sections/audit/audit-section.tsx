/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import type { ConsoleAuditRecord } from "../../../store/console-store.js";
import type { ConsoleEnv } from "../../console-env.js";
import { formatTime, renderPage } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";

const PER_PAGE = 50;

function AuditPage(props: { entries: ConsoleAuditRecord[]; total: number; page: number }) {
  const base = `${CONSOLE_PATH}/audit`;
  return (
    <>
      <h1>Audit log</h1>
      <p class="muted">
        Every change made through the console, and every console sign-in, newest first (
        {props.total.toLocaleString("en")} in all).
      </p>
      <DataTable
        caption="Audit log"
        columns={["When", "Who", "Action", "Object", "Detail", "Address"]}
      >
        {props.entries.map((entry) => (
          <tr>
            <td>{formatTime(entry.createdAt)}</td>
            <td>{entry.actor}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>{entry.targetId === null ? "—" : <code>{entry.targetId}</code>}</td>
            <td>
              {Object.keys(entry.detail).length === 0 ? (
                "—"
              ) : (
                <code>{JSON.stringify(entry.detail)}</code>
              )}
            </td>
            <td>{entry.address ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pages" class="pager">
        {props.page > 1 ? <a href={`${base}?page=${props.page - 1}`}>← Newer</a> : null}
        {props.page * PER_PAGE < props.total ? (
          <a href={`${base}?page=${props.page + 1}`}>Older →</a>
        ) : null}
      </nav>
    </>
  );
}

/** The audit log page: who changed what through the console, and console sign-ins. */
export function mountAuditSection(app: Hono<ConsoleEnv>): void {
  app.get("/audit", async (c) => {
    const requested = Number.parseInt(c.req.query("page") ?? "1", 10);
    const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
    const { entries, total } = await c
      .get("setup")
      .services.store.listConsoleAudit({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return renderPage(c, {
      title: "Audit log",
      active: "audit",
      body: <AuditPage entries={entries} total={total} page={page} />,
    });
  });
}

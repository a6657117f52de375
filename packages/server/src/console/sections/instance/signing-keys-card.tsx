/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { SigningKeyTimeline } from "../../../tokens/signing-key-ring.js";
import type { JwkJson } from "../../../wire/jwks-json.js";
import { ActionForm, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";

type TimelineKey = SigningKeyTimeline["keys"][number];

/** Where a key stands now: signing, waiting for its publish delay, published, or retired. */
function KeyState(props: { entry: TimelineKey; timeline: SigningKeyTimeline }) {
  const { entry, timeline } = props;
  if (entry.key.kid === timeline.signingKid) return <span class="badge success">Signing now</span>;
  if (entry.key.activeAt > timeline.now)
    return <span class="badge warning">Published, not signing yet</span>;
  if (entry.published) return <span class="badge">Published (verifies older tokens)</span>;
  return <span class="badge danger">Retired</span>;
}

/**
 * The JWKS and the key schedule: every key with its algorithm, when it was published, when it
 * signs, until when it stays published; and "Rotate now", refused while a rotated-in key waits.
 */
export function SigningKeysCard(props: {
  timeline: SigningKeyTimeline;
  jwks: JwkJson[];
  csrfToken: string;
}) {
  const { timeline } = props;
  const pending = timeline.keys.find((entry) => entry.key.activeAt > timeline.now);
  return (
    <section aria-labelledby="keys-heading" class="card">
      <h2 id="keys-heading">Signing keys (JWKS)</h2>
      <p class="muted">
        Session tokens are signed with one key at a time. A new key is published in the JWKS at once
        and signs only after the publish delay (longer than verifiers cache the JWKS); the key it
        replaces stays published until the last token it signed has expired.
      </p>
      <DataTable
        caption="Signing keys"
        columns={[
          "Key id",
          "Algorithm",
          "Published",
          "Signs from",
          "Signs until",
          "Published until",
          "State",
        ]}
      >
        {timeline.keys.map((entry) => {
          const jwk = props.jwks.find((key) => key.kid === entry.key.kid);
          return (
            <tr>
              <th scope="row">
                <code>{entry.key.kid}</code>
              </th>
              <td>{jwk === undefined ? "RS256" : `${jwk.alg} (${jwk.kty}, ${jwk.use})`}</td>
              <td>{formatTime(entry.key.createdAt)}</td>
              <td>{formatTime(entry.key.activeAt)}</td>
              <td>
                {entry.signsUntil === null ? "the next rotation" : formatTime(entry.signsUntil)}
              </td>
              <td>
                {entry.publishedUntil === null ? "while in use" : formatTime(entry.publishedUntil)}
              </td>
              <td>
                <KeyState entry={entry} timeline={timeline} />
              </td>
            </tr>
          );
        })}
      </DataTable>
      {pending === undefined ? (
        <ActionForm
          action={`${CONSOLE_PATH}/instance/rotate-key`}
          csrfToken={props.csrfToken}
          label="Rotate now"
          confirm="Publish a new signing key now? It starts signing after the publish delay."
        />
      ) : (
        <p>
          Key <code>{pending.key.kid}</code> starts signing at{" "}
          {`${formatTime(pending.key.activeAt)}; rotate again after that.`}
        </p>
      )}
    </section>
  );
}

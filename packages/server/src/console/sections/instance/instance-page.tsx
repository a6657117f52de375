/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { SigningKeyTimeline } from "../../../tokens/signing-key-ring.js";
import type { JwkJson } from "../../../wire/jwks-json.js";
import { CsrfField } from "../../console-page.js";
import type { ConsoleInstanceFacts } from "../../console-setup.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { type AppEnv, appEnvLines } from "./app-env-lines.js";
import { SigningKeysCard } from "./signing-keys-card.js";

function InstanceFactsCard(props: { facts: ConsoleInstanceFacts }) {
  const { facts } = props;
  return (
    <section aria-labelledby="instance-heading" class="card">
      <h2 id="instance-heading">Instance</h2>
      <dl class="facts">
        <dt>Instance type</dt>
        <dd>{facts.instanceType}</dd>
        <dt>Frontend API</dt>
        <dd>{facts.frontendApiUrl === null ? "—" : <code>{facts.frontendApiUrl}</code>}</dd>
        <dt>Publishable key</dt>
        <dd>{facts.publishableKey === null ? "—" : <code>{facts.publishableKey}</code>}</dd>
        <dt>Allowed origins</dt>
        <dd>
          {facts.allowedOrigins.length === 0 ? (
            "None"
          ) : (
            <ul class="plain" aria-label="Allowed origins">
              {facts.allowedOrigins.map((origin) => (
                <li>
                  <code>{origin}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Mail transport</dt>
        <dd>{facts.mailTransport}</dd>
      </dl>
    </section>
  );
}

/**
 * The lines an app's `.env.local` needs. The secret key is masked unless this page answers the
 * form that asked to reveal it.
 */
function AppEnvCard(props: { env: AppEnv; revealed: boolean; csrfToken: string }) {
  return (
    <section aria-labelledby="env-heading" class="card">
      <h2 id="env-heading">Environment for an app</h2>
      <p class="muted">
        Put these lines in the app's <code>.env.local</code>; Clerk's SDKs and Latchkey's read the
        same names.
      </p>
      <pre class="json">{appEnvLines(props.env, props.revealed).join("\n")}</pre>
      {props.revealed ? (
        <p class="muted" role="status">
          The secret key is shown on this page only; reloading does not show it again.
        </p>
      ) : (
        <form method="post" action={`${CONSOLE_PATH}/instance/secret-key`} class="inline-form">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button secondary">
            Show the secret key
          </button>
        </form>
      )}
    </section>
  );
}

/** Keys & instance: the JWKS and key schedule, the instance's settings, an app's environment. */
export function InstancePage(props: {
  timeline: SigningKeyTimeline;
  jwks: JwkJson[];
  facts: ConsoleInstanceFacts;
  env: AppEnv;
  revealed: boolean;
  csrfToken: string;
}) {
  return (
    <>
      <h1>Keys &amp; instance</h1>
      <SigningKeysCard timeline={props.timeline} jwks={props.jwks} csrfToken={props.csrfToken} />
      <InstanceFactsCard facts={props.facts} />
      <AppEnvCard env={props.env} revealed={props.revealed} csrfToken={props.csrfToken} />
    </>
  );
}

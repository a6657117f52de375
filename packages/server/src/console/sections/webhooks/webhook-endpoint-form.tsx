/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { WebhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { type ConsoleForm, formText } from "../../console-form.js";

/** An endpoint's settings as typed in the console's form. */
export interface EndpointForm {
  url: string;
  eventTypes: string;
  description: string;
}

/** The form's fields as posted. */
export function readEndpointForm(form: ConsoleForm): EndpointForm {
  return {
    url: formText(form, "url").trim(),
    eventTypes: formText(form, "event_types"),
    description: formText(form, "description").trim(),
  };
}

/** An endpoint's settings, to fill the edit form. */
export function endpointFormOf(endpoint: WebhookEndpointJson): EndpointForm {
  return {
    url: endpoint.url,
    eventTypes: endpoint.event_types.join(", "),
    description: endpoint.description ?? "",
  };
}

/**
 * The Backend API body of the form: event types split on commas and white space (none: every
 * event), an empty description cleared. The API checks the values.
 */
export function endpointBody(form: EndpointForm) {
  return {
    url: form.url,
    event_types: form.eventTypes.split(/[\s,]+/).filter((type) => type !== ""),
    description: form.description === "" ? null : form.description,
  };
}

const FIELDS = [
  {
    key: "url",
    name: "url",
    label: "Endpoint URL",
    type: "url",
    placeholder: "https://app.example.com/api/webhooks",
    hint: null,
  },
  {
    key: "eventTypes",
    name: "event_types",
    label: "Event types",
    type: "text",
    placeholder: "user.created, session.created",
    hint: "Separated by commas or spaces; leave empty to receive every event.",
  },
  {
    key: "description",
    name: "description",
    label: "Description",
    type: "text",
    placeholder: "",
    hint: null,
  },
] as const;

/** The URL, event types and description fields of the add and edit forms. */
export function EndpointFields(props: { form: EndpointForm; idPrefix: string }) {
  return (
    <>
      {FIELDS.map((field) => {
        const id = `${props.idPrefix}-${field.name}`;
        return (
          <>
            <label for={id}>{field.label}</label>
            <input
              id={id}
              name={field.name}
              type={field.type}
              value={props.form[field.key]}
              placeholder={field.placeholder === "" ? undefined : field.placeholder}
              required={field.key === "url"}
              aria-describedby={field.hint === null ? undefined : `${id}-hint`}
            />
            {field.hint === null ? null : (
              <p class="muted" id={`${id}-hint`}>
                {field.hint}
              </p>
            )}
          </>
        );
      })}
    </>
  );
}

// The Latchkey console's one script: confirmation dialogs and JSON checks as you type.
// Every page works without it; the server checks everything again.

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

/** Marks a JSON textarea invalid (with a message after it) while its text does not parse. */
function checkJson(textarea) {
  let message = "";
  const text = textarea.value.trim();
  if (text !== "") {
    try {
      const value = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        message = "Must be a JSON object ({ … }).";
      }
    } catch (error) {
      message = `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const id = `${textarea.id}-json-error`;
  let note = document.getElementById(id);
  if (message === "") {
    textarea.removeAttribute("aria-invalid");
    note?.remove();
    return true;
  }
  if (note === null) {
    note = document.createElement("p");
    note.id = id;
    note.className = "json-error";
    note.setAttribute("role", "status");
    textarea.insertAdjacentElement("afterend", note);
    textarea.setAttribute("aria-describedby", id);
  }
  note.textContent = message;
  textarea.setAttribute("aria-invalid", "true");
  return false;
}

document.addEventListener("input", (event) => {
  const target = event.target;
  if (target instanceof HTMLTextAreaElement && target.hasAttribute("data-json")) checkJson(target);
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-json-form")) return;
  const fields = [...form.querySelectorAll("textarea[data-json]")];
  if (!fields.map(checkJson).every(Boolean)) event.preventDefault();
});

// JWT template preview: as you type, posts the template form (without its signing key) to the
// preview endpoint and shows the claims it renders for the chosen user and session. Without this
// script the form's Preview button asks for the same preview as a page.
(() => {
  const form = document.querySelector("form[data-template-preview]");
  if (!(form instanceof HTMLFormElement)) return;
  const output = document.getElementById("preview-output");
  const error = document.getElementById("preview-error");
  const sessions = document.getElementById("preview_session");
  if (!output || !error || !(sessions instanceof HTMLSelectElement)) return;
  let timer = 0;
  let latest = 0;

  function showSessions(answer) {
    const keep = sessions.options[0];
    sessions.replaceChildren(keep);
    for (const session of answer.sessions) {
      const option = new Option(session.label, session.id);
      option.selected = session.id === answer.sessionId;
      sessions.append(option);
    }
  }

  async function refresh() {
    const ticket = ++latest;
    const body = new URLSearchParams(new FormData(form));
    body.delete("signing_key");
    if (body.get("preview_user") === "") return;
    try {
      const response = await fetch(form.dataset.templatePreview, {
        method: "POST",
        body,
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (ticket !== latest) return;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const answer = await response.json();
      showSessions(answer);
      error.textContent = answer.ok ? "" : answer.error;
      output.textContent = answer.ok ? JSON.stringify(answer.claims, null, 2) : "—";
    } catch (failure) {
      if (ticket === latest) error.textContent = `The preview is unavailable (${failure.message}).`;
    }
  }

  const schedule = (event) => {
    const name = event.target?.name;
    if (name === "signing_key" || name === "custom_signing_key" || name === "signing_algorithm") {
      return;
    }
    // Another user: their newest active session until one is chosen.
    if (name === "preview_user") sessions.value = "";
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  };
  form.addEventListener("input", schedule);
  form.addEventListener("change", (event) => {
    if (event.target === sessions) schedule(event);
  });
})();

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

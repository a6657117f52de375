import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useAuth } from "../hooks/use-auth.js";
import { useOrganizationList } from "../hooks/use-organization-list.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { Avatar } from "./internal/avatar.js";
import { BusyForm } from "./internal/busy-form.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { FormErrorBanner } from "./internal/form-error-banner.js";
import { FormField } from "./internal/form-field.js";
import { SubmitButton } from "./internal/submit-button.js";
import { useElementClass } from "./internal/use-element-class.js";
import { useFormSubmission } from "./internal/use-form-submission.js";
import { usePopover } from "./internal/use-popover.js";

/** Props of `<OrganizationSwitcher/>`. */
export interface OrganizationSwitcherProps {
  /** Hides the "Personal account" entry. */
  hidePersonal?: boolean;
  /** Where to go after switching (default: stay, refreshing the server components). */
  afterSelectOrganizationUrl?: string;
  afterSelectPersonalUrl?: string;
  /** Where to go after creating an organization (default: stay). */
  afterCreateOrganizationUrl?: string;
  appearance?: Appearance;
}

const FIELDS = { name: "name", slug: "slug" };

/**
 * Clerk's `<OrganizationSwitcher/>`: shows the active organization (or the personal account),
 * lists the user's memberships to switch (a session touch with `active_organization_id`) and
 * creates organizations. Keyboard: Enter/Space/ArrowDown open, arrows move, Escape closes.
 *
 * @throws never; failures show in the popup.
 * @example
 * ```tsx
 * <SignedIn><OrganizationSwitcher hidePersonal={false} /></SignedIn>
 * ```
 */
export function OrganizationSwitcher(props: OrganizationSwitcherProps): ReactNode {
  const { appearance } = useClerkContext("OrganizationSwitcher");
  const { isSignedIn, orgId } = useAuth();
  const { userMemberships, setActive, createOrganization } = useOrganizationList({
    userMemberships: true,
  });
  const cls = useElementClass(props.appearance);
  const popover = usePopover();
  const popupId = useId();
  const formId = useId();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const { errors, setErrors, busy, run } = useFormSubmission(FIELDS);
  if (!isSignedIn) return null;

  const active = userMemberships.data.find((m) => m.organization.id === orgId);
  const label = active?.organization.name ?? (orgId ? "Organization" : "Personal account");

  const select = (organization: string | null) =>
    run(async () => {
      const redirectUrl =
        organization === null ? props.afterSelectPersonalUrl : props.afterSelectOrganizationUrl;
      await setActive({ organization, ...(redirectUrl ? { redirectUrl } : {}) });
      popover.setOpen(false);
      popover.triggerRef.current?.focus();
    });

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setErrors({ fields: { name: "Enter a name for the organization." }, form: null });
      return;
    }
    void run(async () => {
      const organization = await createOrganization({
        name: name.trim(),
        ...(slug.trim() ? { slug: slug.trim() } : {}),
      });
      await setActive({
        organization: organization.id,
        ...(props.afterCreateOrganizationUrl
          ? { redirectUrl: props.afterCreateOrganizationUrl }
          : {}),
      });
      setCreating(false);
      setName("");
      setSlug("");
      popover.setOpen(false);
    });
  };

  return (
    <div
      className={`latchkey-organization-switcher-box ${cls("rootBox")}`}
      ref={popover.rootRef}
      data-latchkey-component="organization-switcher"
    >
      <DefaultStyles provider={appearance} component={props.appearance} />
      <button
        type="button"
        ref={popover.triggerRef}
        className={cls("organizationSwitcherTrigger")}
        aria-haspopup="dialog"
        aria-expanded={popover.open}
        aria-controls={popover.open ? popupId : undefined}
        onClick={() => popover.setOpen(!popover.open)}
        onKeyDown={popover.onTriggerKeyDown}
        data-latchkey-active-organization={orgId ?? ""}
      >
        <Avatar
          imageUrl={active?.organization.imageUrl}
          hasImage={active?.organization.hasImage ?? false}
          name={label}
          cls={cls}
        />
        <span className={cls("organizationPreview")}>{label}</span>
      </button>
      {popover.open ? (
        <div
          id={popupId}
          ref={popover.popupRef}
          className={cls("organizationSwitcherPopoverCard")}
          role="dialog"
          aria-label="Switch organization"
          onKeyDown={popover.onPopupKeyDown}
        >
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {props.hidePersonal ? null : (
              <li>
                <button
                  type="button"
                  data-latchkey-item=""
                  className={cls("organizationSwitcherPopoverActionButton")}
                  aria-current={orgId ? undefined : "true"}
                  disabled={busy}
                  onClick={() => void select(null)}
                >
                  Personal account
                </button>
              </li>
            )}
            {userMemberships.data.map((membership) => (
              <li key={membership.id}>
                <button
                  type="button"
                  data-latchkey-item=""
                  data-latchkey-organization={membership.organization.id}
                  className={cls("organizationSwitcherPopoverActionButton")}
                  aria-current={membership.organization.id === orgId ? "true" : undefined}
                  disabled={busy}
                  onClick={() => void select(membership.organization.id)}
                >
                  {membership.organization.name}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                data-latchkey-item=""
                className={cls("organizationSwitcherPopoverActionButton")}
                aria-expanded={creating}
                onClick={() => setCreating(!creating)}
              >
                Create organization
              </button>
            </li>
          </ul>
          {userMemberships.isError ? (
            <p className={cls("alert")} role="alert">
              Your organizations could not be loaded.
            </p>
          ) : null}
          {creating ? (
            <BusyForm onSubmit={onCreate} busy={busy} cls={cls}>
              <FormField
                formId={formId}
                name="name"
                label="Organization name"
                autoFocus
                value={name}
                onChange={setName}
                error={errors.fields.name}
                cls={cls}
              />
              <FormField
                formId={formId}
                name="slug"
                label="Slug (optional)"
                value={slug}
                onChange={setSlug}
                error={errors.fields.slug}
                cls={cls}
              />
              <SubmitButton busy={busy} cls={cls}>
                Create organization
              </SubmitButton>
            </BusyForm>
          ) : null}
          <FormErrorBanner message={errors.form} cls={cls} />
        </div>
      ) : null}
    </div>
  );
}

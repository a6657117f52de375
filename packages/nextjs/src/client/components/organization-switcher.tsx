import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useAuth } from "../hooks/use-auth.js";
import { useOrganizationList } from "../hooks/use-organization-list.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import { ActionButton } from "./internal/action-button.js";
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

/** The list is a plain list of buttons, even without the default stylesheet. */
const LIST_STYLE = { listStyle: "none", margin: 0, padding: 0 } as const;

/** One entry of the list: its id (`null`: the personal account), name and slug. */
interface Entry {
  key: string;
  organizationId: string | null;
  name: string;
  slug: string | null;
}

/**
 * Clerk's `<OrganizationSwitcher/>`: shows the active organization (or the personal account),
 * lists the user's memberships to switch (a session touch with `active_organization_id`) and
 * creates organizations (then switches to the new one). Each entry shows its slug, so
 * organizations of the same name differ, and the active one is marked ("Active", a check and
 * `aria-current`). Keyboard: Enter/Space/ArrowDown open, arrows/Home/End move between entries,
 * Tab moves through the create form, Escape closes; focus returns to the trigger after a switch.
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
  const t = useLocalization();
  const popover = usePopover();
  const popupId = popover.popupId;
  const formId = useId();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const { errors, setErrors, busy, run } = useFormSubmission(FIELDS);
  if (!isSignedIn) return null;

  const active = userMemberships.data.find((m) => m.organization.id === orgId);
  const label =
    active?.organization.name ??
    (orgId ? t.organizationSwitcher.unknownOrganization : t.organizationSwitcher.personalWorkspace);

  const select = (organization: string | null) =>
    run(async () => {
      const redirectUrl =
        organization === null ? props.afterSelectPersonalUrl : props.afterSelectOrganizationUrl;
      await setActive({ organization, ...(redirectUrl ? { redirectUrl } : {}) });
      popover.close();
    });

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setErrors({ fields: { name: t.formErrors.organizationNameRequired }, form: null });
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
      popover.close();
    });
  };

  const entries: Entry[] = [
    ...(props.hidePersonal
      ? []
      : [
          {
            key: "personal",
            organizationId: null,
            name: t.organizationSwitcher.personalWorkspace,
            slug: null,
          },
        ]),
    ...userMemberships.data.map((membership) => ({
      key: membership.id,
      organizationId: membership.organization.id,
      name: membership.organization.name,
      slug: membership.organization.slug,
    })),
  ];

  return (
    <div
      className={`latchkey-organization-switcher-box ${cls("rootBox")}`}
      style={cls.rootStyle}
      ref={popover.rootRef}
      data-latchkey-component="organization-switcher"
    >
      <DefaultStyles provider={appearance} component={props.appearance} />
      <button
        {...popover.triggerProps}
        className={cls("organizationSwitcherTrigger")}
        aria-haspopup="dialog"
        aria-label={formatMessage(t.organizationSwitcher.action__open, { name: label })}
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
          {...popover.popupProps}
          className={cls("organizationSwitcherPopoverCard")}
          role="dialog"
          aria-label={t.organizationSwitcher.title}
        >
          <ul className="latchkey-organization-switcher-list" style={LIST_STYLE}>
            {entries.map((entry) => {
              const current = entry.organizationId === (orgId ?? null);
              const nameId = `${popupId}-${entry.key}-name`;
              const detailId = `${popupId}-${entry.key}-detail`;
              return (
                <li key={entry.key}>
                  <ActionButton
                    element="organizationSwitcherPopoverActionButton"
                    busy={busy}
                    data-latchkey-item=""
                    data-latchkey-organization={entry.organizationId ?? undefined}
                    aria-current={current ? "true" : undefined}
                    aria-labelledby={nameId}
                    aria-describedby={entry.slug || current ? detailId : undefined}
                    onClick={() => void select(entry.organizationId)}
                    cls={cls}
                  >
                    <span className="latchkey-organization-switcher-check" aria-hidden="true">
                      {current ? "✓" : ""}
                    </span>
                    <span className="latchkey-organization-switcher-entry">
                      <span id={nameId}>{entry.name}</span>
                      {entry.slug || current ? (
                        <span
                          id={detailId}
                          className={cls("organizationPreviewSecondaryIdentifier")}
                        >
                          {entry.slug ?? ""}
                          {current ? (
                            <span className={cls("badge")}>
                              {t.organizationSwitcher.badge__active}
                            </span>
                          ) : null}
                        </span>
                      ) : null}
                    </span>
                  </ActionButton>
                </li>
              );
            })}
            <li>
              <ActionButton
                element="organizationSwitcherPopoverActionButton"
                busy={busy}
                data-latchkey-item=""
                aria-expanded={creating}
                aria-controls={creating ? `${formId}-create` : undefined}
                onClick={() => setCreating(!creating)}
                cls={cls}
              >
                <span className="latchkey-organization-switcher-check" aria-hidden="true">
                  +
                </span>
                <span className="latchkey-organization-switcher-entry">
                  {t.organizationSwitcher.action__createOrganization}
                </span>
              </ActionButton>
            </li>
          </ul>
          {userMemberships.isError ? (
            <p className={cls("alert")} role="alert">
              {t.organizationSwitcher.loadFailed}
            </p>
          ) : null}
          {creating ? (
            <div id={`${formId}-create`}>
              <BusyForm onSubmit={onCreate} busy={busy} cls={cls}>
                <FormField
                  formId={formId}
                  name="name"
                  label={t.formFieldLabel__organizationName}
                  autoFocus
                  required
                  maxLength={256}
                  value={name}
                  onChange={setName}
                  error={errors.fields.name}
                  cls={cls}
                />
                <FormField
                  formId={formId}
                  name="slug"
                  label={t.formFieldLabel__organizationSlug}
                  hint={t.formFieldHintText__slug}
                  autoCapitalize="none"
                  spellCheck={false}
                  pattern="[a-z0-9-]*"
                  maxLength={256}
                  value={slug}
                  onChange={setSlug}
                  error={errors.fields.slug}
                  cls={cls}
                />
                <SubmitButton busy={busy} cls={cls}>
                  {t.createOrganization.formButtonSubmit}
                </SubmitButton>
              </BusyForm>
            </div>
          ) : null}
          <FormErrorBanner message={errors.form} cls={cls} />
        </div>
      ) : null}
    </div>
  );
}

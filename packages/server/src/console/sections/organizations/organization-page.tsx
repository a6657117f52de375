/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { MetadataCard, type MetadataDraft } from "../../console-metadata.js";
import { formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { organizationDeletion } from "./organization-deletion.js";
import { OrganizationInvitationsCard } from "./organization-invitations-card.js";
import { OrganizationMembersCard } from "./organization-members-card.js";
import type { RoleChoice } from "./organization-role-choices.js";
import type {
  ConsoleInvitationJson,
  ConsoleMembershipJson,
  ConsoleOrganizationJson,
  ConsolePage,
} from "./organization-wire.js";

/** The metadata fields of an organization, as the metadata card edits them. */
export const ORGANIZATION_METADATA_FIELDS = [
  { name: "public_metadata", label: "Public metadata (readable by members)" },
  { name: "private_metadata", label: "Private metadata (Backend API only)" },
] as const;

/** The console path of an organization's page. */
export const organizationPath = (id: string) =>
  `${CONSOLE_PATH}/organizations/${encodeURIComponent(id)}`;

/** An organization's page: details, metadata, members, invitations, delete. */
export function OrganizationPage(props: {
  organization: ConsoleOrganizationJson;
  members: ConsolePage<ConsoleMembershipJson>;
  invitations: ConsoleInvitationJson[];
  roles: readonly RoleChoice[];
  csrfToken: string;
  draft: MetadataDraft | null;
}) {
  const { organization: org, csrfToken } = props;
  const base = organizationPath(org.id);
  const facts: [string, string | number][] = [
    ["Organization id", org.id],
    ["Slug", org.slug ?? "—"],
    ["Created by", org.created_by ?? "—"],
    ["Members", org.members_count ?? props.members.total_count],
    ["Pending invitations", org.pending_invitations_count ?? "—"],
    ["Member limit", org.max_allowed_memberships === 0 ? "none" : org.max_allowed_memberships],
    ["Created", formatTime(org.created_at)],
    ["Updated", formatTime(org.updated_at)],
  ];
  return (
    <>
      <p>
        <a href={`${CONSOLE_PATH}/organizations`}>← All organizations</a>
      </p>
      <h1>{org.name}</h1>
      <section aria-labelledby="details-heading" class="card">
        <h2 id="details-heading">Details</h2>
        <dl class="facts">
          {facts.map(([term, value]) => (
            <>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      </section>
      <OrganizationMembersCard
        base={base}
        csrfToken={csrfToken}
        members={props.members.data}
        total={props.members.total_count}
        roles={props.roles}
      />
      <OrganizationInvitationsCard
        base={base}
        csrfToken={csrfToken}
        invitations={props.invitations}
        roles={props.roles}
      />
      <MetadataCard
        action={`${base}/metadata`}
        csrfToken={csrfToken}
        fields={ORGANIZATION_METADATA_FIELDS}
        saved={{ public_metadata: org.public_metadata, private_metadata: org.private_metadata }}
        draft={props.draft}
      />
      <organizationDeletion.Card id={org.id} csrfToken={csrfToken} />
    </>
  );
}

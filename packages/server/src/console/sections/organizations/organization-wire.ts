/** The parts of Clerk's `organization` object the console shows. */
export interface ConsoleOrganizationJson {
  id: string;
  name: string;
  slug: string | null;
  created_by?: string;
  max_allowed_memberships: number;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  members_count?: number;
  pending_invitations_count?: number;
  created_at: number;
  updated_at: number;
}

/** The parts of an `organization_membership` the console shows. */
export interface ConsoleMembershipJson {
  id: string;
  role: string;
  role_name: string;
  created_at: number;
  public_user_data: {
    user_id: string;
    first_name: string | null;
    last_name: string | null;
    identifier: string | null;
  };
}

/** The parts of an `organization_invitation` the console shows. */
export interface ConsoleInvitationJson {
  id: string;
  email_address: string;
  role: string;
  status: "pending" | "accepted" | "revoked" | "expired";
  created_at: number;
  expires_at: number | null;
}

/** A Backend API list answer: a page and the total. */
export interface ConsolePage<T> {
  data: T[];
  total_count: number;
}

/** A member's name for tables: full name, else identifier, else user id. */
export function memberDisplayName(member: ConsoleMembershipJson): string {
  const data = member.public_user_data;
  const name = [data.first_name, data.last_name].filter(Boolean).join(" ");
  return name !== "" ? name : (data.identifier ?? data.user_id);
}

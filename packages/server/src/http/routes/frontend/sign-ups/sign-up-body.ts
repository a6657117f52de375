import { z } from "zod";

/** Fields of `POST /v1/client/sign_ups` and `PATCH …/{sign_up_id}` (form values or JSON). */
export const signUpBody = z.object({
  email_address: z.string().optional(),
  password: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  unsafe_metadata: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  legal_accepted: z.union([z.boolean(), z.string()]).optional(),
  strategy: z.string().optional(),
  redirect_url: z.string().optional(),
  action_complete_redirect_url: z.string().optional(),
  /** Take over the provider account of the client's OAuth sign-in (`transferable`). */
  transfer: z.union([z.boolean(), z.string()]).optional(),
});

export type SignUpBody = z.infer<typeof signUpBody>;

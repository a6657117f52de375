import type { ProviderAccount } from "../../store/external-account-store.js";
import type { NewUser, UserRecord } from "../../store/store.js";
import type { StoreTransaction, TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Inserts a user (with identifications, password, TOTP and backup codes as given) inside a flow's
 * transaction and raises `user.created` with the new user.
 *
 * @throws ApiError `form_identifier_exists` when an identifier is taken
 * @example
 * const user = await insertUserRaisingCreated(tx, { emailAddresses, password });
 * const viaGoogle = await insertUserRaisingCreated(tx, { emailAddresses }, providerAccount);
 */
export async function insertUserRaisingCreated(
  tx: StoreTransaction,
  input: NewUser,
  externalAccount: ProviderAccount | null = null,
): Promise<UserRecord> {
  let user = await tx.createUser(input);
  if (externalAccount !== null) {
    await tx.insertExternalAccount(user.id, externalAccount);
    user = (await tx.getUser(user.id)) ?? user;
  }
  await tx.emit({ type: "user.created", user });
  return user;
}

/**
 * Creates a user in one transaction, raising `user.created`.
 *
 * @throws ApiError `form_identifier_exists` when an identifier is taken (nothing is written)
 * @example
 * const { user } = await createUser(store, { username: "ada" });
 */
export function createUser(
  store: TransactionalStore,
  input: NewUser,
): Promise<FlowResult<{ user: UserRecord }>> {
  return runFlow(store, async (tx) => ({ user: await insertUserRaisingCreated(tx, input) }));
}

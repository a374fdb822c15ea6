/*
 * Owner sign-up, the owner's own record and the store's message log. These endpoints are not in the committed
 * OpenAPI snapshot yet (they arrive with the owner sign-up work in store-console); once the snapshot is refreshed,
 * replace these hand-written types with aliases of the generated ones in types.ts.
 */

/** POST /api/stores/{store}/owner-signup/codes → 202 */
export interface CodeSent {
  expiresInSeconds: number;
  resendInSeconds: number;
}

/** POST /api/stores/{store}/owner-signup → 201 */
/** No username: the login is named after the phone (owner.<phone>) and signs in with the phone number. */
export interface OwnerSignUp {
  phone: string;
  code: string;
  password: string;
  /** the share link the owner came by (decision 0040): their sign-up is a conversion of it */
  shareToken?: string;
}

/** signInWithPhone is false when the phone has logins in several stores: then sign in with the username. */
export interface SignedUp {
  username: string;
  memberId: string;
  store: string;
  signInWithPhone: boolean;
}

/** One row of GET /api/stores/{store}/messages; the field names vary until the contract is published. */
export interface OutgoingMessage {
  id?: string;
  phone?: string;
  recipient?: string;
  kind?: string;
  type?: string;
  channel?: string;
  text?: string;
  body?: string;
  content?: string;
  sentAt?: string;
  createdAt?: string;
}

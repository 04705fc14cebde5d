/**
 * Who an alert mentions: the vocabulary the policy names and the renderers draw. It lives below
 * both layers, so that neither imports the other for it.
 *
 * @module
 */

/**
 * Who to notify: a user group, a user, or (only when asked) `here` / `channel`.
 */
export type Mention = UserGroupMention | UserMention | 'here' | 'channel';

/** Mentions a user group. */
export interface UserGroupMention {
  /** The user group id, `S...`. */
  readonly userGroup: string;
}

/** Mentions a user. */
export interface UserMention {
  /** The user id, `U...` or `W...`. */
  readonly user: string;
}

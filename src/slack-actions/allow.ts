/**
 * Who may act on an alert: listed Slack user ids, and the members of listed user groups (read
 * with `usergroups.users.list`, kept for a while).
 *
 * @internal
 * @module
 */

/** What the allow list needs of a `WebClient`. */
export interface UsergroupsClient {
  readonly usergroups: {
    readonly users: {
      list(args: { usergroup: string }): Promise<{ readonly users?: readonly string[] }>;
    };
  };
}

/** A user group id (`S0123ABCD`); every other entry is a user id. */
const USER_GROUP = /^S[A-Z0-9]+$/;

/**
 * The check of an allow list: `true` for a listed user or a member of a listed group.
 *
 * @internal
 */
export function createAllowList(
  allow: readonly string[],
  now: () => number,
  cacheSeconds: number,
): (user: string, client: UsergroupsClient) => Promise<boolean> {
  const users = new Set(allow.filter((id) => !USER_GROUP.test(id)));
  const groups = allow.filter((id) => USER_GROUP.test(id));
  const members = new Map<string, { readonly at: number; readonly users: ReadonlySet<string> }>();

  async function membersOf(group: string, client: UsergroupsClient): Promise<ReadonlySet<string>> {
    const cached = members.get(group);
    if (cached !== undefined && now() < cached.at + cacheSeconds * 1000) return cached.users;
    const { users: listed = [] } = await client.usergroups.users.list({ usergroup: group });
    const read = new Set(listed);
    members.set(group, { at: now(), users: read });
    return read;
  }

  return async (user, client) => {
    if (users.has(user)) return true;
    for (const group of groups) if ((await membersOf(group, client)).has(user)) return true;
    return false;
  };
}

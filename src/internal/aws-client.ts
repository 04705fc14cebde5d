/**
 * The shape of an AWS SDK v3 client that ecs-slack's options accept, declared here so that the
 * package's type declarations never import an optional `@aws-sdk/*` peer.
 *
 * @module
 */

/**
 * An AWS SDK v3 client as ecs-slack uses it: only `send(command, { abortSignal })`. A real
 * `SNSClient`, `ECSClient` or `CloudWatchLogsClient` is one, so pass yours without a cast; this
 * structural type keeps the SDK out of ecs-slack's declarations, so a project that does not
 * install the optional SDK peers still type-checks (with `skipLibCheck: false`).
 */
export interface AwsClientLike {
  /**
   * Sends one command, as the SDK client's `send` does.
   *
   * @param command - A command of the client's service (`new PublishCommand(...)`).
   * @param options - `abortSignal` ends the call.
   * @returns The command's output.
   */
  send(command: { readonly input: object }, options?: { readonly abortSignal?: AbortSignal }): Promise<object>;
}

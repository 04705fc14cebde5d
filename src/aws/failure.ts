/**
 * AWS failures as short, safe words for a note: the error's class name, never its message.
 *
 * @internal
 * @module
 */

/**
 * A short word for why an AWS call failed: `AccessDenied`, `Throttling`, `timeout`,
 * `network error`, ... Only the error's name or code is read (an SDK message may quote an ARN, a
 * role or a request id); anything that is not a plain identifier becomes `error`.
 *
 * @internal
 */
export function failureCode(error: unknown): string {
  const record = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  const name = typeof record.name === 'string' ? record.name : '';
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'RequestTimeout' || name === 'BudgetExceeded')
    return 'timeout';
  const code = typeof record.code === 'string' ? record.code : '';
  if (/^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return 'network error';
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) || name === 'Error') return 'error';
  // `AccessDeniedException` reads as `AccessDenied`, `ThrottlingException` as `Throttling`; ECS's
  // generic `ClientException` and `ServerException` keep their names.
  const short = name.endsWith('Exception') ? name.slice(0, -'Exception'.length) : name;
  return short === '' || short === 'Client' || short === 'Server' ? name : short;
}

/**
 * A note about a failed step: `logs unavailable: AccessDenied (logs:GetLogEvents)`, naming the
 * IAM action when access was denied, so the fix is clear.
 *
 * @internal
 */
export function failureNote(what: string, action: string, error: unknown): string {
  const code = failureCode(error);
  return /AccessDenied|Unauthorized|NotAuthorized/.test(code) ? `${what}: ${code} (${action})` : `${what}: ${code}`;
}

import { describe, expect, it } from 'vitest';
import { STOP_REASONS, matchStopCode, matchStopReason } from '../../src/classify/stop-reasons.js';
import { allFixtures } from '../helpers/fixtures.js';

/** Every reason text and stop code the fixtures carry. */
function fixtureTexts(): { texts: string[]; codes: string[] } {
  const texts: string[] = [];
  const codes: string[] = [];
  for (const { event } of allFixtures()) {
    const d = event.detail as Record<string, any>;
    for (const text of [d.stoppedReason, d.reason, d.statusReason, ...(d.containers ?? []).map((c: any) => c.reason)]) {
      if (typeof text === 'string') texts.push(text);
    }
    if (typeof d.stopCode === 'string') codes.push(d.stopCode);
  }
  return { texts, codes };
}

describe('the stop-reason catalogue', () => {
  it('every row is matched by some real or synthetic fixture', () => {
    const { texts, codes } = fixtureTexts();
    const matched = new Set([...texts.map((t) => matchStopReason(t)?.id), ...codes.map((c) => matchStopCode(c)?.id)]);
    expect(STOP_REASONS.map((row) => row.id).filter((id) => !matched.has(id))).toEqual([]);
  });

  it('every row links to AWS documentation and says what to do', () => {
    for (const row of STOP_REASONS) {
      expect(row.docsUrl, row.id).toMatch(
        /^https:\/\/(docs\.aws\.amazon\.com\/AmazonECS\/latest\/(developerguide|APIReference)\/[\w-]+\.html|repost\.aws\/knowledge-center\/[\w-]+)$/,
      );
      expect(row.fix.length, row.id).toBeGreaterThan(30);
      expect(row.fix.endsWith('.'), row.id).toBe(true);
    }
  });

  it('matches the leading category token, not a word inside another', () => {
    expect(matchStopReason('CannotPullContainerError: x not found')?.id).toBe('image-pull-not-found');
    expect(matchStopReason('CannotPullContainerErrors: x')).toBeUndefined();
    expect(matchStopReason('Error: CannotPullContainerError: x')?.id).toBe('image-pull');
    expect(matchStopReason('  OutOfMemoryError: Container killed due to memory usage  ')?.id).toBe('out-of-memory');
  });

  it('finds the precise category inside a wrapper, unless the wrapper matched a precise sub-case', () => {
    expect(matchStopReason('CannotStartContainerError: ResourceInitializationError: unable to pull secrets')?.id).toBe(
      'secrets',
    );
    expect(
      matchStopReason('CannotStartContainerError: ResourceInitializationError: exec: "/x": no such file or directory')
        ?.id,
    ).toBe('entrypoint-not-found');
  });

  it('matches sub-case keywords case-insensitively, first row wins', () => {
    expect(matchStopReason('CannotPullContainerError: ... 403 FORBIDDEN')?.id).toBe('image-pull-access-denied');
    expect(
      matchStopReason('ResourceInitializationError: failed to validate logger args: dial tcp: i/o timeout')?.id,
    ).toBe('logging');
  });

  it('matches keywords at the start of a word only', () => {
    // "prefs" holds "efs", "amount" holds "mount": neither is an EFS volume.
    expect(
      matchStopReason(
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: invalid parameters: /prod/user-prefs/token',
      )?.id,
    ).toBe('secrets');
    expect(matchStopReason('ResourceInitializationError: the amount of secrets exceeded')?.id).toBe('secrets');
    expect(
      matchStopReason(
        'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: mount.nfs4: Connection timed out',
      )?.id,
    ).toBe('volume-efs');
    expect(matchStopReason('ResourceInitializationError: mount fs-1.efs.eu-west-1.amazonaws.com failed')?.id).toBe(
      'volume-efs',
    );
    // Stems still find their words.
    expect(matchStopReason('ResourceInitializationError: unable to pull secrets')?.id).toBe('secrets');
  });

  it('gives the EFS hint only when EFS is named, not for a bind mount', () => {
    const bind =
      'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/etc/x" to rootfs at "/etc/y": not a directory: unknown';
    expect(matchStopReason(bind)?.id).not.toBe('volume-efs');
    expect(matchStopReason(bind)?.outcome).toBe('failed-to-start');
  });

  it('reads a log driver failure under CannotStartContainerError as logging', () => {
    const row = matchStopReason(
      'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
    );
    expect([row?.id, row?.cause]).toEqual(['logging', 'logging']);
    expect(
      matchStopReason('CannotStartContainerError: Error response from daemon: Minimum memory limit allowed is 6MB')?.id,
    ).toBe('cannot-start-container');
  });

  it("files Docker's `pull access denied ... does not exist` under access denied", () => {
    expect(
      matchStopReason(
        "CannotPullContainerError: Error response from daemon: pull access denied for foo/bar, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      )?.id,
    ).toBe('image-pull-access-denied');
    expect(
      matchStopReason(
        'CannotPullContainerError: failed to resolve ref 1.dkr.ecr.us-east-1.amazonaws.com/app:v1: not found',
      )?.id,
    ).toBe('image-pull-not-found');
    expect(
      matchStopReason(
        "CannotPullContainerError: The repository with name 'app' does not exist in the registry with id '1'",
      )?.id,
    ).toBe('image-pull-not-found');
  });

  it('returns nothing for empty, blank or unknown text', () => {
    for (const text of [undefined, '', '   ', 'Something entirely new']) expect(matchStopReason(text)).toBeUndefined();
    expect(matchStopCode(undefined)).toBeUndefined();
    expect(matchStopCode('EssentialContainerExited')).toBeUndefined();
    expect(matchStopCode('TerminationNotice')?.id).toBe('spot-interruption');
  });
});

describe('docs/classification.md', () => {
  it('lists every catalogue row', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/classification.md', import.meta.url), 'utf8');
    for (const row of STOP_REASONS) expect(doc, row.id).toContain(`[\`${row.id}\`](${row.docsUrl})`);
  });
});

// git's pre-push input: one line per ref being pushed (https://git-scm.com/docs/githooks#_pre_push).
export const ZERO_OID = /^0+$/;

export interface PushedRef {
  localRef: string;
  localOid: string;
  remoteRef: string;
  /** null for a new branch on the remote */
  remoteOid: string | null;
}

export class PrePushInputError extends Error {}

/** Parses the lines; deletions (local oid all zeros) push no commits and are left out. */
export function parsePrePushInput(input: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const [index, raw] of input.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [localRef, localOid, remoteRef, remoteOid, ...rest] = line.split(/\s+/);
    if (localRef === undefined || localOid === undefined || remoteRef === undefined || remoteOid === undefined || rest.length > 0) {
      throw new PrePushInputError(`line ${index + 1}: expected "<local ref> <local oid> <remote ref> <remote oid>", got "${line}"`);
    }
    if (ZERO_OID.test(localOid)) continue;
    refs.push({ localRef, localOid, remoteRef, remoteOid: ZERO_OID.test(remoteOid) ? null : remoteOid });
  }
  return refs;
}

// git's pre-push input: one line per ref being pushed (https://git-scm.com/docs/githooks#_pre_push).
import { UserError } from '../cli/errors.js';
import { CHECK_MESSAGES as M } from './messages.js';

const ZERO_OID = /^0+$/;

export interface PushedRef {
  localRef: string;
  localOid: string;
  remoteRef: string;
  /** null for a new branch on the remote */
  remoteOid: string | null;
}

/** Bad input is the caller's mistake (a hook that does not forward git's stdin as is): exit 2 with a hint. */
class PrePushInputError extends UserError {
  constructor(message: string) {
    super(message, M.prePushInputHint);
  }
}

/** Parses the lines; deletions (local oid all zeros) push no commits and are left out. */
export function parsePrePushInput(input: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const [index, raw] of input.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [localRef, localOid, remoteRef, remoteOid, ...rest] = line.split(/\s+/);
    if (localRef === undefined || localOid === undefined || remoteRef === undefined || remoteOid === undefined || rest.length > 0) {
      throw new PrePushInputError(M.prePushBadLine(index + 1, line));
    }
    if (ZERO_OID.test(localOid)) continue;
    refs.push({ localRef, localOid, remoteRef, remoteOid: ZERO_OID.test(remoteOid) ? null : remoteOid });
  }
  return refs;
}

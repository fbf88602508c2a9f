// What the git stage hands to the rest of the pipeline; the port's own types live in port.ts.

import type { DecodeProblem } from './port.js';

export type { ChangeStatus, DecodedSource, DecodeProblem, FileChange, FileEntry, FileMode, GitPort, RepoInfo, Snapshot } from './port.js';

/** One file's text as git (or the working tree) holds it. */
export interface SourceFile {
  path: string;
  text: string;
  /** git blob id when read from git (the key of the per-blob extraction cache); absent for working-tree files */
  oid?: string;
  /** why Python would refuse these bytes as source, or could not be followed in reading them (source-encoding.ts) */
  decodeProblem?: DecodeProblem;
}


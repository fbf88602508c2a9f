// The caches' version: the tool's, and the build's own id (dist/build-id.json, written by scripts/copy-assets.js),
// so a development build that changes extraction never reads what another build of the same version stored.
import { readFileSync } from 'node:fs';

function readBuildId(): string | null {
  try {
    const { id } = JSON.parse(readFileSync(new URL('../build-id.json', import.meta.url), 'utf8')) as { id?: unknown };
    return typeof id === 'string' && /^[0-9a-f]{1,16}$/.test(id) ? id : null;
  } catch {
    // run from the sources (the tests): no build, no id
    return null;
  }
}

const BUILD_ID = readBuildId();

export function cacheVersion(toolVersion: string): string {
  return BUILD_ID === null ? toolVersion : `${toolVersion}+${BUILD_ID}`;
}

// Set when a check in this process had to load the extractor: only then is a resident server worth starting.
let isWanted = false;

export function noteServerWanted(): void {
  isWanted = true;
}

export const isServerWanted = (): boolean => isWanted;

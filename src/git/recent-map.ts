// A map that keeps only its most recently set entries: what a long-lived caller (the resident server) holds.

/** Sets `key` as the most recent entry and drops the oldest beyond `max`, handing each to `drop`. */
export function setRecent<T>(map: Map<string, T>, key: string, value: T, max: number, drop: (old: T) => void = () => undefined): void {
  map.delete(key);
  map.set(key, value);
  for (const [oldKey, old] of map) {
    if (map.size <= max) break;
    map.delete(oldKey);
    drop(old);
  }
}

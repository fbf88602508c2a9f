// A FIFO of received bytes that hands out lines and fixed-size slices without re-copying the whole backlog.

const LF = 0x0a;

export class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** The next line without its LF, or null when no complete line has arrived yet. */
  takeLine(): string | null {
    let seen = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i] as Buffer;
      const start = i === 0 ? this.offset : 0;
      const at = chunk.indexOf(LF, start);
      if (at !== -1) {
        const line = this.take(seen + at - start).toString('utf8');
        this.take(1);
        return line;
      }
      seen += chunk.length - start;
    }
    return null;
  }

  /** Removes and returns the next n bytes; the caller checks `length` first. */
  take(n: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      this.advance(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0] as Buffer;
      const count = Math.min(n - filled, chunk.length - this.offset);
      chunk.copy(out, filled, this.offset, this.offset + count);
      filled += count;
      this.advance(count);
    }
    return out;
  }

  private advance(n: number): void {
    this.offset += n;
    this.size -= n;
    while (this.chunks.length > 0 && this.offset >= (this.chunks[0] as Buffer).length) {
      this.offset -= (this.chunks[0] as Buffer).length;
      this.chunks.shift();
    }
  }
}

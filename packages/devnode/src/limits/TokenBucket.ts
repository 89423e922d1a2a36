// A token bucket with the semantics of golang.org/x/time/rate.Limiter (Allow / Tokens): starts
// full, refills continuously at `perMinute / 60` tokens per second up to `burst`.

/**
 * One actor's bucket, on an injectable millisecond clock.
 *
 * @example
 * ```ts
 * const b = new TokenBucket(10, 10, Date.now());
 * b.allow(Date.now()); // true
 * ```
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  private readonly perMinute: number;
  private readonly burst: number;

  constructor(perMinute: number, burst: number, now: number) {
    this.perMinute = perMinute;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  private advance(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
      this.last = now;
    }
  }

  /** Tokens available now (fractional). */
  available(now: number): number {
    this.advance(now);
    return this.tokens;
  }

  /** Spends one token if there is one. */
  allow(now: number): boolean {
    this.advance(now);
    // A small tolerance absorbs float drift from many small refills.
    if (this.tokens >= 1 - 1e-9) {
      this.tokens = Math.max(0, this.tokens - 1);
      return true;
    }
    return false;
  }
}

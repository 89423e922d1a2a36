// getClientIP (internal/core/middleware.go): the peer address, unless the peer is loopback or a
// private network (the default "trusted proxy" set), in which case X-Forwarded-For (left-most
// entry) or X-Real-IP wins.

function isTrustedPeer(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v4);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd');
}

/** The key the per-IP limiter uses for this request. */
export function clientIp(peer: string, headers: Headers): string {
  if (isTrustedPeer(peer)) {
    const xff = headers.get('X-Forwarded-For');
    if (xff) {
      const comma = xff.indexOf(',');
      return (comma === -1 ? xff : xff.slice(0, comma)).trim();
    }
    const real = headers.get('X-Real-IP');
    if (real) return real.trim();
  }
  return peer.startsWith('::ffff:') ? peer.slice(7) : peer;
}

// Peak RSS growth while a node sends a 150 MiB body: the client (streamed, capped at its default
// 16 MiB) against a bare `fetch` + `response.text()` (what the client did before the cap), each in
// its own process so one cannot inherit the other's heap. Reported as a ratio (issue 10, finding 8).
// Run: npx tsx --conditions=@quidfin/source bench/client-oversize.bench.ts

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createQuidnugClient } from '@quidfin/client';

const TOTAL = 150 * 1024 * 1024;

async function child(mode: string): Promise<void> {
  const server = createServer((_req, res) => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"success":true,"data":"');
    let sent = 0;
    const pump = (): void => {
      while (sent < TOTAL && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end('"}');
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  let outcome: string;
  try {
    if (mode === 'bare')
      outcome = `${(await (await fetch(`${url}/api/v1/health`)).text()).length} chars read`;
    else outcome = JSON.stringify(await createQuidnugClient({ baseUrl: url, retry: 0 }).health());
  } catch (e) {
    outcome = (e as { code?: string }).code ?? String(e);
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({ mode, outcome, mib: (peak - base) / 2 ** 20, ms: performance.now() - started }),
  );
  server.closeAllConnections();
  server.close();
}

if (process.argv[2]) {
  await child(process.argv[2]);
} else {
  const self = fileURLToPath(import.meta.url);
  const runs = ['bare', 'client'].map((mode) => {
    const r = spawnSync('tsx', ['--conditions=@quidfin/source', self, mode], { encoding: 'utf8' });
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
      mode: string;
      outcome: string;
      mib: number;
      ms: number;
    };
  });
  const bare = runs[0] as (typeof runs)[number];
  console.table(
    runs.map((r) => ({
      case: r.mode === 'bare' ? 'fetch + text() (baseline)' : 'client.health() (16 MiB cap)',
      outcome: r.outcome,
      'peak RSS growth MiB': r.mib.toFixed(0),
      'x baseline': (r.mib / bare.mib).toFixed(3),
      ms: r.ms.toFixed(0),
    })),
  );
}

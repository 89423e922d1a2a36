// Statement parsers (issue 13): throughput of camt, MT940, BAI2 and CSV against the bare XML
// tokenizer (saxes with no-op handlers) on the same file, in the same run; the hostile CSV cell;
// and peak memory for a 50 MiB camt read as a stream, measured in a child process of its own.
//
//   taskset -c 0 npx tsx --conditions=@quidfin/source bench/reconcile.bench.ts --parsers-only
//   npx tsx --conditions=@quidfin/source bench/parserBench.ts --camt-memory   (the child alone)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseBai2, parseCamt, parseCsv, parseMt940, parseStatementStream } from '@quidfin/reconcile';
import { SaxesParser } from 'saxes';
import { type Measurement, measure } from './harness.js';

const MB = 1_000_000;

function camtEntry(i: number): string {
  const amount = `${(i % 9000) + 1}.${String(i % 100).padStart(2, '0')}`;
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-06-01</Dt></BookgDt><ValDt><Dt>2026-06-01</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>E2E-${i}</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt><RltdPties><Dbtr><Pty><Nm>Payer &amp; Co ${i}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Invoice INV-${i} M&#252;ller, thank you</Ustrd><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
}

function camtSum(n: number): string {
  let cents = 0;
  for (let i = 0; i < n; i++) cents += ((i % 9000) + 1) * 100 + (i % 100);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function camtHead(n: number): string {
  const bal = (code: string, amt: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amt}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-06-01T18:00:00Z</CreDtTm></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>DE02100100109307118603</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', '0.00')}${bal('CLBD', camtSum(n))}\n`;
}
const CAMT_TAIL = '</Stmt></BkToCstmrStmt></Document>\n';

function camtFile(n: number): string {
  const parts = [camtHead(n)];
  for (let i = 0; i < n; i++) parts.push(camtEntry(i));
  parts.push(CAMT_TAIL);
  return parts.join('');
}

function mt940File(messages: number, lines: number): string {
  const out: string[] = [];
  for (let m = 0; m < messages; m++) {
    out.push(`:20:STMT${m}\n:25:DE89370400440532013000\n:28C:${m}/1\n:60F:C260601EUR0,00`);
    let cents = 0;
    for (let i = 0; i < lines; i++) {
      const c = ((i % 9000) + 1) * 100 + (i % 100);
      cents += c;
      out.push(
        `:61:2606010601C${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}NTRFNONREF//B${m}-${i}\n:86:166?00GUTSCHRIFT?20EREF+E2E-${i}?21SVWZ+RE INV-2026-${i}?22 VIELEN DANK?30COBADEFFXXX?31DE02120300000000202051?32NORDWIND LOGISTIK GMBH`,
      );
    }
    out.push(`:62F:C260601EUR${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}\n-`);
  }
  return `${out.join('\n')}\n`;
}

function bai2File(accounts: number, lines: number): string {
  const out = ['01,QUIDFIN,BANKCO,260601,1200,1,80,,2/', '02,QUIDFIN,BANKCO,1,260601,1200,USD,2/'];
  let file = 0;
  let groupRecords = 2;
  for (let a = 0; a < accounts; a++) {
    out.push(`03,${100000 + a},USD,010,500000,,/`);
    let total = 500000;
    for (let i = 0; i < lines; i++) {
      const amt = ((i % 9000) + 1) * 100;
      total += amt;
      out.push(`16,195,${amt},,FW${a}-${i},INV-2026-${i},INCOMING WIRE ACME CORP, REF INV-2026-${i}/`);
      out.push(`88,EREF: E2E-${i}`);
    }
    out.push(`49,${total},${2 * lines + 2}/`);
    file += total;
    groupRecords += 2 * lines + 2;
  }
  out.push(`98,${file},${accounts},${groupRecords}/`, `99,${file},1,${groupRecords + 2}/`);
  return `${out.join('\n')}\n`;
}

function csvFile(rows: number): string {
  const out = ['Buchungstag;Valuta;Betrag;Waehrung;Verwendungszweck;Auftraggeber;IBAN'];
  for (let i = 0; i < rows; i++)
    out.push(
      `02.06.2026;02.06.2026;${(i % 9) + 1}.${String(i % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')};EUR;"RE INV-2026-${i}; vielen Dank";Nordwind Logistik GmbH;DE02120300000000202051`,
    );
  return `${out.join('\n')}\n`;
}

const CSV_OPTIONS = {
  delimiter: ';',
  decimalSeparator: ',' as const,
  dateFormat: 'DD.MM.YYYY' as const,
  columns: {
    date: 'Buchungstag',
    valueDate: 'Valuta',
    amount: 'Betrag',
    currency: 'Waehrung',
    description: 'Verwendungszweck',
    counterpartyName: 'Auftraggeber',
    counterpartyAccount: 'IBAN',
  },
};

function bytesChunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function drain(chunks: readonly Uint8Array[], options = {}): Promise<number> {
  let n = 0;
  for await (const _tx of parseStatementStream(chunks, options)) n++;
  return n;
}

function bareSaxes(text: string): void {
  const p = new SaxesParser({ position: true });
  p.on('opentag', () => undefined);
  p.on('closetag', () => undefined);
  p.on('text', () => undefined);
  p.write(text).close();
}

/**
 * The floor any line parser pays: split the text into lines (\r\n, \r or \n) as slices and read
 * every character of each line once. A parser's time is reported as a multiple of this.
 */
function bareLines(text: string): number {
  let acc = 0;
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    const line = text.slice(start, i);
    for (let j = 0; j < line.length; j++) acc = (acc + line.charCodeAt(j)) | 0;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return acc;
}

const rate = (m: Measurement): string => `${(m.opsPerSec / MB).toFixed(1)} MB/s`;

/** Runs every parser case and prints MB/s and ratios to the bare tokenizer. */
export async function runParserBench(): Promise<void> {
  console.log(
    '\n## Statement parsers (MB/s of input per CPU-second; time as a multiple of a same-run baseline: the bare saxes tokenizer for camt, a bare line scan for the line formats)',
  );
  const camt = camtFile(14_000);
  const camtChunks = bytesChunks(camt, 64 * 1024);
  // CPU time, not the wall clock: the machines are shared, and a waiting process is not parsing.
  const opts = (bytes: number) => ({ ms: 2500, samples: 5, opsPerCall: bytes, clock: 'cpu' as const });
  const rows: { m: Measurement; base: Measurement }[] = [];
  const bare = await measure(
    'camt: bare saxes tokenizer (baseline)',
    () => bareSaxes(camt),
    opts(camt.length),
  );
  rows.push({ m: bare, base: bare });
  rows.push({
    m: await measure('camt: parseCamt (whole string)', () => parseCamt(camt), opts(camt.length)),
    base: bare,
  });
  rows.push({
    m: await measure(
      'camt: parseStatementStream (64 KiB byte chunks)',
      () => drain(camtChunks),
      opts(camt.length),
    ),
    base: bare,
  });
  const mt = mt940File(40, 600);
  const mtBare = await measure('MT940: bare line scan (baseline)', () => bareLines(mt), opts(mt.length));
  rows.push({ m: mtBare, base: mtBare });
  rows.push({ m: await measure('MT940: parseMt940', () => parseMt940(mt), opts(mt.length)), base: mtBare });
  rows.push({
    m: await measure('MT940: parseStatementStream', () => drain(bytesChunks(mt, 65536)), opts(mt.length)),
    base: mtBare,
  });
  const bai = bai2File(40, 1500);
  const baiBare = await measure('BAI2: bare line scan (baseline)', () => bareLines(bai), opts(bai.length));
  rows.push({ m: baiBare, base: baiBare });
  rows.push({ m: await measure('BAI2: parseBai2', () => parseBai2(bai), opts(bai.length)), base: baiBare });
  rows.push({
    m: await measure('BAI2: parseStatementStream', () => drain(bytesChunks(bai, 65536)), opts(bai.length)),
    base: baiBare,
  });
  const csv = csvFile(60_000);
  const csvBare = await measure('CSV: bare line scan (baseline)', () => bareLines(csv), opts(csv.length));
  rows.push({ m: csvBare, base: csvBare });
  rows.push({
    m: await measure('CSV: parseCsv', () => parseCsv(csv, CSV_OPTIONS), opts(csv.length)),
    base: csvBare,
  });
  console.table(
    rows.map(({ m, base }) => ({
      case: m.name,
      'MB/s': (m.opsPerSec / MB).toFixed(1),
      'time x baseline': (base.opsPerSec / m.opsPerSec).toFixed(2),
    })),
  );
  console.log(
    `files: camt ${(camt.length / MB).toFixed(1)} MB (14,000 entries), MT940 ${(mt.length / MB).toFixed(1)} MB, BAI2 ${(bai.length / MB).toFixed(1)} MB, CSV ${(csv.length / MB).toFixed(1)} MB; camt parse ${rate((rows[1] as { m: Measurement }).m)}`,
  );

  // The hostile CSV cell of issue 13 (quadratic before: 47 s at 200,000 characters).
  const cell = 'x"'.repeat(100_000);
  const hostile = `Date,Amount,Text\n2026-03-02,1.00,${cell}\n`;
  const plain = `Date,Amount,Text\n2026-03-02,1.00,${'x'.repeat(200_000)}\n`;
  const csvOpts = { currency: 'EUR', columns: { date: 'Date', amount: 'Amount', description: 'Text' } };
  const h = await measure('hostile', () => parseCsv(hostile, csvOpts), {
    ms: 1000,
    samples: 5,
    clock: 'cpu',
  });
  const p = await measure('plain', () => parseCsv(plain, csvOpts), { ms: 1000, samples: 5, clock: 'cpu' });
  console.log(
    `CSV, one 200,000-character cell: x"x"x"... ${(1000 / h.opsPerSec).toFixed(2)} ms, plain x's ${(1000 / p.opsPerSec).toFixed(2)} ms (ratio ${(p.opsPerSec / h.opsPerSec).toFixed(2)})`,
  );

  // Peak memory: a child process streams a 50 MiB camt and reports its own peak RSS.
  const child = spawnSync(
    'npx',
    ['tsx', '--conditions=@quidfin/source', fileURLToPath(import.meta.url), '--camt-memory'],
    {
      encoding: 'utf8',
    },
  );
  console.log(child.stdout.trim() || child.stderr.trim());
}

/** Streams a generated 50 MiB camt.053 (never held whole) and prints entries, time and peak RSS. */
async function camtMemory(): Promise<void> {
  const target = 50 * 1024 * 1024;
  const perEntry = camtEntry(123).length;
  const n = Math.ceil(target / perEntry);
  const enc = new TextEncoder();
  const rssBefore = process.memoryUsage().rss;
  async function* source(): AsyncGenerator<Uint8Array> {
    yield enc.encode(camtHead(n));
    let batch: string[] = [];
    for (let i = 0; i < n; i++) {
      batch.push(camtEntry(i));
      if (batch.length === 100) {
        yield enc.encode(batch.join(''));
        batch = [];
      }
    }
    yield enc.encode(batch.join('') + CAMT_TAIL);
  }
  const t0 = performance.now();
  let count = 0;
  let bytes = 0;
  for await (const tx of parseStatementStream(source())) {
    count++;
    bytes += tx.amountMinor > -1 ? 0 : 1;
  }
  const s = (performance.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `camt stream, ${(target / 1024 / 1024).toFixed(0)} MiB / ${count.toLocaleString('en-US')} entries: ${s.toFixed(1)} s (${(target / MB / s).toFixed(1)} MB/s incl. generating the file); peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB (process at start ${(rssBefore / 1024 / 1024).toFixed(0)} MiB)${bytes}`.replace(
      /\)0$/,
      ')',
    ),
  );
}

if (process.argv.includes('--camt-memory')) await camtMemory();

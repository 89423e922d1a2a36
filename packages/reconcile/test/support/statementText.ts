// Small writers of statement text for the integrity tests: each builds a valid file by default,
// and every part can be overridden to make it wrong in exactly one place.

export interface CamtEntry {
  readonly amount?: string;
  readonly ccy?: string;
  readonly cd?: 'CRDT' | 'DBIT';
  readonly booked?: string;
  readonly extra?: string;
  readonly details?: string;
}

/** One `<Ntry>`; `extra` goes after `CdtDbtInd`, `details` inside `NtryDtls`. */
export function camtEntry(e: CamtEntry = {}): string {
  return `<Ntry><Amt Ccy="${e.ccy ?? 'EUR'}">${e.amount ?? '100.00'}</Amt><CdtDbtInd>${e.cd ?? 'CRDT'}</CdtDbtInd>${e.extra ?? ''}<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${e.booked ?? '2026-03-02'}</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>BR-1</AcctSvcrRef>${e.details === undefined ? '' : `<NtryDtls>${e.details}</NtryDtls>`}</Ntry>`;
}

/** A `TxDtls` with an amount, optional sign and remittance text. */
export function camtDetail(amount: string, ccy = 'EUR', cd?: 'CRDT' | 'DBIT', text = 'INV-1'): string {
  return `<TxDtls><Refs><EndToEndId>E2E-${amount}</EndToEndId></Refs><Amt Ccy="${ccy}">${amount}</Amt>${cd === undefined ? '' : `<CdtDbtInd>${cd}</CdtDbtInd>`}<RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls>`;
}

/** A `<Bal>` of type `code`. */
export function camtBalance(
  code: string,
  amount: string,
  cd: 'CRDT' | 'DBIT' = 'CRDT',
  ccy = 'EUR',
  date = '2026-03-02',
): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>${cd}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

export interface CamtStatement {
  readonly balances?: string;
  readonly summary?: string;
  readonly entries?: readonly string[];
  readonly ccy?: string;
  readonly before?: string;
}

/** A camt.053.001.08 document with one statement; balances default to OPBD 1000.00 / CLBD matching. */
export function camt053(s: CamtStatement = {}): string {
  const entries = s.entries ?? [camtEntry()];
  const balances = s.balances ?? `${camtBalance('OPBD', '1000.00')}${camtBalance('CLBD', '1100.00')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${s.before ?? ''}<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00Z</CreDtTm></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id>${s.ccy === undefined ? '' : `<Ccy>${s.ccy}</Ccy>`}</Acct>${balances}${s.summary ?? ''}\n${entries.join('\n')}\n</Stmt></BkToCstmrStmt></Document>\n`;
}

export interface Mt940Parts {
  readonly opening?: string | null;
  readonly lines?: readonly string[];
  readonly closing?: string | null;
  readonly extra?: string;
}

/** One MT940 message; by default opening C1000,00, one credit of 100,00 and closing C1100,00 (EUR). */
export function mt940(p: Mt940Parts = {}): string {
  const lines = p.lines ?? [':61:2603020302C100,00NTRFNONREF//BR-1', ':86:INV-2026-1'];
  return [
    ':20:STMT-1',
    ':25:DE89370400440532013000',
    ':28C:1/1',
    ...(p.opening === null ? [] : [`:60F:${p.opening ?? 'C260301EUR1000,00'}`]),
    ...lines,
    ...(p.closing === null ? [] : [`:62F:${p.closing ?? 'C260302EUR1100,00'}`]),
    ...(p.extra === undefined ? [] : [p.extra]),
    '-',
  ].join('\n');
}

/**
 * A BAI2 file with one group and one account whose trailers are computed from its records, so a
 * test can change one number and know exactly which check should fire.
 */
export function bai2(
  details: readonly string[] = ['16,195,150000,,BR1,,INV-1/'],
  summary = '03,123456789,USD,010,500000,,/',
): string {
  const amounts = (rec: string): number => {
    const f = rec.replace(/\/$/, '').split(',');
    if (f[0] === '16') return Number(f[2] ?? 0);
    // 03 record: account, currency, then (code, amount, count, funds) groups.
    let sum = 0;
    for (let i = 3; i < f.length; i += 4) sum += Number(f[i + 1] || 0);
    return sum;
  };
  const records = [summary, ...details];
  const total = records.reduce((a, r) => a + (r.startsWith('88') ? 0 : amounts(r)), 0);
  const acctRecords = records.length + 1;
  return [
    '01,QUIDFIN,BANKCO,260302,1200,1,80,,2/',
    '02,QUIDFIN,BANKCO,1,260302,1200,USD,2/',
    ...records,
    `49,${total},${acctRecords}/`,
    `98,${total},1,${acctRecords + 2}/`,
    `99,${total},1,${acctRecords + 4}/`,
  ].join('\n');
}

// Renders synthetic bank lines as an ISO 20022 camt.053.001.08 statement, so the generator's
// statements go through the real parser in tests (test support only, not a general writer).
import { type BankTransaction, currencyDecimal } from './currencyDecimal.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function writeCamt053(
  statementId: string,
  account: string,
  lines: readonly BankTransaction[],
): string {
  const entries = lines.map((t) => {
    const amt = `<Amt Ccy="${t.currency}">${currencyDecimal(t.amountMinor, t.currency)}</Amt>`;
    const party = t.direction === 'credit' ? 'Dbtr' : 'Cdtr';
    const parties = [
      t.counterpartyName ? `<${party}><Pty><Nm>${esc(t.counterpartyName)}</Nm></Pty></${party}>` : '',
      t.counterpartyAccount
        ? `<${party}Acct><Id><IBAN>${esc(t.counterpartyAccount)}</IBAN></Id></${party}Acct>`
        : '',
    ].join('');
    const money = (m: number, c: string): string => `<Amt Ccy="${c}">${currencyDecimal(m, c)}</Amt>`;
    const rmt = [
      ...t.remittanceText.map((u) => `<Ustrd>${esc(u)}</Ustrd>`),
      ...t.creditorReferences.map(
        (r) =>
          `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(r)}</Ref></CdtrRefInf></Strd>`,
      ),
      // One Strd per referred document, with its amounts (RfrdDocAmt).
      ...t.referredDocuments.map(
        (d) =>
          `<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>${esc(d.type ?? 'CINV')}</Cd></CdOrPrtry></Tp><Nb>${esc(d.number)}</Nb></RfrdDocInf>${
            d.remittedMinor === undefined && d.discountMinor === undefined
              ? ''
              : `<RfrdDocAmt>${d.discountMinor === undefined ? '' : `<DscntApldAmt>${money(d.discountMinor, t.currency)}</DscntApldAmt>`}${
                  d.remittedMinor === undefined
                    ? ''
                    : `<RmtdAmt Ccy="${t.currency}">${currencyDecimal(d.remittedMinor, t.currency)}</RmtdAmt>`
                }</RfrdDocAmt>`
          }</Strd>`,
      ),
    ].join('');
    const x = t.exchangeRate;
    const amtDtls = t.instructedAmount
      ? `<AmtDtls><InstdAmt>${money(t.instructedAmount.amountMinor, t.instructedAmount.currency)}${
          x
            ? `<CcyXchg><SrcCcy>${x.sourceCurrency}</SrcCcy><TrgtCcy>${x.targetCurrency}</TrgtCcy><XchgRate>${x.rate}</XchgRate></CcyXchg>`
            : ''
        }</InstdAmt><TxAmt>${money(t.amountMinor, t.currency)}</TxAmt></AmtDtls>`
      : '';
    const charges = t.chargesMinor
      ? `<Chrgs><Rcrd><Amt Ccy="${t.currency}">${currencyDecimal(t.chargesMinor, t.currency)}</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs>`
      : '';
    return `<Ntry>${amt}<CdtDbtInd>${t.direction === 'credit' ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${t.bookingDate}</Dt></BookgDt><ValDt><Dt>${t.valueDate}</Dt></ValDt>${t.bankReference ? `<AcctSvcrRef>${esc(t.bankReference)}</AcctSvcrRef>` : ''}<NtryDtls><TxDtls><Refs><EndToEndId>${esc(t.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs>${amt}${amtDtls}${charges}<RltdPties>${parties}</RltdPties>${rmt ? `<RmtInf>${rmt}</RmtInf>` : ''}</TxDtls></NtryDtls></Ntry>`;
  });
  // One Stmt per run of one currency (a statement is for one account in one currency), in the
  // lines' order; each opens at zero and closes at its booked net, so it adds up as a bank's does.
  const runs: { currency: string; entries: string[]; net: number }[] = [];
  lines.forEach((t, k) => {
    let run = runs[runs.length - 1];
    if (run === undefined || run.currency !== t.currency) {
      run = { currency: t.currency, entries: [], net: 0 };
      runs.push(run);
    }
    run.entries.push(entries[k] ?? '');
    run.net += t.direction === 'credit' ? t.amountMinor : -t.amountMinor;
  });
  const bal = (code: string, minor: number, currency: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${currencyDecimal(Math.abs(minor), currency)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-06-30</Dt></Dt></Bal>`;
  const stmts = runs.map(
    (r, k) =>
      `<Stmt><Id>${esc(k === 0 ? statementId : `${statementId}/${k + 1}`)}</Id><Acct><Id><IBAN>${esc(account)}</IBAN></Id></Acct>${bal('OPBD', 0, r.currency)}${bal('CLBD', r.net, r.currency)}\n${r.entries.join('\n')}\n</Stmt>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>${esc(statementId)}</MsgId><CreDtTm>2026-06-30T18:00:00Z</CreDtTm></GrpHdr>${stmts.join('')}</BkToCstmrStmt></Document>\n`;
}

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
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>${esc(statementId)}</MsgId><CreDtTm>2026-06-30T18:00:00Z</CreDtTm></GrpHdr><Stmt><Id>${esc(statementId)}</Id><Acct><Id><IBAN>${esc(account)}</IBAN></Id></Acct>\n${entries.join('\n')}\n</Stmt></BkToCstmrStmt></Document>\n`;
}

// The supplier's bank statement for the day, as the bank would send it: ISO 20022 camt.053.
// Built here from the run's invoices so the story can be replayed; a real job reads the file
// the bank delivers (see examples/reconciliation-job).

export interface StatementCredit {
  readonly ref: string;
  readonly amountMinor: number;
  readonly payerName: string;
  readonly payerIban: string;
  /** Structured ISO 11649 creditor reference, when the payer quoted one. */
  readonly creditorReference?: string;
  /** Free-text remittance information, when the payer wrote one. */
  readonly unstructured?: string;
}

const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function camt053(
  date: string,
  accountIban: string,
  ownerName: string,
  credits: readonly StatementCredit[],
): string {
  const entries = credits.map((c) => {
    const remittance = c.creditorReference
      ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${c.creditorReference}</Ref></CdtrRefInf></Strd>`
      : `<Ustrd>${escapeXml(c.unstructured ?? '')}</Ustrd>`;
    return `
      <Ntry>
        <NtryRef>${c.ref}</NtryRef>
        <Amt Ccy="USD">${decimal(c.amountMinor)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>BANK-${c.ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>E2E-${c.ref}</EndToEndId></Refs>
          <Amt Ccy="USD">${decimal(c.amountMinor)}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties>
            <Dbtr><Pty><Nm>${escapeXml(c.payerName)}</Nm></Pty></Dbtr>
            <DbtrAcct><Id><IBAN>${c.payerIban}</IBAN></Id></DbtrAcct>
          </RltdPties>
          <RmtInf>${remittance}</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-${date}</MsgId><CreDtTm>${date}T22:00:00Z</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${accountIban}-${date}</Id>
      <CreDtTm>${date}T22:00:00Z</CreDtTm>
      <Acct><Id><IBAN>${accountIban}</IBAN></Id><Ccy>USD</Ccy><Ownr><Nm>${escapeXml(ownerName)}</Nm></Ownr></Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

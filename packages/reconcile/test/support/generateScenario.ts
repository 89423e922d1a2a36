// Seeded synthetic labelled data: open invoices plus bank lines with known truth, across the
// scenario mix real cash application meets (RECONCILE.md §1, §10). No public labelled
// payment-to-invoice data set exists, so this is how precision and auto-match rate are measured.
import type { BankTransaction, OpenInvoice, RemittanceAdvice } from '../../src/index.js';
import { convertAtRatio, createRfReference, mod97, rateRatio } from '../../src/index.js';

export type Scenario =
  | 'rf-exact'
  | 'rf-typo'
  | 'number-in-text'
  | 'digits-only'
  | 'payer-amount'
  | 'fee-short'
  | 'charges'
  | 'early-discount'
  | 'fx'
  | 'partial'
  | 'overpayment'
  | 'multi-referenced'
  | 'multi-subset'
  | 'installments'
  | 'credit-note'
  | 'parent-company'
  | 'ambiguous-twins'
  | 'remittance-advice'
  | 'wrong-number'
  | 'noise'
  // Issue #12: the situations that posted money wrongly or were missed, and their decoys.
  | 'credit-note-netting'
  | 'fx-bank'
  | 'charges-reported'
  | 'grouped-charges'
  | 'rmtd-split'
  | 'silent-fee'
  | 'name-printed'
  | 'number-variant'
  | 'payment-factory'
  | 'statement-order'
  | 'decoy-unknown-payer'
  | 'decoy-foreign-rf'
  | 'decoy-paid-invoice'
  | 'decoy-duplicate'
  | 'decoy-digits'
  | 'decoy-padding';

export const DEFAULT_MIX: Readonly<Record<Scenario, number>> = {
  'rf-exact': 14,
  'rf-typo': 4,
  'number-in-text': 18,
  'digits-only': 4,
  'payer-amount': 10,
  'fee-short': 5,
  charges: 3,
  'early-discount': 5,
  fx: 3,
  partial: 5,
  overpayment: 2,
  'multi-referenced': 5,
  'multi-subset': 4,
  installments: 3,
  'credit-note': 3,
  'parent-company': 3,
  'ambiguous-twins': 3,
  'remittance-advice': 3,
  'wrong-number': 3,
  noise: 5,
  'credit-note-netting': 3,
  'fx-bank': 3,
  'charges-reported': 3,
  'grouped-charges': 2,
  'rmtd-split': 2,
  'silent-fee': 2,
  'name-printed': 4,
  'number-variant': 4,
  'payment-factory': 2,
  'statement-order': 2,
  'decoy-unknown-payer': 2,
  'decoy-foreign-rf': 1,
  'decoy-paid-invoice': 1,
  'decoy-duplicate': 1,
  'decoy-digits': 2,
  'decoy-padding': 1,
};

/** Scenarios whose lines truly pay nothing open (or must go to a person): never auto-applied. */
export const DECOYS: readonly Scenario[] = [
  'ambiguous-twins',
  'noise',
  'decoy-unknown-payer',
  'decoy-foreign-rf',
  'decoy-paid-invoice',
  'decoy-duplicate',
  'decoy-digits',
];

export interface Truth {
  readonly scenario: Scenario;
  /** Invoice ids the line truly pays (sorted); empty when it pays none of them. */
  readonly invoiceIds: readonly string[];
}

export interface GeneratedScenario {
  readonly invoices: OpenInvoice[];
  readonly transactions: BankTransaction[];
  readonly remittances: RemittanceAdvice[];
  readonly truth: ReadonlyMap<string, Truth>;
  readonly fxRate: { readonly from: 'USD'; readonly to: 'EUR'; readonly rate: string };
}

export interface GenerateOptions {
  readonly seed: number;
  readonly invoices: number;
  readonly lines: number;
  readonly invoicesPerPayer?: number;
  readonly mix?: Partial<Record<Scenario, number>>;
}

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const A = [
  'Nord',
  'Süd',
  'West',
  'Ost',
  'Alpen',
  'Rhein',
  'Elb',
  'Main',
  'Isar',
  'Donau',
  'Hanse',
  'Baltic',
  'Atlas',
  'Orion',
  'Vega',
  'Polar',
  'Zenit',
  'Apex',
  'Delta',
  'Sigma',
  'Nova',
  'Terra',
  'Aqua',
  'Silva',
  'Ferro',
  'Cupra',
  'Lumen',
  'Vento',
  'Stein',
  'Berg',
  'Wald',
  'Feld',
  'Hafen',
  'Brück',
  'Kron',
  'Adler',
  'Falke',
  'Löwe',
  'Bär',
  'Wolf',
];
const B = [
  'Logistik',
  'Maschinen',
  'Handel',
  'Textil',
  'Chemie',
  'Elektro',
  'Metall',
  'Papier',
  'Kunststoff',
  'Agrar',
  'Bau',
  'Energie',
  'Medizin',
  'Optik',
  'Foods',
  'Systems',
  'Trading',
  'Components',
  'Werkzeug',
  'Möbel',
  'Glas',
  'Keramik',
  'Druck',
  'Verpackung',
  'Antriebe',
  'Pumpen',
  'Sensorik',
  'Robotik',
  'Kabel',
  'Farben',
  'Holz',
  'Stahl',
  'Leder',
  'Spedition',
  'Technik',
  'Service',
  'Vertrieb',
  'Montage',
  'Anlagen',
  'Motoren',
];
const C = [
  'Hamburg',
  'Bremen',
  'Köln',
  'Bonn',
  'Essen',
  'Kiel',
  'Ulm',
  'Jena',
  'Trier',
  'Mainz',
  'Passau',
  'Lübeck',
  'Fulda',
  'Gera',
  'Hof',
  'Celle',
  'Emden',
  'Goslar',
  'Siegen',
  'Worms',
  'Aalen',
  'Bamberg',
  'Coburg',
  'Detmold',
  'Erfurt',
  'Gotha',
  'Hagen',
  'Ingolstadt',
  'Kassel',
  'Landau',
  'Marburg',
  'Neuss',
  'Oldenburg',
  'Pforzheim',
  'Rostock',
  'Speyer',
  'Tübingen',
  'Weimar',
  'Zwickau',
  'Minden',
];
const FORMS = ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'SE', 'Ltd', 'BV'];

function iban(n: number): string {
  const bban = `37040044${String(n).padStart(10, '0')}`;
  const check = 98 - mod97(`${bban}DE00`.replace('DE', '1314'));
  return `DE${String(check).padStart(2, '0')}${bban}`;
}

/** Umlauts and sharp s the way banks print them. */
function transliterate(name: string): string {
  return name
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss');
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Builds `invoices` open items for `invoices / invoicesPerPayer` payers and `lines` bank lines,
 * each labelled with the invoices it truly pays.
 */
export function generateScenario(opts: GenerateOptions): GeneratedScenario {
  const r = rng(opts.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const perPayer = opts.invoicesPerPayer ?? 20;
  const payerCount = Math.max(1, Math.ceil(opts.invoices / perPayer));
  const payers = Array.from({ length: payerCount }, (_, p) => {
    const name = `${A[p % 40]} ${B[Math.floor(p / 40) % 40]}${p >= 1600 ? ` ${C[Math.floor(p / 1600) % 40]}` : ''}${p >= 64000 ? ` ${Math.floor(p / 64000)}` : ''} ${FORMS[p % FORMS.length]}`;
    return {
      id: `payer-${String(p).padStart(6, '0')}`,
      name,
      iban: iban(p + 1),
      parent: `${C[p % 40]} Holding ${A[(p * 7) % 40]} ${p} AG`,
      parentIban: iban(900_000_000 + p),
    };
  });
  const invoices: OpenInvoice[] = [];
  for (let k = 0; k < opts.invoices; k++) {
    const p = payers[k % payerCount] ?? payers[0];
    if (p === undefined) break;
    const seq = String(k + 1).padStart(7, '0');
    const pIndex = k % payerCount;
    const issuedAt = addDays('2026-01-05', int(0, 150));
    const round = r() < 0.15;
    const amount = round ? int(1, 400) * 10000 : int(5000, 5_000_000);
    const epd = r() < 0.2;
    invoices.push({
      invoiceId: `inv-${seq}`,
      invoiceNumber: pIndex % 4 === 3 ? `RE-2026/${seq}` : `INV-${seq}`,
      payerId: p.id,
      payerName: p.name,
      payerAccounts: [p.iban],
      currency: 'EUR',
      amountMinor: amount,
      openAmountMinor: amount,
      issuedAt,
      dueAt: addDays(issuedAt, pick([30, 45, 60])),
      ...(r() < 0.4 ? { paymentReference: createRfReference(`${seq}${int(10, 99)}`) } : {}),
      ...(epd ? { earlyPaymentDiscount: { rateBps: 200, withinDays: 10 } } : {}),
    });
  }
  // Invoices of each payer, for group scenarios; each invoice is used by one scenario at most.
  const used = new Set<number>();
  const byPayer = new Map<string, number[]>();
  invoices.forEach((inv, i) => {
    const l = byPayer.get(inv.payerId) ?? [];
    l.push(i);
    byPayer.set(inv.payerId, l);
  });
  const take = (filter: (inv: OpenInvoice) => boolean = () => true): number | undefined => {
    for (let tries = 0; tries < 200; tries++) {
      const i = int(0, invoices.length - 1);
      const inv = invoices[i];
      if (!used.has(i) && inv && filter(inv)) {
        used.add(i);
        return i;
      }
    }
    return undefined;
  };
  const takeSamePayer = (n: number): number[] | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      const p = pick(payers);
      const free = (byPayer.get(p.id) ?? []).filter((i) => !used.has(i));
      if (free.length < n) continue;
      const chosen: number[] = [];
      while (chosen.length < n) {
        const i = pick(free);
        if (!chosen.includes(i)) chosen.push(i);
      }
      for (const i of chosen) used.add(i);
      return chosen;
    }
    return undefined;
  };

  const mix = { ...DEFAULT_MIX, ...opts.mix };
  const scenarios = (Object.keys(mix) as Scenario[]).filter((s) => (mix[s] ?? 0) > 0);
  const total = scenarios.reduce((s, k) => s + (mix[k] ?? 0), 0);
  const transactions: BankTransaction[] = [];
  const remittances: RemittanceAdvice[] = [];
  const truth = new Map<string, Truth>();
  const fxRate = { from: 'USD' as const, to: 'EUR' as const, rate: '0.9250' };
  let n = 0;
  const payerIndex = new Map(payers.map((p) => [p.id, p]));
  const payerOf = (inv: OpenInvoice): (typeof payers)[number] =>
    payerIndex.get(inv.payerId) ?? (payers[0] as (typeof payers)[number]);
  const who = (inv: OpenInvoice): Partial<BankTransaction> => {
    const p = payerOf(inv);
    const style = r();
    const name =
      style < 0.6
        ? p.name
        : style < 0.85
          ? p.name.toUpperCase().replace(/ (GMBH.*|AG|KG|SE|LTD|BV)$/i, '')
          : undefined;
    return {
      ...(name ? { counterpartyName: name } : {}),
      ...(r() < 0.7 ? { counterpartyAccount: p.iban } : {}),
    };
  };
  const writeNumber = (inv: OpenInvoice): string => {
    const num = inv.invoiceNumber;
    const digits = num.replace(/^\D+/, '');
    const prefix = num.replace(/[^A-Z].*$/, '');
    const style = int(0, 4);
    if (style === 0) return num;
    if (style === 1) return num.toLowerCase().replace('-', ' ');
    if (style === 2) return `${prefix}${digits}`;
    if (style === 3) return `${prefix}-${digits.replace(/^0+/, '')}`;
    return `${prefix.toLowerCase()}.${digits}`;
  };
  const line = (
    scenario: Scenario,
    ids: number[],
    partial: Partial<BankTransaction> & { amountMinor: number },
    date?: string,
  ): void => {
    n++;
    const id = `SYN:${n}`;
    const firstInv = invoices[ids[0] ?? -1];
    const d =
      date ??
      (firstInv
        ? addDays(firstInv.issuedAt ?? '2026-03-01', int(1, 40))
        : addDays('2026-02-01', int(0, 120)));
    transactions.push({
      id,
      format: 'camt.053',
      statementId: 'SYN',
      direction: 'credit',
      currency: 'EUR',
      bookingDate: d,
      valueDate: d,
      reversal: false,
      bankReference: `BR${n}`,
      otherReferences: [],
      creditorReferences: [],
      referredDocuments: [],
      remittanceText: [],
      additionalInfo: [],
      source: { path: `SYN/${n}` },
      ...partial,
    });
    truth.set(id, { scenario, invoiceIds: ids.map((i) => invoices[i]?.invoiceId ?? '').sort() });
  };

  for (let k = 0; k < opts.lines; k++) {
    let x = r() * total;
    let scenario: Scenario = scenarios[0] ?? 'noise';
    for (const s of scenarios) {
      x -= mix[s] ?? 0;
      if (x < 0) {
        scenario = s;
        break;
      }
    }
    const single = (f?: (inv: OpenInvoice) => boolean): [number, OpenInvoice] | undefined => {
      const i = take(f);
      const inv = i === undefined ? undefined : invoices[i];
      return i === undefined || inv === undefined ? undefined : [i, inv];
    };
    switch (scenario) {
      case 'rf-exact':
      case 'rf-typo': {
        const s = single((inv) => inv.paymentReference !== undefined);
        if (!s) break;
        const [i, inv] = s;
        let ref = inv.paymentReference ?? '';
        if (scenario === 'rf-typo') {
          const pos = int(4, ref.length - 1);
          const ch = ref[pos] === '7' ? '1' : '7';
          ref = ref.slice(0, pos) + ch + ref.slice(pos + 1);
        }
        line(scenario, [i], { amountMinor: inv.openAmountMinor, creditorReferences: [ref], ...who(inv) });
        break;
      }
      case 'number-in-text':
      case 'digits-only': {
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        const text =
          scenario === 'digits-only'
            ? `Zahlung ${inv.invoiceNumber.replace(/^\D+0*/, '')}`
            : `${pick(['Invoice', 'Rechnung', 'Payment for', 'Factuur', ''])} ${writeNumber(inv)} ${pick(['thanks', '', 'Kd 4711', 'ref 2026'])}`.trim();
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [text],
          ...who(inv),
          ...(scenario === 'digits-only' ? { counterpartyAccount: payerOf(inv).iban } : {}),
        });
        break;
      }
      case 'payer-amount': {
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [pick(['Sammelzahlung', 'payment', 'Zahlung lt. Vereinbarung'])],
          counterpartyName: payerOf(inv).name,
          counterpartyAccount: payerOf(inv).iban,
        });
        break;
      }
      case 'fee-short':
      case 'charges': {
        const s = single((inv) => inv.openAmountMinor > 100_000);
        if (!s) break;
        const [i, inv] = s;
        const fee = pick([750, 1000, 1500, 2000]);
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor - fee,
          remittanceText: [writeNumber(inv)],
          ...who(inv),
          ...(scenario === 'charges' ? { chargesMinor: fee } : {}),
        });
        break;
      }
      case 'early-discount': {
        const s = single((inv) => inv.earlyPaymentDiscount !== undefined);
        if (!s) break;
        const [i, inv] = s;
        const discount = Math.floor((inv.amountMinor * 200 + 5000) / 10000);
        line(
          scenario,
          [i],
          {
            amountMinor: inv.openAmountMinor - discount,
            remittanceText: [`${writeNumber(inv)} abzgl. 2% Skonto`],
            ...who(inv),
          },
          addDays(inv.issuedAt ?? '2026-03-01', int(1, 9)),
        );
        break;
      }
      case 'fx': {
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        // Payer converts at a slightly different rate than ours (within 1 %).
        const usd = Math.round((inv.openAmountMinor / 0.925) * (1 + (r() - 0.5) / 100));
        line(scenario, [i], {
          amountMinor: usd,
          currency: 'USD',
          remittanceText: [writeNumber(inv)],
          ...who(inv),
        });
        break;
      }
      case 'partial':
      case 'overpayment': {
        const s = single((inv) => inv.openAmountMinor > 100_000);
        if (!s) break;
        const [i, inv] = s;
        const amount =
          scenario === 'partial'
            ? Math.floor((inv.openAmountMinor * int(30, 70)) / 100)
            : inv.openAmountMinor + int(5000, 50000);
        line(scenario, [i], {
          amountMinor: amount,
          remittanceText: [`${scenario === 'partial' ? 'Teilzahlung' : 'Zahlung'} ${writeNumber(inv)}`],
          ...who(inv),
        });
        break;
      }
      case 'installments': {
        const s = single((inv) => inv.openAmountMinor > 100_000);
        if (!s) break;
        const [i, inv] = s;
        const half = Math.floor(inv.openAmountMinor / 2);
        line(scenario, [i], {
          amountMinor: half,
          remittanceText: [`1. Rate ${writeNumber(inv)}`],
          ...who(inv),
        });
        line(
          scenario,
          [i],
          {
            amountMinor: inv.openAmountMinor - half,
            remittanceText: [`2. Rate ${writeNumber(inv)}`],
            ...who(inv),
          },
          addDays(inv.issuedAt ?? '2026-03-01', 45),
        );
        k++;
        break;
      }
      case 'multi-referenced':
      case 'multi-subset':
      case 'remittance-advice': {
        const ids = takeSamePayer(int(2, 3));
        if (!ids) break;
        const invs = ids.map((i) => invoices[i] as OpenInvoice);
        const sum = invs.reduce((s, inv) => s + inv.openAmountMinor, 0);
        const first = invs[0] as OpenInvoice;
        if (scenario === 'multi-referenced') {
          line(scenario, ids, {
            amountMinor: sum,
            remittanceText: [invs.map(writeNumber).join(', ')],
            ...who(first),
          });
        } else if (scenario === 'multi-subset') {
          // Paid after the last of its invoices was issued: nothing pays an invoice not yet written
          // without naming it. (One draw, as the default date takes, so later lines stay the same.)
          const lastIssued = invs.map((inv) => inv.issuedAt ?? '2026-03-01').sort()[invs.length - 1];
          line(
            scenario,
            ids,
            {
              amountMinor: sum,
              remittanceText: ['Sammelzahlung'],
              counterpartyName: payerOf(first).name,
              counterpartyAccount: payerOf(first).iban,
            },
            addDays(lastIssued ?? '2026-03-01', int(1, 40)),
          );
        } else {
          const e2e = `E2E-${opts.seed}-${n + 1}`;
          remittances.push({
            adviceId: `RA-${n + 1}`,
            paymentReference: e2e,
            lines: invs.map((inv) => ({
              invoiceNumber: inv.invoiceNumber,
              amountMinor: inv.openAmountMinor,
            })),
          });
          line(scenario, ids, {
            amountMinor: sum,
            endToEndId: e2e,
            remittanceText: ['see advice'],
            ...who(first),
          });
        }
        break;
      }
      case 'credit-note': {
        const s = single((inv) => inv.openAmountMinor > 200_000);
        if (!s) break;
        const [i, inv] = s;
        const credit = Math.floor(inv.openAmountMinor * 0.1);
        const seq = String(invoices.length + 1).padStart(7, '0');
        invoices.push({
          invoiceId: `cn-${seq}`,
          invoiceNumber: `CN-${seq}`,
          kind: 'credit-note',
          payerId: inv.payerId,
          ...(inv.payerName === undefined ? {} : { payerName: inv.payerName }),
          currency: 'EUR',
          amountMinor: credit,
          openAmountMinor: credit,
          ...(inv.issuedAt === undefined ? {} : { issuedAt: inv.issuedAt }),
        });
        used.add(invoices.length - 1);
        line(scenario, [i, invoices.length - 1], {
          amountMinor: inv.openAmountMinor - credit,
          remittanceText: [`${writeNumber(inv)} ./. CN-${seq}`],
          ...who(inv),
        });
        break;
      }
      case 'parent-company': {
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [writeNumber(inv)],
          counterpartyName: payerOf(inv).parent,
          counterpartyAccount: payerOf(inv).parentIban,
        });
        break;
      }
      case 'ambiguous-twins': {
        const s = single((inv) => inv.earlyPaymentDiscount === undefined);
        if (!s) break;
        const [i, inv] = s;
        const seq = String(invoices.length + 1).padStart(7, '0');
        invoices.push({ ...inv, invoiceId: `inv-${seq}`, invoiceNumber: `INV-${seq}` });
        const { paymentReference: _drop, ...twin } = invoices[invoices.length - 1] as OpenInvoice;
        invoices[invoices.length - 1] = twin;
        used.add(invoices.length - 1);
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: ['payment'],
          counterpartyName: payerOf(inv).name,
          counterpartyAccount: payerOf(inv).iban,
        });
        break;
      }
      case 'wrong-number': {
        // The payer quotes a wrong invoice number (one digit off) but pays the right amount.
        const s = single((inv) => inv.invoiceNumber.startsWith('INV-'));
        if (!s) break;
        const [i, inv] = s;
        const digits = inv.invoiceNumber.replace(/^\D+/, '');
        const pos = digits.length - 1 - int(0, 2);
        const d = String((Number(digits[pos]) + int(1, 8)) % 10);
        const wrong = `INV-${digits.slice(0, pos)}${d}${digits.slice(pos + 1)}`;
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [`Invoice ${wrong}`],
          counterpartyName: payerOf(inv).name,
          counterpartyAccount: payerOf(inv).iban,
        });
        break;
      }
      case 'credit-note-netting': {
        // Invoice minus an open credit note; the text names only the invoice.
        const s = single((inv) => inv.openAmountMinor > 200_000 && inv.earlyPaymentDiscount === undefined);
        if (!s) break;
        const [i, inv] = s;
        const credit = Math.max(500, Math.floor((inv.openAmountMinor * int(2, 100)) / 1000));
        const seq = String(invoices.length + 1).padStart(7, '0');
        invoices.push({
          invoiceId: `cn-${seq}`,
          invoiceNumber: `GS-${seq}`,
          kind: 'credit-note',
          payerId: inv.payerId,
          ...(inv.payerName === undefined ? {} : { payerName: inv.payerName }),
          currency: 'EUR',
          amountMinor: credit,
          openAmountMinor: credit,
          ...(inv.issuedAt === undefined ? {} : { issuedAt: inv.issuedAt }),
        });
        used.add(invoices.length - 1);
        line(scenario, [i, invoices.length - 1], {
          amountMinor: inv.openAmountMinor - credit,
          ...(inv.paymentReference && r() < 0.5
            ? { creditorReferences: [inv.paymentReference] }
            : { remittanceText: [writeNumber(inv)] }),
          ...who(inv),
        });
        break;
      }
      case 'fx-bank': {
        // A EUR invoice paid from a CHF/GBP/USD account: the bank converts and books a few per
        // mille less than the payer meant; the entry carries the instructed amount and the rate.
        const s = single((inv) => inv.openAmountMinor > 50_000);
        if (!s) break;
        const [i, inv] = s;
        const [ccy, rate] = pick([
          ['CHF', '1.0635'],
          ['GBP', '1.1620'],
          ['USD', '0.9250'],
        ] as const);
        const ratio = rateRatio(rate);
        if (!ratio) break;
        const target = Math.floor((inv.openAmountMinor * (10000 - int(5, 50))) / 10000);
        const instructed = convertAtRatio(target, 'EUR', ccy, { num: ratio.den, den: ratio.num });
        const booked = convertAtRatio(instructed, ccy, 'EUR', ratio);
        if (booked >= inv.openAmountMinor) break;
        line(scenario, [i], {
          amountMinor: booked,
          instructedAmount: { amountMinor: instructed, currency: ccy },
          exchangeRate: { sourceCurrency: ccy, targetCurrency: 'EUR', rate },
          remittanceText: [writeNumber(inv)],
          ...who(inv),
        });
        break;
      }
      case 'charges-reported': {
        // MT940 /OCMT/ (original amount) and /CHGS/ (charges) above the fixed 25 EUR.
        const s = single((inv) => inv.openAmountMinor > 100_000 && inv.earlyPaymentDiscount === undefined);
        if (!s) break;
        const [i, inv] = s;
        const fee = int(2600, 6000);
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor - fee,
          instructedAmount: { amountMinor: inv.openAmountMinor, currency: 'EUR' },
          chargesMinor: fee,
          remittanceText: [writeNumber(inv)],
          ...who(inv),
        });
        break;
      }
      case 'grouped-charges': {
        const ids = takeSamePayer(int(2, 3));
        if (!ids) break;
        const invs = ids.map((i) => invoices[i] as OpenInvoice);
        const sum = invs.reduce((a, inv) => a + inv.openAmountMinor, 0);
        const fee = int(1000, 4500);
        if (sum <= fee * 10) break;
        line(scenario, ids, {
          amountMinor: sum - fee,
          chargesMinor: fee,
          remittanceText: [invs.map(writeNumber).join(' ')],
          ...who(invs[0] as OpenInvoice),
        });
        break;
      }
      case 'rmtd-split': {
        // One payment, the amount per document stated (RfrdDocAmt/RmtdAmt): a discount on one,
        // half of another.
        const ids = takeSamePayer(2);
        if (!ids) break;
        const [x, y] = ids.map((i) => invoices[i] as OpenInvoice) as [OpenInvoice, OpenInvoice];
        const discount = Math.floor((x.openAmountMinor * 200 + 5000) / 10000);
        const half = Math.floor(y.openAmountMinor / 2);
        if (discount === 0 || half === 0) break;
        line(scenario, ids, {
          amountMinor: x.openAmountMinor - discount + half,
          referredDocuments: [
            {
              number: x.invoiceNumber,
              type: 'CINV',
              remittedMinor: x.openAmountMinor - discount,
              discountMinor: discount,
            },
            { number: y.invoiceNumber, type: 'CINV', remittedMinor: half },
          ],
          ...who(x),
        });
        break;
      }
      case 'silent-fee': {
        // An intermediary bank took 26-50 EUR without saying so; the reference is certain.
        const s = single(
          (inv) =>
            inv.openAmountMinor > 500_000 &&
            inv.paymentReference !== undefined &&
            inv.earlyPaymentDiscount === undefined,
        );
        if (!s) break;
        const [i, inv] = s;
        const fee = int(2600, 5000);
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor - fee,
          creditorReferences: [inv.paymentReference ?? ''],
          ...who(inv),
        });
        break;
      }
      case 'name-printed': {
        // No reference, no account: the name as the bank prints it, and an exact amount.
        const s = single((inv) => inv.openAmountMinor % 10000 !== 0);
        if (!s) break;
        const [i, inv] = s;
        const printed = transliterate(payerOf(inv).name).toUpperCase();
        const style = int(0, 3);
        const name =
          style === 0
            ? printed
            : style === 1
              ? printed.slice(0, 27)
              : style === 2
                ? `${printed} INTERNATIONAL`.slice(0, 35)
                : printed.replace(/ (GMBH.*|AG|KG|SE|LTD|BV)$/, ' GROUP');
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [pick(['Zahlung', 'Ueberweisung', 'payment'])],
          counterpartyName: name,
        });
        break;
      }
      case 'number-variant': {
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        const num = inv.invoiceNumber;
        const digits = num.replace(/^\D+/, '');
        const prefix = num.replace(/[^A-Z].*$/, '');
        const style = int(0, 4);
        const typo = (d: string): string => {
          // Swap two different neighbours among the last four digits.
          for (let k = d.length - 2; k >= d.length - 5 && k >= 0; k--)
            if (/\d\d/.test(d.slice(k, k + 2)) && d[k] !== d[k + 1])
              return d.slice(0, k) + d[k + 1] + d[k] + d.slice(k + 2);
          return d;
        };
        const text =
          style === 0
            ? `Zahlung ${digits.includes('/') ? digits : `${prefix}${digits}`}`
            : style === 1
              ? `${prefix}${digits.replace(/\D/g, '')}`
              : style === 2
                ? `${prefix}.${digits.replace(/\//g, '.')}`
                : style === 3
                  ? `Rechnung ${num.replace(/0/g, 'O')}`
                  : `Rechnung ${prefix}-${typo(digits)}`;
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [text],
          ...who(inv),
          ...(style === 4 ? { counterpartyAccount: payerOf(inv).iban } : {}),
        });
        break;
      }
      case 'payment-factory': {
        // A group's shared-service centre pays for a group company, from its own account.
        const s = single();
        if (!s) break;
        const [i, inv] = s;
        const word = (payerOf(inv).name.split(' ')[0] ?? 'Group').toUpperCase();
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          ...(inv.paymentReference && r() < 0.5
            ? { creditorReferences: [inv.paymentReference] }
            : { remittanceText: [writeNumber(inv)] }),
          counterpartyName: `${transliterate(word)} GROUP SHARED SERVICES`,
          counterpartyAccount: iban(700_000_000 + int(1, 999)),
        });
        break;
      }
      case 'statement-order': {
        // Day d: the payer pays a by IBAN and exact amount. Day d+1: a partial on b (RF) that
        // leaves b open at a's amount; processed surest-first across days it made a ambiguous.
        const ids = takeSamePayer(2);
        if (!ids) break;
        const [a, b] = ids.map((i) => invoices[i] as OpenInvoice) as [OpenInvoice, OpenInvoice];
        if (b.openAmountMinor <= a.openAmountMinor || b.paymentReference === undefined) break;
        const d = addDays(a.issuedAt ?? '2026-03-01', int(5, 30));
        line(
          scenario,
          [ids[0] ?? 0],
          {
            amountMinor: a.openAmountMinor,
            remittanceText: ['Zahlung'],
            counterpartyName: payerOf(a).name,
            counterpartyAccount: payerOf(a).iban,
          },
          d,
        );
        line(
          scenario,
          [ids[1] ?? 0],
          {
            amountMinor: b.openAmountMinor - a.openAmountMinor,
            creditorReferences: [b.paymentReference],
            remittanceText: ['Teilzahlung'],
            counterpartyAccount: payerOf(a).iban,
          },
          addDays(d, 1),
        );
        k++;
        break;
      }
      case 'decoy-unknown-payer': {
        // Someone unknown pays exactly the open amount of another payer's invoice.
        const s = single((inv) => inv.openAmountMinor % 10000 !== 0);
        if (!s) break;
        const [, inv] = s;
        line(scenario, [], {
          amountMinor: inv.openAmountMinor,
          remittanceText: [pick(['Rechnung', 'Auftrag', 'payment'])],
          counterpartyName: `Unknown Payer ${int(1, 99999)} GmbH`,
          counterpartyAccount: iban(600_000_000 + int(1, 99999)),
        });
        break;
      }
      case 'decoy-foreign-rf': {
        // A refund that carries someone else's (valid) RF reference.
        line(scenario, [], {
          amountMinor: int(1000, 90_000) * 10 + 7,
          creditorReferences: [createRfReference(`${int(100000, 999999)}${int(10, 99)}`)],
          remittanceText: ['Erstattung'],
          counterpartyName: `Refund Desk ${int(1, 999)}`,
          counterpartyAccount: iban(500_000_000 + int(1, 99999)),
        });
        break;
      }
      case 'decoy-paid-invoice': {
        // x is paid; a later line from the payer names x again and pays y+z: never apply.
        const ids = takeSamePayer(3);
        if (!ids) break;
        const [x, y, z] = ids.map((i) => invoices[i] as OpenInvoice) as [
          OpenInvoice,
          OpenInvoice,
          OpenInvoice,
        ];
        const d = addDays(x.issuedAt ?? '2026-03-01', int(5, 20));
        line(
          'number-in-text',
          [ids[0] ?? 0],
          {
            amountMinor: x.openAmountMinor,
            remittanceText: [`Rechnung ${x.invoiceNumber}`],
            counterpartyAccount: payerOf(x).iban,
          },
          d,
        );
        line(
          scenario,
          [],
          {
            amountMinor: y.openAmountMinor + z.openAmountMinor,
            remittanceText: [`Rechnung ${x.invoiceNumber}`],
            counterpartyAccount: payerOf(x).iban,
          },
          addDays(d, 2),
        );
        k++;
        break;
      }
      case 'decoy-duplicate': {
        // The same payment twice in one statement: the second pays nothing open.
        const s = single((inv) => inv.openAmountMinor % 10000 !== 0);
        if (!s) break;
        const [i, inv] = s;
        const d = addDays(inv.issuedAt ?? '2026-03-01', int(5, 30));
        const body = { amountMinor: inv.openAmountMinor, remittanceText: [writeNumber(inv)], ...who(inv) };
        line('number-in-text', [i], body, d);
        line(scenario, [], body, d);
        k++;
        break;
      }
      case 'decoy-digits': {
        // Years, amounts and an end-to-end-id hash whose digits are another payer's invoice
        // number, paying exactly that invoice's open amount.
        const s = single((inv) => inv.invoiceNumber.startsWith('INV-') && inv.openAmountMinor % 10000 !== 0);
        if (!s) break;
        const [, inv] = s;
        const digits = inv.invoiceNumber.replace(/^\D+0*/, '');
        const amount = (inv.openAmountMinor / 100).toFixed(2).replace('.', ',');
        line(scenario, [], {
          amountMinor: inv.openAmountMinor,
          endToEndId: `${int(16, 255).toString(16)}f${digits}a${int(16, 255).toString(16)}`,
          remittanceText: [
            pick([`Bonus 2026 Betrag ${amount}`, `Abschlag ${amount} EUR 2025`, 'Rueckzahlung 2026']),
          ],
          counterpartyName: `Unknown Sender ${int(1, 99999)}`,
          counterpartyAccount: iban(400_000_000 + int(1, 99999)),
        });
        break;
      }
      case 'decoy-padding': {
        // The payer pays a exactly, named only loosely; the payer also has an invoice and a
        // credit note of equal open amount. Padding them around a is a wrong posting.
        const s = single((inv) => inv.openAmountMinor % 10000 !== 0);
        if (!s) break;
        const [i, inv] = s;
        const pad = int(1000, 90_000) * 10 + 3;
        for (const kind of ['invoice', 'credit-note'] as const) {
          const seq = String(invoices.length + 1).padStart(7, '0');
          invoices.push({
            invoiceId: `pad-${seq}`,
            invoiceNumber: `PD-${seq}`,
            ...(kind === 'credit-note' ? { kind } : {}),
            payerId: inv.payerId,
            ...(inv.payerName === undefined ? {} : { payerName: inv.payerName }),
            currency: 'EUR',
            amountMinor: pad,
            openAmountMinor: pad,
            ...(inv.issuedAt === undefined ? {} : { issuedAt: inv.issuedAt }),
          });
          used.add(invoices.length - 1);
        }
        line(scenario, [i], {
          amountMinor: inv.openAmountMinor,
          remittanceText: ['Zahlung'],
          counterpartyName: `${payerOf(inv).name.split(' ')[0]} Handelsgesellschaft`,
        });
        break;
      }
      case 'noise': {
        line(scenario, [], {
          amountMinor: int(1000, 900_000) * 10 + 3,
          remittanceText: [pick(['Erstattung', 'refund 88', 'Gutschrift Bonus', 'Zinsen'])],
          counterpartyName: `Unknown Sender ${int(1, 99999)}`,
          counterpartyAccount: iban(800_000_000 + int(1, 99999)),
        });
        break;
      }
    }
  }
  return { invoices, transactions, remittances, truth, fxRate };
}

// The number words of German, French, Spanish, Italian and Dutch payment terms, 1 to 999, as the
// terms reader sees them (lower case, accents folded, hyphens dropped, words joined by one space:
// "fünfunddreißig" is "funfunddreißig", "quatre-vingt-dix" is "quatre vingt dix"). Built once when
// the module loads, so reading a number is a few map look-ups, not a regex or a parse per call.

/** Each wording to its value. */
export const NUMBER_WORDS: Map<string, number> = new Map();
/** The words a number may start with. */
export const NUMBER_STARTS: Set<string> = new Set();
/** The wordings a longer one continues ("quatre vingt" of "quatre vingt dix"): read on past them. */
export const NUMBER_PREFIXES: Set<string> = new Set();

function add(key: string, value: number): void {
  // Two languages never give one wording two values; were they to, the larger counts (the longer tenor).
  const had = NUMBER_WORDS.get(key);
  if (had === undefined || value > had) NUMBER_WORDS.set(key, value);
  const words = key.split(' ');
  NUMBER_STARTS.add(words[0] as string);
  for (let n = 1; n < words.length; n++) NUMBER_PREFIXES.add(words.slice(0, n).join(' '));
}

type Spellings = readonly (readonly string[])[];

/**
 * Adds 1..99 from spellings indexed by value (each value's spellings), then each hundreds word
 * ("hundert" 100, "zweihundert" 200) alone and before them, joined by `join`.
 */
function addAll(
  below100: Spellings,
  hundreds: readonly (readonly [string, number])[],
  join: (h: string, n: string) => readonly string[],
): void {
  for (let v = 1; v < 100; v++) for (const s of below100[v] ?? []) add(s, v);
  for (const [h, value] of hundreds) {
    add(h, value);
    for (let v = 1; v < 100; v++)
      for (const s of below100[v] ?? []) for (const k of join(h, s)) add(k, value + v);
  }
}

/** Hundreds words from multipliers 2..9 (index 0 is 2): `word(unit)` for each spelling of the unit. */
function hundredsOf(
  units: Spellings,
  word: (unit: string) => string,
  hundred: readonly (readonly [string, number])[],
): (readonly [string, number])[] {
  const out: (readonly [string, number])[] = [...hundred];
  for (let u = 2; u < 10; u++) for (const unit of units[u] ?? []) out.push([word(unit), u * 100]);
  return out;
}

/** Spellings of 1..99 built from units, teens and tens by a language's rule for 21, 22, ... */
function spell(
  units: Spellings,
  teens: Spellings,
  tens: Spellings,
  compound: (ten: string, unit: string, u: number, t: number) => readonly string[],
): string[][] {
  const out: string[][] = [];
  for (let v = 1; v < 100; v++) out[v] = [];
  for (let u = 1; u < 10; u++) out[u]?.push(...(units[u] ?? []));
  for (let v = 10; v < 20; v++) out[v]?.push(...(teens[v - 10] ?? []));
  for (let t = 2; t < 10; t++)
    for (const ten of tens[t] ?? []) {
      out[t * 10]?.push(ten);
      for (let u = 1; u < 10; u++)
        for (const unit of units[u] ?? []) out[t * 10 + u]?.push(...compound(ten, unit, u, t));
    }
  return out;
}

// German: one word, the unit first ("fünfunddreißig"), "hundert" before the rest ("hundertachtzig").
{
  const units = [
    [],
    ['ein', 'eins'],
    ['zwei'],
    ['drei'],
    ['vier'],
    ['funf', 'fuenf'],
    ['sechs'],
    ['sieben'],
    ['acht'],
    ['neun'],
  ];
  const teens = [
    ['zehn'],
    ['elf'],
    ['zwolf', 'zwoelf'],
    ['dreizehn'],
    ['vierzehn'],
    ['funfzehn', 'fuenfzehn'],
    ['sechzehn'],
    ['siebzehn'],
    ['achtzehn'],
    ['neunzehn'],
  ];
  const tens = [
    [],
    [],
    ['zwanzig'],
    ['dreißig', 'dreissig'],
    ['vierzig'],
    ['funfzig', 'fuenfzig'],
    ['sechzig'],
    ['siebzig'],
    ['achtzig'],
    ['neunzig'],
  ];
  // "einunddreißig", not "einsunddreißig".
  const below = spell(units, teens, tens, (ten, unit) => (unit === 'eins' ? [] : [`${unit}und${ten}`]));
  // "zweihundert", "dreihundertsechzig", "zweihundertundzehn": to 999 in one word.
  const hundreds = hundredsOf(units, (u) => `${u}hundert`, [
    ['hundert', 100],
    ['einhundert', 100],
  ]);
  addAll(below, hundreds, (h, n) => [h + n, `${h}und${n}`]);
}

// French: words joined by hyphens or spaces, "et" before "un" and "onze" ("vingt et un"), 70 to 99
// as 60 + 10..19 and 4 × 20 + 1..19 ("soixante-quinze", "quatre-vingt-dix"), or in Belgian and
// Swiss words ("septante", "huitante", "octante", "nonante").
{
  const units = [
    [],
    ['un', 'une'],
    ['deux'],
    ['trois'],
    ['quatre'],
    ['cinq'],
    ['six'],
    ['sept'],
    ['huit'],
    ['neuf'],
  ];
  const teens = [
    ['dix'],
    ['onze'],
    ['douze'],
    ['treize'],
    ['quatorze'],
    ['quinze'],
    ['seize'],
    ['dix sept'],
    ['dix huit'],
    ['dix neuf'],
  ];
  const tens = [
    [],
    [],
    ['vingt'],
    ['trente'],
    ['quarante'],
    ['cinquante'],
    ['soixante'],
    ['septante'],
    ['huitante', 'octante'],
    ['nonante'],
  ];
  const below = spell(units, teens, tens, (ten, unit, u) =>
    u === 1 ? [`${ten} et ${unit}`, `${ten} ${unit}`] : [`${ten} ${unit}`],
  );
  for (const [v, s] of teens.entries()) {
    below[60 + 10 + v]?.push(`soixante ${s[0]}`);
    if (v === 1) below[71]?.push('soixante et onze');
  }
  for (const eighty of ['quatre vingts', 'quatre vingt']) below[80]?.push(eighty);
  for (let u = 1; u < 10; u++) for (const unit of units[u] ?? []) below[80 + u]?.push(`quatre vingt ${unit}`);
  for (const [v, s] of teens.entries()) below[90 + v]?.push(`quatre vingt ${s[0]}`);
  // "deux cent dix" is read word by word (the unit times "cent", then the rest).
  addAll(below, [['cent', 100]], (h, n) => [`${h} ${n}`]);
}

// Spanish: 16 to 29 in one word ("dieciséis", "veinticinco"), then "treinta y cinco"; "cien" is
// 100, "ciento" begins 101 to 199, and the hundreds to 900 are one word ("doscientos diez").
{
  const units = [
    [],
    ['uno', 'un', 'una'],
    ['dos'],
    ['tres'],
    ['cuatro'],
    ['cinco'],
    ['seis'],
    ['siete'],
    ['ocho'],
    ['nueve'],
  ];
  const teens = [
    ['diez'],
    ['once'],
    ['doce'],
    ['trece'],
    ['catorce'],
    ['quince'],
    ['dieciseis'],
    ['diecisiete'],
    ['dieciocho'],
    ['diecinueve'],
  ];
  const tens = [
    [],
    [],
    ['veinte'],
    ['treinta'],
    ['cuarenta'],
    ['cincuenta'],
    ['sesenta'],
    ['setenta'],
    ['ochenta'],
    ['noventa'],
  ];
  const below = spell(units, teens, tens, (ten, unit, _u, t) =>
    t === 2 ? [`veinti${unit}`, `${ten} y ${unit}`] : [`${ten} y ${unit}`],
  );
  add('cien', 100);
  // "doscientos", "quinientas", "setecientos": each in both genders, then the rest apart.
  const hundreds: [string, number][] = [['ciento', 100]];
  for (const [h, value] of [
    ['doscient', 200],
    ['trescient', 300],
    ['cuatrocient', 400],
    ['quinient', 500],
    ['seiscient', 600],
    ['setecient', 700],
    ['ochocient', 800],
    ['novecient', 900],
  ] as const)
    hundreds.push([`${h}os`, value], [`${h}as`, value]);
  addAll(below, hundreds, (h, n) => [`${h} ${n}`]);
}

// Italian: one word, the tens first, their last vowel dropped before "uno" and "otto"
// ("ventuno", "ventotto"), "cento" before the rest ("centottanta", "centoventi").
{
  const units = [
    [],
    ['uno'],
    ['due'],
    ['tre'],
    ['quattro'],
    ['cinque'],
    ['sei'],
    ['sette'],
    ['otto'],
    ['nove'],
  ];
  const teens = [
    ['dieci'],
    ['undici'],
    ['dodici'],
    ['tredici'],
    ['quattordici'],
    ['quindici'],
    ['sedici'],
    ['diciassette'],
    ['diciotto'],
    ['diciannove'],
  ];
  const tens = [
    [],
    [],
    ['venti'],
    ['trenta'],
    ['quaranta'],
    ['cinquanta'],
    ['sessanta'],
    ['settanta'],
    ['ottanta'],
    ['novanta'],
  ];
  const below = spell(units, teens, tens, (ten, unit, u) =>
    u === 1 || u === 8 ? [ten.slice(0, -1) + unit, ten + unit] : [ten + unit],
  );
  // "centotto", "centottanta", and the unelided "centoottanta".
  // "duecento", "trecentosessanta": to 999 in one word.
  const hundreds = hundredsOf(units, (u) => `${u}cento`, [['cento', 100]]);
  addAll(below, hundreds, (h, n) => (n.startsWith('o') ? [h.slice(0, -1) + n, h + n] : [h + n]));
}

// Dutch: one word, the unit first with "en" ("vijfendertig"; "tweeëntwintig" folds to
// "tweeentwintig"), "honderd" before the rest ("honderdtachtig").
{
  const units = [
    [],
    ['een'],
    ['twee'],
    ['drie'],
    ['vier'],
    ['vijf'],
    ['zes'],
    ['zeven'],
    ['acht'],
    ['negen'],
  ];
  const teens = [
    ['tien'],
    ['elf'],
    ['twaalf'],
    ['dertien'],
    ['veertien'],
    ['vijftien'],
    ['zestien'],
    ['zeventien'],
    ['achttien'],
    ['negentien'],
  ];
  const tens = [
    [],
    [],
    ['twintig'],
    ['dertig'],
    ['veertig'],
    ['vijftig'],
    ['zestig'],
    ['zeventig'],
    ['tachtig'],
    ['negentig'],
  ];
  const below = spell(units, teens, tens, (ten, unit) => [`${unit}en${ten}`]);
  // "tweehonderd", "driehonderdvijfenzestig": to 999 in one word.
  const hundreds = hundredsOf(units, (u) => `${u}honderd`, [
    ['honderd', 100],
    ['eenhonderd', 100],
  ]);
  addAll(below, hundreds, (h, n) => [h + n]);
}

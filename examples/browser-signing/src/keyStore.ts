// Where the supplier's keys live: only in this browser, never as readable bytes in storage.
//
// - The quid key (ECDSA P-256, signs Quidnug transactions) is a WebCrypto CryptoKey created
//   with `extractable: false`. The browser signs with it, but no script (this page included)
//   can read its private bytes. IndexedDB stores CryptoKey objects as they are (structured
//   clone), so the key survives a reload without ever being exported.
// - The document key (Ed25519, signs the off-chain invoice document) is 32 raw bytes, because
//   @noble/ed25519 signs with bytes. It is stored encrypted with AES-GCM under a key derived
//   from the supplier's passphrase (PBKDF2-SHA-256, 600 000 iterations), and decrypted into
//   memory only while the page is open.

const DB_NAME = 'quidfin-supplier';
const STORE = 'keys';
const RECORD = 'supplier';
const PBKDF2_ITERATIONS = 600_000;

/** What IndexedDB holds: no secret in the clear. */
export interface StoredKeys {
  /** P-256 quid key pair; `privateKey.extractable === false`. */
  quidKeyPair: CryptoKeyPair;
  /** Ed25519 document secret key, AES-GCM encrypted under the passphrase. */
  documentKey: { salt: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer };
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Derives the AES-GCM key that wraps the document key; the passphrase itself is never stored. */
async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts the document key under `passphrase` and saves it with the quid key pair. */
export async function saveKeys(
  quidKeyPair: CryptoKeyPair,
  documentSecretKey: Uint8Array,
  passphrase: string,
): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new Uint8Array(documentSecretKey),
  );
  const record: StoredKeys = { quidKeyPair, documentKey: { salt, iv, ciphertext } };
  await withStore('readwrite', (store) => store.put(record, RECORD));
}

/**
 * Loads the saved keys and decrypts the document key. Returns `undefined` when nothing is saved;
 * throws when the passphrase is wrong (AES-GCM authentication fails).
 */
export async function loadKeys(
  passphrase: string,
): Promise<{ quidKeyPair: CryptoKeyPair; documentSecretKey: Uint8Array } | undefined> {
  const record = await withStore<StoredKeys | undefined>('readonly', (store) => store.get(RECORD));
  if (!record) return undefined;
  const { salt, iv, ciphertext } = record.documentKey;
  const key = await passphraseKey(passphrase, salt);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext).catch(() => {
    throw new Error('wrong passphrase');
  });
  return { quidKeyPair: record.quidKeyPair, documentSecretKey: new Uint8Array(plain) };
}

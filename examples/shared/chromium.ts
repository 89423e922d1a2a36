// How every browser test launches Debian's Chromium offline (vitest browser projects and the
// Playwright e2e test): never `playwright install`; set CHROMIUM_PATH to use another binary.
export const chromiumLaunchOptions: { executablePath: string; args: string[] } = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/lib/chromium/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-quic',
    // Without these Chromium keeps trying to reach Google's hosts, which this network refuses.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

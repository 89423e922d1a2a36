import { playwright } from '@vitest/browser-playwright';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumLaunchOptions } from './examples/shared/chromium.ts';

// Debian's Chromium, driven offline by Playwright.
const chromium = playwright({ launchOptions: chromiumLaunchOptions });

/** Packages whose suites also run in a real browser (plain `*.test.ts` runs in both). */
const browserPackages = new Set(['core', 'devnode', 'client', 'reconcile']);
const packages = ['core', 'devnode', 'client', 'factoring', 'reconcile', 'einvoice'];

export const projects: TestProjectInlineConfiguration[] = packages.flatMap((name) => {
  const node: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: `${name}:node`,
      root: `packages/${name}`,
      environment: 'node',
      include: ['test/**/*.test.ts'],
      exclude: ['test/**/*.browser.test.ts'],
    },
  };
  if (!browserPackages.has(name)) return [node];
  const browser: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: `${name}:browser`,
      root: `packages/${name}`,
      include: ['test/**/*.test.ts'],
      exclude: ['test/**/*.node.test.ts'],
      browser: {
        enabled: true,
        headless: true,
        provider: chromium,
        instances: [{ browser: 'chromium' }],
        screenshotFailures: false,
      },
    },
  };
  return [node, browser];
});

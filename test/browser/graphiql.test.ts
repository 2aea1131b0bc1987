import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * GraphiQL as a person meets it: a real Chromium (Debian's, installed by .ci/run; skipped where it
 * is absent) with every route off the machine blocked, so a CDN dependency would show as a blank page.
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const describeBrowser = CHROMIUM ? describe : describe.skip;

describeBrowser('GraphiQL in a browser, offline', () => {
  let t: TestGateway;
  let browser: Browser;
  const external: string[] = [];

  beforeAll(async () => {
    t = await startTestGateway();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('loads from the gateway alone and runs the example createBackup', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    await page.goto(t.gateway.url);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    // The default document holds two operations; run the mutation through the execute button's menu.
    await page.click('.graphiql-execute-button');
    await page.getByRole('menuitem', { name: 'CreateBackup' }).click();
    // A locator, not waitForFunction: a string predicate that must be polled is eval'd, which a strict CSP refuses.
    await page.locator('.result-window', { hasText: 'CreateBackupSuccess' }).waitFor({ timeout: 20_000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('"__typename": "CreateBackupSuccess"');
    expect(result).toMatch(/"backupId": "backup-[0-9a-f]+"/);
    expect(external).toEqual([]);
    expect(t.calls('CreateBackup')).toBe(1);
    await page.screenshot({ path: 'coverage/graphiql.png' }).catch(() => undefined);
  }, 60_000);
});

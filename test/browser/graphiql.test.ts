import type { Browser, Page } from 'playwright-core';
import { DEMO, ManualClock } from '../../src/emulator';
import { CHROMIUM, launchChromium } from '../support/chromium';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * GraphiQL as a person meets it: a real Chromium (Debian's, installed by .ci/run; skipped where it
 * is absent) with every route off the machine blocked, so a CDN dependency would show as a blank page.
 */
const describeBrowser = CHROMIUM ? describe : describe.skip;

describeBrowser('GraphiQL in a browser, offline', () => {
  let t: TestGateway;
  const clock = new ManualClock(Date.now());
  let browser: Browser;
  const external: string[] = [];

  /** What the page logged as an error (a CSP violation is one), and its uncaught exceptions. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // A backup takes 3 s of the emulator's clock, which the test moves: a subscription sees it go from
    // CREATING to AVAILABLE however slow the browser is.
    t = await startTestGateway({ backupDurationMs: 3000, clock }, { SUBSCRIPTION_POLL_INTERVAL_MS: '200' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function openGraphiQL(): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    const answer = await page.goto(t.gateway.url);
    expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    return page;
  }

  test('loads from the gateway alone and runs the example createBackup', async () => {
    const page = await openGraphiQL();
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
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  test('a subscription typed into GraphiQL streams its events over a same-origin WebSocket until it completes', async () => {
    const created = await t.gql(
      `mutation { createBackup(input: { fileSystemId: "${DEMO.fileSystems.openzfs}" }) { ... on CreateBackupSuccess { backup { backupId } } } }`,
    );
    const backupId: string = created.body.data.createBackup.backup.backupId;
    const page = await openGraphiQL();
    const events: { lifecycle: string; final: boolean }[] = [];
    let completed = false;
    const sockets: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws.url());
      ws.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: any };
        if (message.type === 'next') {
          const { backup, final } = message.payload.data.backupChanged;
          events.push({ lifecycle: backup.lifecycle, final });
        }
        if (message.type === 'complete') completed = true;
      });
    });
    await page.click('.graphiql-query-editor .CodeMirror');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      [
        'subscription Follow {',
        `  backupChanged(backupIds: ["${backupId}"]) {`,
        '    __typename',
        '    ... on BackupChanged { final backup { backupId lifecycle progressPercent } }',
        '  }',
        '}',
      ].join('\n'),
    );
    // GraphiQL parses the document a moment after an edit; the run button then runs the one operation.
    await page.locator('.graphiql-query-editor', { hasText: 'subscription Follow' }).waitFor();
    await page.waitForTimeout(500);
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: '"lifecycle": "CREATING"' }).waitFor({ timeout: 30_000 });
    clock.advance(3000);
    await page
      .locator('.result-window', { hasText: '"lifecycle": "AVAILABLE"' })
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: 'coverage/graphiql-subscription-failed.png' });
        throw error;
      });
    // The server's `complete` follows the final event.
    for (let i = 0; i < 100 && !completed; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(completed).toBe(true);
    expect(sockets).toEqual([t.gateway.url.replace(/^http/, 'ws')]);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toEqual({ lifecycle: 'CREATING', final: false });
    expect(events.at(-1)).toEqual({ lifecycle: 'AVAILABLE', final: true });
    await page.screenshot({ path: 'coverage/graphiql-subscription.png' }).catch(() => undefined);
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 90_000);
});

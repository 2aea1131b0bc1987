import type { Page } from 'playwright-core';
import { DEMO } from '../../src/emulator/demo-estate';
import { testApiKeys } from '../support/api-keys';
import { CHROMIUM, ConsoleBrowser, assertConsoleBuilt } from '../support/console-browser';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Deletion guards in the console (issue 23): Delete is off, with the guard in words, where
 * `deletionBlockedBy` is not empty; the legal-hold switch is there only for callers with
 * backups:hold (Query.viewer), and it holds and releases. Real Chromium, API keys, the emulator.
 */
const describeBrowser = CHROMIUM ? describe : describe.skip;

describeBrowser('deletion guards in the console', () => {
  const keys = testApiKeys({
    holder: { scopes: ['backups:read', 'backups:write', 'backups:hold'] },
    writer: { scopes: ['backups:read', 'backups:write'] },
  });
  let t: TestGateway;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    assertConsoleBuilt();
    t = await startTestGateway(
      { backupDurationMs: 1000 },
      { ...keys.env, DELETION_GUARDS: JSON.stringify({ keepLatest: 1, minAgeHours: 1 }) },
    );
    browser = await ConsoleBrowser.launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** The console with `who`'s API key, entered as an operator would, showing `fileSystemId`'s backups. */
  async function openAs(who: 'holder' | 'writer', fileSystemId: string): Promise<Page> {
    const page = await browser.open(t.gateway.url);
    await page.getByText('The gateway needs credentials').waitFor({ timeout: 10_000 });
    await page.getByRole('radio', { name: 'API key' }).check();
    await page.getByLabel('Key', { exact: true }).fill(keys.keyOf(who));
    await page.getByRole('button', { name: 'Use credentials' }).click();
    await page.getByRole('button', { name: `Show backups of ${fileSystemId}` }).click();
    await page.getByRole('heading', { name: `Backups of ${fileSystemId}` }).waitFor();
    return page;
  }

  /** Delete's state and the words that say why it is off (its accessible description). */
  async function deleteState(page: Page, backupId: string): Promise<{ disabled: boolean; why: string | null }> {
    const button = page.getByRole('button', { name: `Delete ${backupId}` });
    await button.waitFor();
    const describedBy = await button.getAttribute('aria-describedby');
    return {
      disabled: await button.isDisabled(),
      why: describedBy ? await page.locator(`[id="${describedBy}"]`).textContent() : null,
    };
  }

  test('Delete is off with the guard in words: the newest backup (keepLatest 1), a backup too recent (minAgeHours 1)', async () => {
    const page = await openAs('writer', DEMO.fileSystems.openzfs);
    await page.getByRole('row').filter({ hasText: DEMO.backups.openzfsUser }).waitFor();
    expect(await deleteState(page, DEMO.backups.openzfsUser)).toEqual({ disabled: true, why: 'Kept: the newest backup' });

    // A new backup, once AVAILABLE, is the newest and too recent; the one before it may go now.
    await page.getByRole('button', { name: 'New backup' }).click();
    await page.getByRole('form', { name: 'Create backup' }).getByRole('button', { name: 'Create backup' }).click();
    const started = page.getByRole('status').filter({ hasText: /Backup backup-[0-9a-f]+ started/ });
    await started.waitFor({ timeout: 10_000 });
    const backupId = /backup-[0-9a-f]+/.exec((await started.textContent()) ?? '')![0];
    await page
      .getByRole('status')
      .filter({ hasText: `Backup ${backupId} is available.` })
      .waitFor({ timeout: 15_000 });
    await page
      .getByRole('row')
      .filter({ hasText: backupId })
      .getByText('Too recent to delete · Kept: the newest backup')
      .waitFor({ timeout: 10_000 });
    expect(await deleteState(page, backupId)).toEqual({ disabled: true, why: 'Too recent to delete · Kept: the newest backup' });
    await page
      .getByRole('button', { name: `Delete ${DEMO.backups.openzfsUser}` })
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 10_000 });
    expect(await deleteState(page, DEMO.backups.openzfsUser)).toEqual({ disabled: false, why: null });
    // Without backups:hold there is no legal-hold switch.
    expect(await page.getByRole('switch').count()).toBe(0);
    await page.close();
  }, 60_000);

  test('with backups:hold, the legal-hold switch holds a backup (Delete off: "Under legal hold") and releases it', async () => {
    const page = await openAs('holder', DEMO.fileSystems.windows);
    const hold = page.getByRole('switch', { name: `Legal hold on ${DEMO.backups.windowsAutomatic}` });
    await hold.waitFor({ timeout: 10_000 });
    expect(await page.getByRole('switch').count()).toBe(2);
    expect(await hold.isChecked()).toBe(false);
    expect(await deleteState(page, DEMO.backups.windowsAutomatic)).toEqual({ disabled: false, why: null });
    expect(await deleteState(page, DEMO.backups.windowsUser)).toEqual({ disabled: true, why: 'Kept: the newest backup' });

    t.emulator.calls.clear();
    await hold.click();
    await page.getByText('Under legal hold').waitFor({ timeout: 10_000 });
    expect(await hold.isChecked()).toBe(true);
    expect(await deleteState(page, DEMO.backups.windowsAutomatic)).toEqual({ disabled: true, why: 'Under legal hold' });
    expect(t.emulator.calls.filter((c) => c.operation === 'TagResource').map((c) => (c.input as { Tags: unknown }).Tags)).toEqual([
      [{ Key: 'legal-hold', Value: 'true' }],
    ]);

    await hold.click();
    await page.getByText('Under legal hold').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await hold.isChecked()).toBe(false);
    expect(await deleteState(page, DEMO.backups.windowsAutomatic)).toEqual({ disabled: false, why: null });
    expect(t.calls('UntagResource')).toBe(1);
    await page.close();
  }, 60_000);

  test('nothing left the machine and the pages logged no errors but the 401 that asked for credentials', () => {
    expect(browser.external).toEqual([]);
    expect(browser.errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
  });
});

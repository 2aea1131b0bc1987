import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO, DEMO_ACCOUNT_ESTATE } from '../../src/emulator';
import { EMULATOR_ACCOUNTS, PLATFORM, TEAM_A, fsxAccounts } from '../support/accounts';
import { CHROMIUM, ConsoleBrowser, assertConsoleBuilt } from '../support/console-browser';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * The console across AWS accounts (issue 22): an account select beside the region select when the
 * gateway serves more than one, the chosen account's file systems and regions, and every operation
 * sent for that account. With one account the console looks as it did. Real Chromium, real gateway
 * and emulator, nothing off the machine.
 */
const describeBrowser = CHROMIUM ? describe : describe.skip;
const shot = (name: string) => join(__dirname, '..', '..', 'coverage', `console-accounts-${name}.png`);
const TEAM_A_ESTATE = DEMO_ACCOUNT_ESTATE(TEAM_A);

const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const cell = (page: Page, text: string) => page.getByText(text, { exact: true });

describeBrowser('the console with three accounts', () => {
  let t: TestGateway;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    assertConsoleBuilt();
    t = await startTestGateway({ ...EMULATOR_ACCOUNTS, backupDurationMs: 1500 }, { FSX_ACCOUNTS: fsxAccounts() });
    browser = await ConsoleBrowser.launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const fsxCalls = () => t.emulator.calls.filter((call) => call.service !== 'sts');

  test('the account select lists the accounts served; choosing one shows its file systems and offers its regions', async () => {
    const page = await browser.open(t.gateway.url);
    const account = page.getByLabel('Account');
    const region = page.getByLabel('Region');
    await cell(page, DEMO.fileSystems.windows).waitFor();
    expect(await account.locator('option').allTextContents()).toEqual([
      'platform (123456789012)',
      'team-a (111111111111)',
      'team-b (222222222222)',
    ]);
    expect(await account.inputValue()).toBe(PLATFORM);
    await page.screenshot({ path: shot('default') });

    t.emulator.calls.clear();
    await account.selectOption(TEAM_A);
    await cell(page, TEAM_A_ESTATE.fileSystems.windows).waitFor();
    await cell(page, TEAM_A_ESTATE.fileSystems.ontap).waitFor();
    expect(await cell(page, DEMO.fileSystems.windows).count()).toBe(0);
    expect(fsxCalls().map((c) => [c.operation, c.account])).toEqual([['DescribeFileSystems', TEAM_A]]);
    await page.screenshot({ path: shot('team-a') });

    // A region the next account is not served in falls back to its default; its select offers its own.
    await region.selectOption('us-west-2');
    await page.getByText('No file systems in us-west-2 of account 111111111111.').waitFor();
    await account.selectOption('222222222222');
    await cell(page, DEMO_ACCOUNT_ESTATE('222222222222').fileSystems.windows).waitFor();
    expect(await region.locator('option').allTextContents()).toEqual(['us-east-1 (default)']);
    expect(await region.inputValue()).toBe('us-east-1');
    await page.close();
  }, 60_000);

  test('switching account puts away the file system chosen in the one before', async () => {
    const page = await browser.open(t.gateway.url);
    await page.getByRole('button', { name: `Show backups of ${DEMO.fileSystems.windows}` }).click();
    await page.getByRole('heading', { name: `Backups of ${DEMO.fileSystems.windows}` }).waitFor();
    await page.getByLabel('Account').selectOption(TEAM_A);
    await page.getByText('Choose a file system to see its backups.').waitFor();
    expect(await page.getByRole('heading', { name: /^Backups of/ }).count()).toBe(0);
    await page.close();
  }, 60_000);

  test('a backup created and deleted from the chosen account is made and deleted in that account, and followed live there', async () => {
    const page = await browser.open(t.gateway.url);
    await page.getByLabel('Account').selectOption(TEAM_A);
    const fileSystemId = TEAM_A_ESTATE.fileSystems.windows;
    await page.getByRole('button', { name: `Show backups of ${fileSystemId}` }).click();
    await page.getByRole('heading', { name: `Backups of ${fileSystemId}` }).waitFor();
    await page.getByRole('row').filter({ hasText: TEAM_A_ESTATE.backups.windowsUser }).waitFor();

    t.emulator.calls.clear();
    await page.getByRole('button', { name: 'New backup' }).click();
    const form = page.getByRole('form', { name: 'Create backup' });
    expect(await form.getByLabel('File system').inputValue()).toBe(fileSystemId);
    await form.getByRole('button', { name: 'Create backup' }).click();
    const started = notice(page, /Backup backup-[0-9a-f]+ started\./);
    await started.waitFor({ timeout: 10_000 });
    const backupId = /backup-[0-9a-f]+/.exec((await started.textContent()) ?? '')![0];
    const creates = t.emulator.calls.filter((c) => c.operation === 'CreateBackup');
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ account: TEAM_A, input: { FileSystemId: fileSystemId } });
    // The notice follows it (backupChanged in that account) to the end; its row is in the list.
    await notice(page, `Backup ${backupId} is available.`).waitFor({ timeout: 15_000 });
    await page.getByRole('row').filter({ hasText: backupId }).getByText('AVAILABLE').waitFor();
    await page.screenshot({ path: shot('created') });
    // Every FSx call the console made meanwhile was in the chosen account.
    expect(new Set(fsxCalls().map((c) => c.account))).toEqual(new Set([TEAM_A]));

    t.emulator.calls.clear();
    await page.getByRole('button', { name: `Delete ${backupId}` }).click();
    await page.getByRole('dialog', { name: 'Delete backup?' }).getByRole('button', { name: 'Delete backup' }).click();
    await notice(page, `Backup ${backupId} deleted.`).waitFor({ timeout: 10_000 });
    expect(t.emulator.calls.filter((c) => c.operation === 'DeleteBackup').map((c) => c.account)).toEqual([TEAM_A]);
    await page.close();
  }, 60_000);

  test('Copy offers the regions of the backup’s account and copies within that account', async () => {
    const page = await browser.open(t.gateway.url);
    const account = page.getByLabel('Account');
    const copyIn = async (accountId: string) => {
      await account.selectOption(accountId);
      const estate = DEMO_ACCOUNT_ESTATE(accountId);
      await page.getByRole('button', { name: `Show backups of ${estate.fileSystems.windows}` }).click();
      await page.getByRole('button', { name: `Copy ${estate.backups.windowsUser}` }).click();
      return page.getByRole('dialog', { name: 'Copy backup' });
    };
    // TEAM_B is served in us-east-1 alone.
    let dialog = await copyIn('222222222222');
    expect(await dialog.getByLabel('Destination region').locator('option').allTextContents()).toEqual(['us-east-1 (default)']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    dialog = await copyIn(TEAM_A);
    const destination = dialog.getByLabel('Destination region');
    expect(await destination.locator('option').allTextContents()).toEqual(['us-east-1 (default)', 'us-west-2']);
    await destination.selectOption('us-west-2');
    t.emulator.calls.clear();
    await dialog.getByRole('button', { name: 'Copy backup' }).click();
    await notice(page, `of ${TEAM_A_ESTATE.backups.windowsUser} in us-west-2 is available.`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: shot('copied') });
    const copies = t.emulator.calls.filter((c) => c.operation === 'CopyBackup');
    expect(copies.map((c) => [c.account, c.region])).toEqual([[TEAM_A, 'us-west-2']]);
    expect(copies[0].input).toMatchObject({ SourceBackupId: TEAM_A_ESTATE.backups.windowsUser, SourceRegion: 'us-east-1' });
    await page.close();
  }, 60_000);

  test('a narrow window: the top bar wraps, its controls all within the window', async () => {
    const page = await browser.open(t.gateway.url);
    await page.setViewportSize({ width: 720, height: 600 });
    await cell(page, DEMO.fileSystems.windows).waitFor();
    await page.getByLabel('Account').waitFor();
    await page.screenshot({ path: shot('narrow') });
    // The top bar wraps rather than pushing its last controls off the edge.
    for (const control of [
      page.getByLabel('Region'),
      page.getByRole('button', { name: 'Credentials' }),
      page.getByRole('link', { name: 'GraphiQL' }),
    ]) {
      const box = await control.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(720);
    }
    await page.close();
  }, 60_000);

  test('nothing left the machine and the pages logged no errors', () => {
    expect(browser.external).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

describeBrowser('the console with one account', () => {
  let t: TestGateway;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    assertConsoleBuilt();
    t = await startTestGateway();
    browser = await ConsoleBrowser.launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('no account select: the region select alone, as before', async () => {
    const page = await browser.open(t.gateway.url);
    await cell(page, DEMO.fileSystems.windows).waitFor();
    expect(await page.getByLabel('Region').locator('option').allTextContents()).toEqual(['us-east-1 (default)', 'us-west-2']);
    expect(await page.getByLabel('Account').count()).toBe(0);
    expect(await page.locator('select').count()).toBe(1);
    await page.screenshot({ path: shot('one-account') });
    await page.close();
    expect(browser.external).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 60_000);
});

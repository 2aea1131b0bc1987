import type { Page } from 'playwright-core';
import { DEMO, DEMO_SECOND_REGION } from '../../src/emulator/demo-estate';
import { CHROMIUM, ConsoleBrowser, assertConsoleBuilt, focused } from '../support/console-browser';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * A first-time operator in the console (issue 21): the region picked from a list, "New backup" off
 * where FSx cannot back up (with the reason), ONTAP backed up and restored by volume, failures titled
 * in words, and the keyboard focus where the hand expects it. Real Chromium, real gateway and
 * emulator, nothing off the machine.
 */
const describeBrowser = CHROMIUM ? describe : describe.skip;

describeBrowser('the console at first contact', () => {
  let t: TestGateway;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    assertConsoleBuilt();
    t = await startTestGateway({ backupDurationMs: 1500 });
    browser = await ConsoleBrowser.launch();
  }, 60_000);
  afterEach(() => t.emulator.faults.clear());
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function showBackups(page: Page, fileSystemId: string): Promise<void> {
    await page.getByRole('button', { name: `Show backups of ${fileSystemId}` }).click();
    await page.getByRole('heading', { name: `Backups of ${fileSystemId}` }).waitFor();
  }

  /** The text an element's aria-describedby points at. */
  async function description(page: Page, describedBy: string | null): Promise<string> {
    expect(describedBy).toBeTruthy();
    return (await page.locator(`[id="${describedBy}"]`).textContent()) ?? '';
  }

  const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  test('the region is chosen from the regions the gateway serves, its default first', async () => {
    const page = await browser.open(t.gateway.url);
    const region = page.getByLabel('Region');
    await page.getByText(DEMO.fileSystems.windows, { exact: true }).waitFor();
    expect(await region.locator('option').allTextContents()).toEqual(['us-east-1 (default)', 'us-west-2']);
    await region.selectOption('us-west-2');
    await page.getByText(DEMO_SECOND_REGION.fileSystems.windowsMultiAz, { exact: true }).waitFor();
    expect(await page.getByText(DEMO.fileSystems.windows, { exact: true }).count()).toBe(0);
    await page.close();
  }, 60_000);

  test('"New backup" is off where FSx cannot back up, and says why: scratch Lustre, S3-linked Lustre', async () => {
    const page = await browser.open(t.gateway.url);
    const newBackup = page.getByRole('button', { name: 'New backup' });
    await showBackups(page, DEMO.fileSystems.lustreScratch);
    expect(await newBackup.isDisabled()).toBe(true);
    expect(await description(page, await newBackup.getAttribute('aria-describedby'))).toBe(
      'FSx cannot back up a scratch Lustre file system (SCRATCH_2): scratch storage is temporary.',
    );
    await showBackups(page, DEMO.fileSystems.lustreS3Linked);
    expect(await newBackup.isDisabled()).toBe(true);
    expect(await description(page, await newBackup.getAttribute('aria-describedby'))).toMatch(/linked to an S3 data repository/);
    await showBackups(page, DEMO.fileSystems.lustrePersistent);
    expect(await newBackup.isDisabled()).toBe(false);
    expect(await newBackup.getAttribute('aria-describedby')).toBeNull();
    await page.close();
  }, 60_000);

  test('an ONTAP file system backs up the volume chosen from its volumes, and the notice follows that backup', async () => {
    const page = await browser.open(t.gateway.url);
    await showBackups(page, DEMO.fileSystems.ontap);
    await page.getByRole('button', { name: 'New backup' }).click();
    const form = page.getByRole('form', { name: 'Create backup' });
    const volume = form.getByLabel('Volume');
    await volume.locator('option', { hasText: 'vol2' }).waitFor({ state: 'attached' });
    expect(await volume.locator('option').allTextContents()).toEqual([
      `vol1 (${DEMO.volumes.ontap})`,
      `vol2 (${DEMO.volumes.ontapSecond})`,
    ]);
    await volume.selectOption(DEMO.volumes.ontapSecond);
    t.emulator.calls.clear();
    await form.getByRole('button', { name: 'Create backup' }).click();

    const started = notice(page, /Backup backup-[0-9a-f]+ of volume vol2 started\./);
    await started.waitFor({ timeout: 10_000 });
    const backupId = /backup-[0-9a-f]+/.exec((await started.textContent()) ?? '')![0];
    const [call] = t.emulator.calls.filter((c) => c.operation === 'CreateBackup');
    expect(call.input).toMatchObject({ VolumeId: DEMO.volumes.ontapSecond });
    expect(call.input).not.toHaveProperty('FileSystemId');
    await page.getByRole('row').filter({ hasText: backupId }).getByText('volume vol2').waitFor();
    await notice(page, `Backup ${backupId} of volume vol2 is available.`).waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);

  test('a volume backup is restored as a new volume in a storage virtual machine picked from the list', async () => {
    const page = await browser.open(t.gateway.url);
    await showBackups(page, DEMO.fileSystems.ontap);
    const restore = page.getByRole('button', { name: `Restore ${DEMO.backups.ontapVolume}` });
    await restore.click();
    const dialog = page.getByRole('dialog', { name: 'Restore volume backup' });
    expect(await dialog.getByLabel('Volume name').inputValue()).toBe('vol1_restored');
    // The storage virtual machine is picked from the file system's (FileSystem.storageVirtualMachines).
    const svm = dialog.getByLabel('Storage virtual machine');
    await svm.locator('option', { hasText: 'svm1' }).waitFor({ state: 'attached' });
    expect(await svm.locator('option').allTextContents()).toEqual([`svm1 (${DEMO.storageVirtualMachines.ontap})`]);
    await svm.selectOption(DEMO.storageVirtualMachines.ontap);
    expect(await svm.inputValue()).toBe(DEMO.storageVirtualMachines.ontap);
    t.emulator.calls.clear();
    await dialog.getByRole('button', { name: 'Restore volume' }).click();
    await notice(page, new RegExp(`Restoring ${DEMO.backups.ontapVolume} to new volume vol1_restored \\(fsvol-[0-9a-f]+\\)`)).waitFor({
      timeout: 10_000,
    });
    const [call] = t.emulator.calls.filter((c) => c.operation === 'CreateVolumeFromBackup');
    expect(call.input).toMatchObject({
      BackupId: DEMO.backups.ontapVolume,
      Name: 'vol1_restored',
      OntapConfiguration: { StorageVirtualMachineId: DEMO.storageVirtualMachines.ontap, JunctionPath: '/vol1_restored' },
    });
    // The dialog is gone; focus is back on the button that opened it.
    expect(await focused(page)).toBe(`Restore ${DEMO.backups.ontapVolume}`);
    await page.close();
  }, 60_000);

  test('focus: the Delete dialog opens on Cancel and gives focus back; a submitted form gives it to the control that opened it', async () => {
    const page = await browser.open(t.gateway.url);
    await showBackups(page, DEMO.fileSystems.openzfs);
    const remove = page.getByRole('button', { name: `Delete ${DEMO.backups.openzfsUser}` });
    await remove.click();
    await page.getByRole('dialog', { name: 'Delete backup?' }).waitFor();
    expect(await focused(page)).toBe('Cancel');
    // Enter on the focused control cancels: nothing is deleted by a reflex.
    t.emulator.calls.clear();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(t.calls('DeleteBackup')).toBe(0);
    expect(await focused(page)).toBe(`Delete ${DEMO.backups.openzfsUser}`);
    // Escape likewise.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Delete backup?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe(`Delete ${DEMO.backups.openzfsUser}`);

    // A deleted backup's row is gone with its button: focus goes to the list's heading.
    await remove.click();
    await page.getByRole('dialog', { name: 'Delete backup?' }).getByRole('button', { name: 'Delete backup' }).click();
    await notice(page, `Backup ${DEMO.backups.openzfsUser} deleted.`).waitFor({ timeout: 10_000 });
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatch(new RegExp(`^Backups of ${DEMO.fileSystems.openzfs}`));

    // The create form goes once it has made its backup: focus returns to "New backup".
    await page.getByRole('button', { name: 'New backup' }).click();
    await page.getByRole('form', { name: 'Create backup' }).getByRole('button', { name: 'Create backup' }).click();
    await notice(page, /Backup backup-[0-9a-f]+ started\./).waitFor({ timeout: 10_000 });
    expect(await focused(page)).toBe('New backup');
    await page.close();
  }, 60_000);

  test('failures are titled in words; a retryable one retries; a backup that fails ends its notice with the reason', async () => {
    const page = await browser.open(t.gateway.url);
    await showBackups(page, DEMO.fileSystems.windows);
    await page.getByRole('button', { name: 'New backup' }).click();
    const form = page.getByRole('form', { name: 'Create backup' });
    const create = form.getByRole('button', { name: 'Create backup' });

    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'FileSystemNotFound', times: 1 }]);
    await create.click();
    const alert = form.getByRole('alert');
    await alert.getByText('The file system was not found').waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).not.toMatch(/FileSystemNotFound/);
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    // Focus stays on the button that submitted the form.
    expect(await focused(page)).toBe('Create backup');

    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'BackupInProgress', times: 1 }]);
    await create.click();
    await alert.getByText('A backup is already in progress').waitFor({ timeout: 10_000 });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await notice(page, /Backup backup-[0-9a-f]+ started\./).waitFor({ timeout: 10_000 });
    await notice(page, /Backup backup-[0-9a-f]+ is available\./).waitFor({ timeout: 15_000 });

    t.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 40, times: 1, message: 'The disk caught fire.' }]);
    await page.getByRole('button', { name: 'New backup' }).click();
    await create.click();
    await notice(page, /Backup backup-[0-9a-f]+ failed: The disk caught fire\./).waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);

  test('nothing left the machine and the pages logged no errors', () => {
    expect(browser.external).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

/** Standalone emulator: `npm run emulator`. Configured by FSX_EMULATOR_* (see emulator-config.ts). */
import { ConfigError } from '../env';
import { emulatorConfigFromEnv } from './emulator-config';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let options;
  try {
    options = emulatorConfigFromEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`fsx-emulator: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const emulator = await startEmulator(options);
  process.stdout.write(
    `fsx-emulator listening on ${emulator.url} (regions ${emulator.regions.join(', ')}; default ${emulator.region}; account${emulator.accounts.length > 1 ? 's' : ''} ${emulator.accounts.join(', ')}` +
      `${options.dataFile ? `, data file ${options.dataFile}` : ''})\n`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`fsx-emulator: ${signal}, stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`fsx-emulator: stop failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`fsx-emulator: failed to start: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});

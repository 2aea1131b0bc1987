import { readFileSync } from 'node:fs';

/**
 * The one dialect of environment variables, for the gateway's configuration (src/config.ts) and the
 * emulator's (src/emulator/emulator-config.ts): the same booleans, numbers and URLs, the same errors.
 * Unset and empty variables read as undefined, so each caller states its default with `??`.
 */
export type Env = Record<string, string | undefined>;

/** One documented setting; the configuration page and the docker-compose test read these lists. */
export interface EnvVarDoc {
  name: string;
  /** As it would be written in the environment, or a phrase such as "(none)". */
  default: string;
  description: string;
}

/** A bad setting: stops start-up with a message naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export class EnvReader {
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or empty. */
  string(name: string): string | undefined {
    const raw = this.env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  }

  int(name: string, min: number, max: number): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
    const value = Number(raw);
    if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`);
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return undefined;
    if (TRUE.includes(raw)) return true;
    if (FALSE.includes(raw)) return false;
    throw new ConfigError(name, `must be true or false (got "${this.env[name]}")`);
  }

  /** A value that must match `pattern`; `hint` says what it should look like. */
  matching(name: string, pattern: RegExp, hint: string): string | undefined {
    const raw = this.string(name);
    if (raw !== undefined && !pattern.test(raw)) throw new ConfigError(name, `${hint} (got "${raw}")`);
    return raw;
  }

  /** A comma-separated list, each item once, whose every item matches `pattern`. */
  list(name: string, pattern: RegExp, hint: string): string[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const items = raw.split(',').map((item) => item.trim());
    const bad = items.find((item) => !pattern.test(item));
    if (bad !== undefined) throw new ConfigError(name, `${hint} (got "${bad}")`);
    if (new Set(items).size !== items.length) throw new ConfigError(name, 'lists a value twice');
    return items;
  }

  /**
   * A JSON document given inline (its value starts with `{` or `[`) or as the path of a file holding it
   * (API keys, deletion guards): the parsed value, or undefined when unset.
   */
  jsonInlineOrFile(name: string): unknown {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return parseJsonSetting(name, /^[[{]/.test(raw) ? raw : readSettingFile(name, raw));
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw !== undefined && !(values as readonly string[]).includes(raw))
      throw new ConfigError(name, `must be one of ${values.join(', ')} (got "${raw}")`);
    return raw as T | undefined;
  }

  /** An absolute http(s) URL, without trailing slashes. */
  url(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(name, `must be an absolute http(s) URL (got "${raw}")`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must use http or https (got "${raw}")`);
    return raw.replace(/\/+$/, '');
  }
}

/** The text of a file a setting names; a file that cannot be read stops start-up, naming the setting. */
export function readSettingFile(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(name, `cannot be read: ${(error as Error).message}`);
  }
}

/** A setting's JSON text, parsed; invalid JSON stops start-up, naming the setting. */
export function parseJsonSetting(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(name, `is not valid JSON: ${(error as Error).message}`);
  }
}

import type { Constraint, MODEL_CONSTRAINTS } from './constraints.generated';

/**
 * Where this project departs from today's FSx model on purpose, in favour of the seed (the CreateBackup
 * API reference, our contract). Both the gateway and the emulator see the model through these.
 *
 * ClientRequestToken: the seed allows 1–255 characters (today's FSx: 1–63). The pattern
 * `[A-za-z0-9_.-]{0,255}$` is not anchored at the start, so under search semantics every string would
 * match; it is applied as a full match, which is what it means. `A-z` spans ASCII 65–122, so
 * `[ \ ] ^ _` and the backtick are allowed too: kept verbatim, to accept exactly what the contract does.
 */
export const SEED_DEVIATIONS = {
  ClientRequestToken: { min: 1, max: 255, pattern: /^[A-za-z0-9_.-]{0,255}$/ },
} as const satisfies Partial<Record<keyof typeof MODEL_CONSTRAINTS, Constraint>>;

/** AWS reserves the `aws:` tag-key prefix for its own tags (users cannot write such keys); the model does not encode it. */
export const RESERVED_TAG_KEY_PREFIX = /^aws:/i;

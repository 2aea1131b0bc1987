/**
 * What the emulator knows of KMS key identifiers: their shapes. FSx accepts a key id, a key ARN, an
 * alias name or an alias ARN; a key (or alias) ARN names the region it lives in, and KMS keys are
 * regional, so a key of another region cannot encrypt a backup here. The emulator does not know
 * which keys exist: any well-formed identifier of the right region is taken to be a usable key.
 */
const KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
const BARE = new RegExp(`^(?:${KEY_ID}|${ALIAS})$`);
const ARN = new RegExp(`^arn:aws(?:-cn|-us-gov)?:kms:([a-z]{2}(?:-[a-z]+)+-\\d+):\\d{12}:(?:key/${KEY_ID}|${ALIAS})$`);

/** Why `keyId` cannot encrypt a backup in `region`, or undefined when it can. */
export function kmsKeyProblem(keyId: string, region: string): string | undefined {
  if (BARE.test(keyId)) return undefined;
  const arn = ARN.exec(keyId);
  if (!arn) return `'${keyId}' is not a KMS key id, key ARN, alias name or alias ARN`;
  if (arn[1] !== region) return `KMS key '${keyId}' is in ${arn[1]}, not in ${region}`;
  return undefined;
}

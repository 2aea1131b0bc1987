import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_PARTITIONS, awsPartitionOf, isAwsRegion } from '../../src/fsx-model';

const ROOT = join(__dirname, '..', '..');
const FILE = join('src', 'fsx-model', 'aws-regions.generated.ts');

test('the committed Region list is what scripts/generate-aws-regions.mjs makes of the installed SDK (npm run aws-regions)', () => {
  const out = mkdtempSync(join(tmpdir(), 'aws-regions-'));
  try {
    execFileSync('node', [join(ROOT, 'scripts', 'generate-aws-regions.mjs'), out]);
    expect(readFileSync(join(ROOT, FILE), 'utf8')).toBe(readFileSync(join(out, FILE), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('real Regions are known, pseudo-Regions and made-up names are not', () => {
  for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1']) expect(isAwsRegion(region)).toBe(true);
  for (const region of ['aws-global', 'xx-nowhere-9', 'eu-west-99', 'us-east', 'mars']) expect(isAwsRegion(region)).toBe(false);
  expect(AWS_PARTITIONS.aws.regions).toContain('us-west-2');
});

test('a Region’s partition: the one listing it, else the one whose pattern it follows, else aws', () => {
  expect(awsPartitionOf('eu-west-1')).toBe('aws');
  expect(awsPartitionOf('cn-northwest-1')).toBe('aws-cn');
  expect(awsPartitionOf('us-gov-east-1')).toBe('aws-us-gov');
  expect(awsPartitionOf('us-isob-east-1')).toBe('aws-iso-b');
  expect(awsPartitionOf('cn-south-7')).toBe('aws-cn');
  expect(awsPartitionOf('xx-nowhere-9')).toBe('aws');
});

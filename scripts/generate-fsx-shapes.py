#!/usr/bin/env python3
# Generates, from the FSx service model (botocore JSON):
#   src/fsx-model/{constraints,enums,errors}.generated.ts  read by the gateway AND the emulator
#   src/gateway/fsx/{shapes,enums}.generated.ts             the GraphQL object types and enums
# Usage: npm run fsx-model -- <fsx-2018-03-01.service-2.json> [output root, default: this repository]
# Run only when the model changes; the output is committed, the model is not loaded at run time.
# (test/unit/fsx-model.test.ts regenerates into a temporary root and compares.)
import json, os, re, html, sys
ROOT=sys.argv[2] if len(sys.argv)>2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),'..')
GATEWAY=os.path.join(ROOT,'src','gateway','fsx')
MODEL=os.path.join(ROOT,'src','fsx-model')
for d in (GATEWAY, MODEL): os.makedirs(d, exist_ok=True)
m=json.load(open(sys.argv[1]))
S=m['shapes']
SKIP_MEMBERS={('OntapFileSystemConfiguration','FsxAdminPassword')}
# Federation entities: other subgraphs reference and extend these by key.
KEYS={'Backup':'backupId','FileSystem':'fileSystemId','Volume':'volumeId'}
# Fields the gateway adds to FSx shapes (not in the model): set by src/gateway/fsx/to-graphql.ts.
EXTRA={'Backup':[('region','The AWS Region the backup is in: the region the gateway read it from.'),
                 ('accountId','The AWS account the backup is in: the account of its ARN (else the account the gateway read it from).')],
       'FileSystem':[('region','The AWS Region the file system is in: the region the gateway read it from.'),
                     ('accountId','The AWS account the file system is in: the account of its ARN (else the account the gateway read it from).')],
       'Volume':[('region','The AWS Region the volume is in: the region the gateway read it from.'),
                 ('accountId','The AWS account the volume is in: the account of its ARN (else the account the gateway read it from).')]}
# Global object identification: these types implement the Node interface (src/gateway/fsx/node.ts), whose
# id is the resource ARN; the ARN's resource type and the id member (for an endpoint that omits ResourceARN).
NODES={'Backup':('backup','BackupId'),'FileSystem':('file-system','FileSystemId'),'Volume':('volume','VolumeId')}
# The members before the id in an ARN's resource path: a volume's ARN is ...:volume/<file system id>/<volume id>.
ARN_PARENTS={'Volume':['FileSystemId']}
NONNULL={('Backup','BackupId'),('FileSystem','FileSystemId'),('Volume','VolumeId'),('StorageVirtualMachine','StorageVirtualMachineId'),('Tag','Key'),('Tag','Value')}
def camel(n):
    if n.upper()==n: return n.lower()
    i=0
    while i<len(n) and n[i].isupper(): i+=1
    if i==1: return n[0].lower()+n[1:]
    if i<len(n) and n[i].islower(): return n[:i-1].lower()+n[i-1:]
    return n[:i].lower()+n[i:]
def doc(d, limit=350):
    t=re.sub(r'<[^>]+>',' ',d or ''); t=html.unescape(re.sub(r'\s+',' ',t)).strip()
    if len(t)>limit:
        cut=t[:limit]; p=cut.rfind('. ')
        t=cut[:p+1] if p>80 else cut.rstrip()+'…'
    return t
structs=[]; enums=[]; seen=set()
def visit(n):
    if n in seen: return
    seen.add(n); s=S[n]
    if 'enum' in s: enums.append(n); return
    if s['type']=='list': visit(s['member']['shape']); return
    if s['type']!='structure': return
    structs.append(n)
    for k,v in s['members'].items():
        if (n,k) in SKIP_MEMBERS: continue
        visit(v['shape'])
visit('Backup')
visit('ServiceLimit')  # ServiceLimitExceeded.Limit
visit('ActiveDirectoryErrorType')  # ActiveDirectoryError.Type
visit('StorageVirtualMachine')  # FileSystem.storageVirtualMachines (DescribeStorageVirtualMachines)
SCALAR={'string':'String','integer':'Int','long':'SafeInt','boolean':'Boolean','timestamp':'DateTime','double':'Float'}
def gql(shape):
    s=S[shape]
    if 'enum' in s: return shape, shape
    if s['type']=='list':
        inner,_=gql(s['member']['shape']); return f'[{inner}]', None
    if s['type']=='structure': return shape, shape
    return SCALAR[s['type']], None
out=[]
out.append('''// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. GraphQL names are the FSx member names in camelCase
// (DNSName -> dnsName); the service layer camelizes SDK output with the same rule (src/gateway/fsx/camelize.ts).
// Every member is nullable except ids: FSx-compatible endpoints (moto, LocalStack) omit members FSx
// marks required, and a missing member must not fail a whole query.
/* eslint-disable */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node';
import { DateTime, SafeInt } from './scalars';
import * as E from './enums.generated';
''')
for n in structs:
    s=S[n]
    if n in KEYS: out.append(f"@Directive('@key(fields: \"{KEYS[n]}\")')")
    # A Node's global id (its ARN) is a key too: a router may reference it by ARN, which names its account and region.
    if n in NODES: out.append(f"@Directive('@key(fields: \"id\")')")
    impl='implements: Node, ' if n in NODES else ''
    out.append(f"@ObjectType('{n}', {{ {impl}simpleResolvers: true, description: {json.dumps(doc(s.get('documentation','')))} }})")
    out.append(f"export class {n} {{")
    for k,v in s['members'].items():
        if (n,k) in SKIP_MEMBERS: continue
        sh=v['shape']; st=S[sh]
        nn=(n,k) in NONNULL
        if 'enum' in st: thunk=f'E.{sh}'; tstype=f'E.{sh}'
        elif st['type']=='list':
            it=st['member']['shape']; its=S[it]
            if 'enum' in its: thunk=f'[E.{it}]'; tstype=f'E.{it}[]'
            elif its['type']=='structure': thunk=f'[{it}]'; tstype=f'{it}[]'
            else:
                g=SCALAR[its['type']]; thunk=f'[{ {"String":"String","Int":"Int"}.get(g,g)}]'; tstype={'String':'string','Int':'number'}[g]+'[]'
        elif st['type']=='structure': thunk=sh; tstype=sh
        else:
            g=SCALAR[st['type']]; thunk={'String':'String','Int':'Int','SafeInt':'SafeInt','Boolean':'Boolean','DateTime':'DateTime','Float':'Number'}[g]
            tstype={'String':'string','Int':'number','SafeInt':'number','Boolean':'boolean','DateTime':'Date','Float':'number'}[g]
        d=doc(v.get('documentation',''))
        opts=[] if nn else ['nullable: true']
        if d: opts.append(f'description: {json.dumps(d)}')
        out.append(f"  @Field(() => {thunk}, {{ {', '.join(opts)} }})")
        out.append(f"  {camel(k)}{'!' if nn else '?'}: {tstype}{'' if nn else ' | null'};")
    for name, description in EXTRA.get(n, []):
        out.append(f"  @Field(() => String, {{ description: {json.dumps(description)} }})")
        out.append(f"  {name}!: string;")
    out.append('}\n')
# The most items each list member can hold (the model's list-shape max): query cost multiplies a list's
# selection by it (src/gateway/limits/query-cost.ts). A list the model leaves unbounded is absent here.
out.append('/** The most items each list field can hold, from the model\'s list shapes; query cost multiplies by it. */')
out.append('export const LIST_BOUNDS: Readonly<Record<string, number>> = {')
for n in structs:
    for k,v in S[n]['members'].items():
        if (n,k) in SKIP_MEMBERS: continue
        st=S[v['shape']]
        if st.get('type')=='list' and 'enum' not in st and 'max' in st: out.append(f"  '{n}.{camel(k)}': {st['max']},")
out.append('};\n')
out.append('/**')
out.append(' * The types that implement Node: their ARN resource type (arn:...:fsx:region:account:<resource>/<path>), id field,')
out.append(' * and the fields whose values make the ARN\'s resource path (the id last), e.g. volume/<fileSystemId>/<volumeId>.')
out.append(' */')
out.append('export const NODE_TYPES = {')
for n,(resource,member) in NODES.items():
    path=', '.join(f"'{camel(p)}'" for p in ARN_PARENTS.get(n,[])+[member])
    out.append(f"  {n}: {{ resource: '{resource}', idField: '{camel(member)}', arnPath: [{path}] }},")
out.append('} as const;\n')
open(os.path.join(GATEWAY,'shapes.generated.ts'),'w').write('\n'.join(out))
eo=['''// GENERATED from the FSx service model (see shapes.generated.ts). Every enum carries one extra value,
// UNRECOGNIZED: FSx adds values over time (Lifecycle gained PENDING, TRANSFERRING, COPYING), and the
// schema maps any value it does not know to UNRECOGNIZED instead of failing the query
// (src/gateway/fsx/unrecognized-enum-fallback.ts).
import { registerEnumType } from 'type-graphql';
''']
for n in enums:
    s=S[n]
    vals=[v for v in s['enum'] if re.match(r'^[_A-Za-z][_0-9A-Za-z]*$',v)]
    assert len(vals)==len(s['enum']), n
    eo.append(f'export enum {n} {{')
    for v in vals: eo.append(f"  {v} = '{v}',")
    eo.append("  UNRECOGNIZED = 'UNRECOGNIZED',")
    eo.append('}')
    d=doc(s.get('documentation',''),250)
    eo.append(f"registerEnumType({n}, {{ name: '{n}', description: {json.dumps((d+' ' if d else '')+'UNRECOGNIZED: a value this gateway does not know yet.')} }});\n")
open(os.path.join(GATEWAY,'enums.generated.ts'),'w').write('\n'.join(eo))

# --- src/fsx-model: the constraints, enum values and error lists both sides check against.
HEADER = """// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. The seed's deliberate deviations are
// applied on top, in one visible place: src/fsx-model/deviations.ts.
"""
# The shapes whose bounds the gateway or the emulator check (add a name here to get its constraint).
CONSTRAINED = ['FileSystemId', 'BackupId', 'VolumeId', 'StorageVirtualMachineId', 'SubnetId', 'SubnetIds', 'DirectoryId',
  'ClientRequestToken', 'Tags', 'TagKey', 'TagValue', 'TagKeys', 'Filters', 'FilterValues', 'FilterValue', 'BackupIds',
  'FileSystemIds', 'MaxResults', 'NextToken', 'ResourceARN', 'KmsKeyId', 'StorageCapacity', 'MegabytesPerSecond',
  'PerUnitStorageThroughput', 'Region', 'SourceBackupId', 'SecurityGroupId', 'SecurityGroupIds', 'FileSystemTypeVersion',
  'AutomaticBackupRetentionDays', 'AlternateDNSNames', 'AlternateDNSName', 'VolumeIds', 'VolumeName', 'VolumeFilters',
  'VolumeFilterValues', 'VolumeFilterValue', 'JunctionPath', 'VolumeCapacity', 'VolumeCapacityBytes', 'SnapshotPolicy',
  'CoolingPeriod', 'DailyTime', 'WeeklyTime', 'StorageVirtualMachineIds', 'StorageVirtualMachineFilters',
  'StorageVirtualMachineFilterValues', 'StorageVirtualMachineFilterValue', 'StorageVirtualMachines']
co = [HEADER + """
/**
 * String shapes: length bounds (in characters) and pattern. List shapes: item-count bounds. Integer
 * shapes: value bounds. Patterns are the model's, compiled with the `u` flag only where they use
 * \\p{...} classes (FilterValue's `\\_` and `\\*` identity escapes are invalid in unicode mode).
 */
export interface Constraint {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
}

export const MODEL_CONSTRAINTS = {"""]
for n in CONSTRAINED:
    sh = S[n]; parts = []
    if 'min' in sh: parts.append(f"min: {sh['min']}")
    if 'max' in sh: parts.append(f"max: {sh['max']}")
    if 'pattern' in sh:
        flags = ', "u"' if '\\p{' in sh['pattern'] else ''
        parts.append(f"pattern: new RegExp({json.dumps(sh['pattern'])}{flags})")
    co.append(f"  {n}: {{ {', '.join(parts)} }},")
co.append('} as const satisfies Record<string, Constraint>;\n')
open(os.path.join(MODEL, 'constraints.generated.ts'), 'w').write('\n'.join(co))

ENUMS = ['BackupLifecycle', 'BackupType', 'FileSystemType', 'FileSystemLifecycle', 'ResourceType', 'VolumeType', 'StorageType',
  'ServiceLimit', 'FilterName', 'WindowsDeploymentType', 'LustreDeploymentType', 'OntapDeploymentType', 'OpenZFSDeploymentType',
  'NetworkType', 'StorageVirtualMachineLifecycle', 'StorageVirtualMachineSubtype', 'StorageVirtualMachineRootVolumeSecurityStyle']
en = [HEADER, '/** Every value of each enum in the model (FSx adds values over time: readers must survive new ones). */', 'export const MODEL_ENUMS = {']
for n in ENUMS: en.append(f"  {n}: {json.dumps(S[n]['enum'])},")
en.append('} as const;\n')
en.append('export type ModelEnum<K extends keyof typeof MODEL_ENUMS> = (typeof MODEL_ENUMS)[K][number];\n')
open(os.path.join(MODEL, 'enums.generated.ts'), 'w').write('\n'.join(en))

OPERATIONS = ['CreateBackup', 'DescribeBackups', 'DeleteBackup', 'DescribeFileSystems', 'CreateFileSystem', 'TagResource',
  'UntagResource', 'ListTagsForResource', 'CopyBackup', 'CreateFileSystemFromBackup', 'DescribeVolumes', 'CreateVolumeFromBackup',
  'UpdateFileSystem', 'DescribeStorageVirtualMachines']
er = [HEADER, '/** The error codes the model lists for each operation (an endpoint may still answer others). */', 'export const MODEL_OPERATION_ERRORS = {']
for n in OPERATIONS: er.append(f"  {n}: {json.dumps([e['shape'] for e in m['operations'][n].get('errors', [])])},")
er.append('} as const;\n')
er.append('export type ModelOperation = keyof typeof MODEL_OPERATION_ERRORS;\n')
# Every error shape of the model and its members: an FSx error body carries these (beside __type), nothing else.
er.append('/** The members of every error shape in the model (`Message` included): an error body carries these beside `__type`, nothing else. */')
er.append('export const MODEL_ERROR_MEMBERS = {')
for n in sorted(k for k, v in S.items() if v.get('exception')): er.append(f"  {n}: {json.dumps(list(S[n]['members'].keys()))},")
er.append('} as const;\n')
er.append('export type ModelErrorCode = keyof typeof MODEL_ERROR_MEMBERS;\n')
open(os.path.join(MODEL, 'errors.generated.ts'), 'w').write('\n'.join(er))
print(f'wrote {MODEL}/*.generated.ts and {GATEWAY}/*.generated.ts')

#!/usr/bin/env python3
# Generates src/gateway/fsx/{shapes,enums}.generated.ts from the FSx service model (botocore JSON).
# Usage: scripts/generate-fsx-shapes.py <fsx-2018-03-01.service-2.json> src/gateway/fsx
# Run only when the model changes; the output is committed, the model is not loaded at run time.
import json, re, html, sys
m=json.load(open(sys.argv[1]))
S=m['shapes']
SKIP_MEMBERS={('OntapFileSystemConfiguration','FsxAdminPassword')}
# Federation entities: other subgraphs reference and extend these by key.
KEYS={'Backup':'backupId','FileSystem':'fileSystemId'}
NONNULL={('Backup','BackupId'),('FileSystem','FileSystemId'),('Tag','Key'),('Tag','Value')}
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
import { DateTime, SafeInt } from './scalars';
import * as E from './enums.generated';
''')
for n in structs:
    s=S[n]
    if n in KEYS: out.append(f"@Directive('@key(fields: \"{KEYS[n]}\")')")
    out.append(f"@ObjectType('{n}', {{ simpleResolvers: true, description: {json.dumps(doc(s.get('documentation','')))} }})")
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
    out.append('}\n')
open(sys.argv[2]+'/shapes.generated.ts','w').write('\n'.join(out))
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
open(sys.argv[2]+'/enums.generated.ts','w').write('\n'.join(eo))
print(len(structs), 'structs', len(enums), 'enums', structs)

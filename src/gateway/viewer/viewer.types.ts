import { Field, ObjectType } from 'type-graphql';

@ObjectType('Viewer', {
  simpleResolvers: true,
  description:
    'The caller, as the gateway sees its credentials: what a client needs to offer only what the caller may do (e.g. a legal-hold switch only with backups:hold).',
})
export class Viewer {
  @Field(() => [String], {
    description:
      "The caller's scopes of this API (backups:read, backups:write, ...); other scopes a token carries are left out. AUTH_MODE=none: all of them.",
  })
  scopes!: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'The file systems the caller is limited to (and their backups); null: no such limit.',
  })
  fileSystemIds!: string[] | null;
}

import { Directive, Field, ObjectType } from 'type-graphql';
import { Backup, FileSystem } from '../fsx/shapes.generated';

// Other subgraphs have Relay connections too: PageInfo is the same value type everywhere.
@Directive('@shareable')
@ObjectType('PageInfo', { simpleResolvers: true, description: 'Relay page info. FSx pages forward only, so hasPreviousPage is always false.' })
export class PageInfo {
  @Field({ description: 'True exactly when FSx returned a NextToken for this page.' })
  hasNextPage!: boolean;
  @Field()
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('BackupEdge', { simpleResolvers: true })
export class BackupEdge {
  @Field()
  cursor!: string;
  @Field(() => Backup)
  node!: Backup;
}

@ObjectType('BackupConnection', { simpleResolvers: true, description: 'A page of backups (DescribeBackups).' })
export class BackupConnection {
  @Field(() => [BackupEdge])
  edges!: BackupEdge[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('FileSystemEdge', { simpleResolvers: true })
export class FileSystemEdge {
  @Field()
  cursor!: string;
  @Field(() => FileSystem)
  node!: FileSystem;
}

@ObjectType('FileSystemConnection', { simpleResolvers: true, description: 'A page of file systems (DescribeFileSystems).' })
export class FileSystemConnection {
  @Field(() => [FileSystemEdge])
  edges!: FileSystemEdge[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** Builds a connection from one page: edge i's cursor resumes right after item i. */
export function toConnection<N, C extends { edges: { cursor: string; node: N }[]; pageInfo: PageInfo }>(
  type: new () => C,
  nodes: N[],
  cursorAfter: (index: number) => string,
  next: { hasNextPage: boolean; endCursor?: string },
): C {
  const connection = new type();
  connection.edges = nodes.map((node, i) => ({ cursor: cursorAfter(i), node }));
  const last = connection.edges.length - 1;
  connection.pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: next.hasNextPage,
    hasPreviousPage: false,
    startCursor: connection.edges[0]?.cursor ?? null,
    endCursor: next.endCursor ?? connection.edges[last]?.cursor ?? null,
  });
  return connection;
}

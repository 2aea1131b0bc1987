import { type ClassType, Directive, Field, ObjectType } from 'type-graphql';
import { Backup, FileSystem, Volume } from '../fsx/shapes.generated';

// Other subgraphs have Relay connections too: PageInfo is the same value type everywhere.
@Directive('@shareable')
@ObjectType('PageInfo', {
  simpleResolvers: true,
  description: 'Relay page info. FSx pages forward only, so hasPreviousPage is always false.',
})
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

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfo;
}

/** The Relay Edge and Connection types of one node type, e.g. BackupEdge and BackupConnection for Backup. */
function connectionOf<N extends object>(node: ClassType<N>, description: string): new () => Connection<N> {
  @ObjectType(`${node.name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;
    @Field(() => node)
    node!: N;
  }

  @ObjectType(`${node.name}Connection`, { simpleResolvers: true, description })
  class NodeConnection implements Connection<N> {
    @Field(() => [Edge])
    edges!: Edge[];
    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  // Named like their GraphQL types, for whatever resolves a union member by class name.
  Object.defineProperty(Edge, 'name', { value: `${node.name}Edge` });
  Object.defineProperty(NodeConnection, 'name', { value: `${node.name}Connection` });
  return NodeConnection;
}

export const BackupConnection = connectionOf(Backup, 'A page of backups (DescribeBackups).');
export type BackupConnection = Connection<Backup>;
export const FileSystemConnection = connectionOf(FileSystem, 'A page of file systems (DescribeFileSystems).');
export type FileSystemConnection = Connection<FileSystem>;
export const VolumeConnection = connectionOf(Volume, 'A page of volumes (DescribeVolumes).');
export type VolumeConnection = Connection<Volume>;

/** Builds a connection from one page: edge i's cursor resumes right after item i. */
export function toConnection<N>(
  type: new () => Connection<N>,
  nodes: N[],
  cursorAfter: (index: number) => string,
  next: { hasNextPage: boolean; endCursor?: string },
): Connection<N> {
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

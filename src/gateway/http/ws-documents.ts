import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { type LimitsConfig, limitRules } from '../limits/limits';

const MAX_CACHED_DOCUMENTS = 500;

const withoutSuggestions = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), { nodes: error.nodes, extensions: error.extensions });
/** Longer documents are prepared each time: the cache must stay small whatever clients send. */
const MAX_CACHED_QUERY_LENGTH = 8192;

/**
 * Parsed and validated documents by their text, as Apollo keeps them for HTTP: the watchers of one
 * console all send the same subscription, and each would otherwise hold its own syntax tree. The
 * HTTP path's limits (depth, aliases, tokens) apply.
 */
export function documentPreparer(
  schema: GraphQLSchema,
  limits: LimitsConfig,
  hideSchemaDetails: boolean,
): (query: string) => DocumentNode | readonly GraphQLError[] {
  const rules = [...specifiedRules, ...limitRules(limits)];
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  return (query) => {
    const cached = documents.get(query);
    if (cached) return cached;
    let prepared: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query, { maxLexicalTokens: limits.maxTokens });
      const errors = validate(schema, document, rules);
      // Without introspection, as over HTTP (Apollo's hideSchemaDetailsFromClientErrors): no "Did you mean …?".
      prepared = errors.length > 0 ? (hideSchemaDetails ? errors.map(withoutSuggestions) : errors) : document;
    } catch (error) {
      prepared = [error instanceof GraphQLError ? error : new GraphQLError('Unparsable document')];
    }
    if (query.length <= MAX_CACHED_QUERY_LENGTH) {
      if (documents.size >= MAX_CACHED_DOCUMENTS) documents.clear();
      documents.set(query, prepared);
    }
    return prepared;
  };
}

import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';

export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
  /** The largest answer sent (RESPONSE_TOO_LARGE beyond), over HTTP and WebSocket. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 12,
  maxAliases: 200,
  maxTokens: 10_000,
  maxCost: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxResponseBytes: 8 * 1024 * 1024,
};

/** Depth and alias limits as validation rules (the token limit is the parser's, the cost limit a plugin's). */
export function limitRules(limits: Pick<LimitsConfig, 'maxDepth' | 'maxAliases'>): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ...reportInstead('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInstead('TOO_MANY_ALIASES') }),
  ];
}

/**
 * graphql-armor's rules throw by default, which Apollo turns into a 500; reported as validation
 * errors they become a 400 that names the limit (without the rules' misleading "Syntax Error:" prefix).
 */
function reportInstead(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
    ],
  };
}

const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES']);

/**
 * Apollo wraps every validation error in its own, whose code GRAPHQL_VALIDATION_FAILED replaces the
 * rule's; it keeps the rule's error as originalError, so the limit's code is put back from there.
 */
export function keepLimitCodes(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  return typeof code === 'string' && LIMIT_CODES.has(code) ? { ...formatted, extensions: { ...formatted.extensions, code } } : formatted;
}

import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection.args';

/** What a list of at most `bound` items costs: itself, and its selection (at least 1) once per item. */
export const listCost = (bound: number, childComplexity: number): number => 1 + bound * Math.max(childComplexity, 1);

/**
 * A connection costs its selection once per item it may return (`first`), plus itself. Its `edges`
 * list is therefore bounded by 1 in the cost (limits/list-bounds.ts): not multiplied a second time.
 */
export const pageComplexity = ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
  listCost(typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE, childComplexity);

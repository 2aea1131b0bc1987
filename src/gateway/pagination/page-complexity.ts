import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection.args';

/** A connection costs its selection once per item it may return (`first`), plus itself. */
export const pageComplexity = ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
  1 + (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE) * childComplexity;

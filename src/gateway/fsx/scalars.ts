import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';

/** FSx timestamps (epoch seconds on the wire, Date in the SDK) as ISO-8601 strings, under the name clients expect. */
export const DateTime = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. 2021-04-09T07:53:28.068Z. FSx sends epoch seconds; the gateway converts.',
});

/** FSx `long` members (byte counts, IOPS) exceed GraphQL's 32-bit Int; SafeInt carries them exactly up to 2^53-1. */
export const SafeInt = SafeIntResolver;

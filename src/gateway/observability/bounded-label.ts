/** The one label value every name beyond the bound (and every missing name) collapses to. Parentheses cannot appear in a GraphQL name. */
export const OTHER = '(other)';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Label values chosen by clients (GraphQL operation names, error codes from an endpoint), kept to a
 * bounded set so a client cannot blow up a metric's cardinality: a value is its own label when it is
 * a plain name of at most 64 characters and either on the allow-list or among the first `max`
 * distinct names seen; anything else (and a missing name) is `(other)`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly allowed: ReadonlySet<string> = new Set(),
  ) {}

  of(name: string | null | undefined): string {
    if (!name) return OTHER;
    if (this.allowed.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.max || !NAME.test(name)) return OTHER;
    this.seen.add(name);
    return name;
  }

  /** Forgets the names seen so far (not the allow-list). */
  clear(): void {
    this.seen.clear();
  }
}

/** The one label value every name beyond the bound (and every missing name) collapses to. Parentheses cannot appear in a GraphQL name. */
export const OTHER = '(other)';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Label values chosen by others (error codes from an endpoint), kept to a bounded set so nobody can
 * blow up a metric's cardinality: a value is its own label when it is on the allow-list, or a plain
 * name of at most 64 characters among the first `max` distinct names seen; anything else (and a
 * missing name) is `(other)`. Where clients choose the values (GraphQL operation names), `only`: the
 * allow-list alone, so no client can take a label, nor keep a known name from its own.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly allowed: ReadonlySet<string> = new Set(),
  ) {}

  /** The allow-list's names, each its own label; any other value is `(other)`. */
  static only(allowed: Iterable<string>): BoundedLabel {
    return new BoundedLabel(0, new Set(allowed));
  }

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

import type { FieldErrors } from './field-errors';

export interface TagRow {
  key: string;
  value: string;
}

/** FSx takes at most 50 tags on a backup. */
const MAX_TAGS = 50;

/** The tags editor: one row per tag (key, value, Remove), "Add tag"; each field shows its own error. */
export function TagsFieldset({ tags, onChange, errors }: { tags: TagRow[]; onChange: (tags: TagRow[]) => void; errors: FieldErrors }) {
  const setTag = (index: number, patch: Partial<TagRow>) => onChange(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <fieldset className="tags">
      <legend>Tags</legend>
      {tags.map((tag, index) => (
        <div className="tag-row" key={index}>
          <label className="field">
            <span className="visually-hidden">Tag {index + 1} key</span>
            <input
              value={tag.key}
              placeholder="Key"
              spellCheck={false}
              onChange={(e) => setTag(index, { key: e.target.value })}
              aria-invalid={errors.has(`tags.${index}.key`)}
              aria-describedby={errors.describedBy(`tags.${index}.key`)}
            />
            {errors.errorOf(`tags.${index}.key`)}
          </label>
          <label className="field grow">
            <span className="visually-hidden">Tag {index + 1} value</span>
            <input
              value={tag.value}
              placeholder="Value"
              onChange={(e) => setTag(index, { value: e.target.value })}
              aria-invalid={errors.has(`tags.${index}.value`)}
              aria-describedby={errors.describedBy(`tags.${index}.value`)}
            />
            {errors.errorOf(`tags.${index}.value`)}
          </label>
          <button
            type="button"
            className="button small"
            aria-label={`Remove tag ${index + 1}`}
            onClick={() => onChange(tags.filter((_, i) => i !== index))}
          >
            Remove
          </button>
          {errors.errorOf(`tags.${index}`)}
        </div>
      ))}
      {errors.errorOf('tags')}
      <button
        type="button"
        className="button small"
        onClick={() => onChange([...tags, { key: '', value: '' }])}
        disabled={tags.length >= MAX_TAGS}
      >
        Add tag
      </button>
    </fieldset>
  );
}

/** The form fields TagsFieldset shows errors on: "tags", "tags.3", "tags.3.key", "tags.3.value". */
export const TAG_FIELDS = /^tags(\.\d+(\.(key|value))?)?$/;

/** Rows left entirely empty are not tags. */
export const givenTags = (tags: TagRow[]): TagRow[] => tags.filter((t) => t.key !== '' || t.value !== '');

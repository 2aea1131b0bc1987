import { ValidationOptions, registerDecorator } from 'class-validator';
import { RESERVED_TAG_KEY_PREFIX } from './fsx-constraints';

/** FSx (like every AWS service) refuses user tag keys in the `aws:` namespace; the model does not encode it. */
export function NotReservedTagKey(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notReservedTagKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'tag keys starting with "aws:" are reserved by AWS', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !RESERVED_TAG_KEY_PREFIX.test(value) },
    });
}

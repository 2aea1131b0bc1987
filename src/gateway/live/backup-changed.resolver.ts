import { Repeater } from '@repeaterjs/repeater';
import { validate } from 'class-validator';
import { Args, Resolver, Root, Subscription } from 'type-graphql';
import { ForbiddenError } from '../auth/forbidden.error';
import { SCOPES } from '../auth/principal';
import { argumentsInvalid, forbidden } from '../results/errors-as-results';
import { accountNotServed, fieldError, invalidInput, regionNotServed } from '../results/invalid-input';
import { BackupChangedArgs } from './backup-changed.args';
import { type BackupChangedEvent, BackupChangedResult } from './backup-changed.types';
import { watchBackups } from './backup-watch';
import type { LiveContext } from './live.context';

@Resolver()
export class BackupChangedResolver {
  @Subscription(() => BackupChangedResult, {
    description:
      'Live state of backups: the current state of each watched backup first, then one event per change of lifecycle or progressPercent (DELETED when one disappears). The gateway polls FSx once for all its subscribers. Over WebSocket (graphql-transport-ws) at the /graphql path. Needs backups:read.',
    subscribe: ({ args, context }) => subscribe(context as LiveContext, args as Record<string, unknown>),
  })
  // The subscribe function validates the arguments once; each event only passes through.
  backupChanged(@Root() event: BackupChangedEvent, @Args({ validate: false }) _args: BackupChangedArgs): BackupChangedEvent {
    return event;
  }
}

/** Refusals are one typed event, after which the subscription completes. */
const once = (event: BackupChangedEvent): AsyncIterable<BackupChangedEvent> =>
  new Repeater<BackupChangedEvent>(async (push, stop) => {
    await push(event);
    stop();
  });

async function subscribe(ctx: LiveContext, raw: Record<string, unknown>): Promise<AsyncIterable<BackupChangedEvent>> {
  if (!ctx.principal.scopes.has(SCOPES.read)) return once(forbidden(new ForbiddenError([SCOPES.read])));
  const args = Object.assign(new BackupChangedArgs(), raw);
  const errors = await validate(args, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  if (errors.length > 0) return once(argumentsInvalid(errors));
  if (!args.backupIds?.length && !args.fileSystemIds?.length) {
    return once(
      invalidInput([fieldError(['backupIds'], 'watchesSomething', 'give backupIds, fileSystemIds or both (neither may be empty)')]),
    );
  }
  // Polls are made with the gateway's own session, but only in an account the caller may use.
  const place = ctx.places.choose(args.account, args.region);
  if ('refused' in place)
    return once(place.refused === 'account' ? accountNotServed(['account']) : regionNotServed(['region'], place.served));
  return watchBackups(ctx.live, {
    place,
    principal: ctx.principal,
    backupIds: [...new Set(args.backupIds ?? [])],
    fileSystemIds: args.fileSystemIds ?? [],
  });
}

/** Name claims on the real store: one winner of a race, idempotent re-claims, release and re-claim by another. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { claimName, claimOwner, releaseName } from '../../../events/store/claims.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';

describe('name claims', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const request = (stream: string, ownerId: string) => ({ stream, ownerId, at: '2026-11-28T00:00:00.000Z', eventId: crypto.randomUUID() });

  it('lets exactly one of several racing owners claim a name, and the winner claim it again', async () => {
    const stream = `username-${crypto.randomUUID()}`;
    const owners = Array.from({ length: 5 }, () => crypto.randomUUID());
    const outcomes = await Promise.all(owners.map((owner) => claimName(store, request(stream, owner))));
    const winners = outcomes.filter((o) => o.claimed);
    expect(winners).toHaveLength(1);
    const owner = await claimOwner(store, stream);
    expect(owners).toContain(owner);
    for (const o of outcomes) if (!o.claimed) expect(o.ownerId).toBe(owner);
    expect(await claimName(store, request(stream, owner!))).toMatchObject({ claimed: true });
  });

  it('frees a released name for someone else, and ignores a release by a non-owner', async () => {
    const stream = `uscc-${crypto.randomUUID()}`;
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await claimName(store, request(stream, a));
    await releaseName(store, request(stream, b)); // not b's to give
    expect(await claimOwner(store, stream)).toBe(a);
    expect(await claimName(store, request(stream, b))).toEqual({ claimed: false, ownerId: a });
    await releaseName(store, request(stream, a));
    expect(await claimOwner(store, stream)).toBeNull();
    expect(await claimName(store, request(stream, b))).toMatchObject({ claimed: true });
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['NameClaimed', 'NameReleased', 'NameClaimed']);
  });
});

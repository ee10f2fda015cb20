/**
 * One contract for every EventStore adapter (subjects.ts), writing side: appends with ESDB's expected-revision and
 * idempotency rules, stream reads, racing writers, and the hash chain. contract-reads covers the global order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventStore, WrongExpectedVersionError } from '../../../events/store/event-store.js';
import { type Subject, newEvent, streamOf, subjects } from './subjects.js';

for (const [name, make, enabled] of subjects) {
  describe.skipIf(!enabled)(`EventStore contract on ${name}`, () => {
    let subject: Subject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await make();
      store = subject.store;
    });
    afterAll(async () => {
      await store?.close();
      await subject?.close();
    });

    it('round-trips events with their data, metadata, revisions and positions', async () => {
      const stream = streamOf('credit');
      const events = [
        newEvent('CreditRecordDrafted', { title: '公需科目培训', hours: '8.0', nested: { b: 1, a: [1, 2] } }, { correlationId: 'c-1', actor: { id: 'p1', role: 'person' } }),
        newEvent('CreditRecordSubmitted', { at: '2026-11-28' }),
      ];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);

      const read = await store.readStream(stream);
      expect(read.map((e) => [e.revision, e.type, e.eventId])).toEqual([
        [0n, 'CreditRecordDrafted', events[0]!.eventId],
        [1n, 'CreditRecordSubmitted', events[1]!.eventId],
      ]);
      expect(read[0]!.data).toEqual(events[0]!.data);
      expect(read[0]!.metadata).toEqual(events[0]!.metadata);
      expect(read[0]!.recordedAt).toBe('2026-11-28T08:00:00.000Z');
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position < read[1]!.position).toBe(true);
      expect(await store.readStream(streamOf('missing'))).toEqual([]);
      expect(await store.readStream(stream, { fromRevision: 1n })).toHaveLength(1);
    });

    it('refuses no_stream on an existing stream, stream_exists on a missing one, and a stale exact revision', async () => {
      const stream = streamOf('org');
      await store.append(stream, [newEvent('OrgRegistered')], { expectedRevision: 'no_stream' });
      await expect(store.append(stream, [newEvent('OrgRegistered')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await expect(store.append(streamOf('org'), [newEvent('X')], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await store.append(stream, [newEvent('OrgApproved')], { expectedRevision: 'stream_exists' });
      const stale = store.append(stream, [newEvent('OrgRejected')], { expectedRevision: 0n });
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 1n });
      await store.append(stream, [newEvent('OrgSuspended')], { expectedRevision: 1n });
      await store.append(stream, [newEvent('OrgNoted')], { expectedRevision: 'any' });
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['OrgRegistered', 'OrgApproved', 'OrgSuspended', 'OrgNoted']);
    });

    it('stores an idempotent re-append of the same ids at the same expected revision once', async () => {
      const stream = streamOf('binding');
      const first = [newEvent('BindingRequested'), newEvent('ReviewRequested')];
      const a = await store.append(stream, first, { expectedRevision: 'no_stream' });
      const b = await store.append(stream, first, { expectedRevision: 'no_stream' });
      expect(b).toEqual(a);
      const second = [newEvent('BindingConfirmed')];
      const c = await store.append(stream, second, { expectedRevision: 1n });
      // A retry after the stream moved on still answers with the original outcome.
      await store.append(stream, [newEvent('BindingEnded')], { expectedRevision: 2n });
      expect(await store.append(stream, second, { expectedRevision: 1n })).toEqual(c);
      expect(await store.readStream(stream)).toHaveLength(4);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, checked: 4 });
    });

    it('refuses different events at a revision that is already taken', async () => {
      const stream = streamOf('enrolment');
      await store.append(stream, [newEvent('EnrolmentRequested')], { expectedRevision: 'no_stream' });
      await store.append(stream, [newEvent('EnrolmentApproved')], { expectedRevision: 0n });
      await expect(store.append(stream, [newEvent('EnrolmentRejected')], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      // Half the same ids, half new: still a conflict, nothing written.
      const mixed = [(await store.readStream(stream))[1]!, newEvent('EnrolmentCancelled')].map((e) => ({
        eventId: e.eventId,
        type: e.type,
        data: {},
      }));
      await expect(store.append(stream, mixed, { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['EnrolmentRequested', 'EnrolmentApproved']);
    });

    it('lets exactly one of many racing writers take a revision, and keeps the chain whole', async () => {
      const stream = streamOf('person');
      await store.append(stream, [newEvent('PersonRegistered')], { expectedRevision: 'no_stream' });
      const racers = Array.from({ length: 6 }, (_, i) => store.append(stream, [newEvent(`ProfileChanged${i}`)], { expectedRevision: 0n }));
      const outcomes = await Promise.allSettled(racers);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, checked: 2 });
    });

    it('keeps the chain of an event whose id was given in upper case (ids are stored, hashed and compared in lower case)', async () => {
      const stream = streamOf('credit');
      const event = { ...newEvent('CreditRecordDrafted', { hours: 8 }), eventId: crypto.randomUUID().toUpperCase() };
      await store.append(stream, [event], { expectedRevision: 'no_stream' });
      await store.append(stream, [event], { expectedRevision: 'no_stream' }); // the retry after a lost answer
      const [stored] = await store.readStream(stream);
      expect(stored!.eventId).toBe(event.eventId.toLowerCase());
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, checked: 1 });
    });

    it('verifies the hash chain and detects a row altered behind its back', async (context) => {
      const stream = streamOf('dishonesty');
      await store.append(stream, [newEvent('DishonestyRecorded', { reason: '提供虚假材料', hours: 12 })], { expectedRevision: 'no_stream' });
      await store.append(stream, [newEvent('DishonestyRevoked', { reason: '复核撤销' })], { expectedRevision: 0n });
      await store.append(stream, [newEvent('DishonestyNoted', {})], { expectedRevision: 1n });
      const events = await store.readStream(stream);
      expect(events[0]!.prevHash).toBeNull();
      expect(events[1]!.prevHash).toBe(events[0]!.hash);
      expect(await store.verifyStream(stream)).toEqual({ streamId: stream, ok: true, checked: 3 });
      if (!subject.tamper) return context.skip(); // EventStoreDB's log is immutable to clients
      await subject.tamper(stream, 1n, { reason: '复核撤销', forged: true });
      expect(await store.verifyStream(stream)).toMatchObject({ ok: false, brokenAt: 1n });
    });
  });
}

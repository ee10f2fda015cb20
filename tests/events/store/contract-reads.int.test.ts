/**
 * One contract for every EventStore adapter (subjects.ts), reading side: the global order — never skipping a late
 * commit, bounded by `to`, filtered reads whose checkpoint passes long runs of foreign events, subscriptions, and the
 * written and readable heads.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { type Subject, collect, newEvent, readAllUntil, streamOf, subjects } from './subjects.js';

for (const [name, make, enabled] of subjects) {
  describe.skipIf(!enabled)(`EventStore contract (global order) on ${name}`, () => {
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

    it('keeps revision and global order past ten events in multi-event appends', async () => {
      const stream = streamOf('class');
      const before = await store.headPosition();
      for (let i = 0; i < 12; i += 4) {
        const batch = [0, 1, 2, 3].map((k) => newEvent(`E${i + k}`));
        await store.append(stream, batch, { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      }
      const types = Array.from({ length: 12 }, (_, i) => `E${i}`);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.type)).toEqual(types);
      expect(read.map((e) => e.revision)).toEqual(types.map((_, i) => BigInt(i)));
      const all = await readAllUntil(store, { after: before }, 12, (e) => e.streamId === stream);
      expect(all.map((e) => e.type)).toEqual(types);
      const positions = all.map((e) => e.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(12);
      expect(await store.headPosition()).toBe(positions[11]);
    });

    it('never skips a transaction that commits after a later one (late commit)', async (context) => {
      if (!subject.holdingStore) {
        // PGlite runs every transaction on one connection, one after another: a second writer waits for the first,
        // so a late commit cannot happen. Prove the serialisation instead: B completes only after A.
        if (name !== 'PGlite') context.skip();
      }
      const before = await store.headPosition();
      const streamA = streamOf('late-a');
      const streamB = streamOf('late-b');
      if (subject.holdingStore) {
        const holding = await subject.holdingStore();
        const appendA = holding.store.append(streamA, [newEvent('A')], { expectedRevision: 'no_stream' });
        await holding.committing; // A has inserted (lower sequence number) and is still open
        await store.append(streamB, [newEvent('B')], { expectedRevision: 'no_stream' });
        const whileOpen = (await store.readAll({ after: before })).filter((e) => e.streamId === streamA || e.streamId === streamB);
        expect(whileOpen.map((e) => e.type)).toEqual([]); // B is held back behind A's open transaction
        holding.release();
        await appendA;
        const afterCommit = await readAllUntil(store, { after: before }, 2, (e) => e.streamId === streamA || e.streamId === streamB);
        expect(afterCommit.map((e) => e.type)).toEqual(['A', 'B']);
        expect(await readAllUntil(store, { after: before }, 2, (e) => e.streamId === streamA || e.streamId === streamB)).toEqual(afterCommit); // order stable
        await holding.close();
      } else {
        const order: string[] = [];
        const a = store.append(streamA, [newEvent('A')], { expectedRevision: 'no_stream' }).then(() => order.push('A'));
        const b = store.append(streamB, [newEvent('B')], { expectedRevision: 'no_stream' }).then(() => order.push('B'));
        await Promise.all([a, b]);
        expect(order).toEqual(['A', 'B']);
        const all = await store.readAll({ after: before });
        expect(all.map((e) => e.type)).toEqual(['A', 'B']);
        expect(await store.readAll({ after: before })).toEqual(all);
      }
    });

    it('subscribes from a checkpoint and resumes exactly after it, then follows live appends', async () => {
      const prefix = `sub${crypto.randomBytes(4).toString('hex')}-`;
      const stream = `${prefix}${crypto.randomUUID()}`;
      await store.append(stream, [1, 2, 3, 4, 5].map((n) => newEvent(`E${n}`)), { expectedRevision: 'no_stream' });
      const all = await readAllUntil(store, { filter: { streamPrefixes: [prefix] } }, 5);
      expect(all.map((e) => e.type)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
      const checkpoint = all[2]!.position;

      const controller = new AbortController();
      const subscription = store.subscribe({ after: checkpoint, filter: { streamPrefixes: [prefix] }, pollMs: 5000, signal: controller.signal });
      const received = collect(subscription, 3);
      setTimeout(() => void store.append(stream, [newEvent('E6')], { expectedRevision: 4n }), 50);
      const events = await received;
      controller.abort();
      expect(events.map((e) => e.type)).toEqual(['E4', 'E5', 'E6']);
      expect(events[0]!.position > checkpoint).toBe(true);
      // The live event arrived by wake-up, not by the 5 s poll.
    }, 4000);

    it('bounds readAll, readPage and readHeaders by an inclusive upper position', async () => {
      const prefix = `to${crypto.randomBytes(4).toString('hex')}-`;
      const before = await store.headPosition();
      await store.append(`${prefix}${crypto.randomUUID()}`, [1, 2, 3, 4, 5].map((n) => newEvent(`E${n}`)), { expectedRevision: 'no_stream' });
      const all = await readAllUntil(store, { after: before, filter: { streamPrefixes: [prefix] } }, 5);
      const to = all[2]!.position;
      const bounded = await store.readAll({ after: before, to, filter: { streamPrefixes: [prefix] } });
      expect(bounded.map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
      expect((await store.readAll({ after: all[0]!.position, to, filter: { streamPrefixes: [prefix] } })).map((e) => e.type)).toEqual(['E2', 'E3']);
      const page = await store.readPage({ after: before, to, filter: { streamPrefixes: [prefix] } });
      expect(page.events.map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
      expect(page.checkpoint).toBe(to); // scanned up to the bound, not past it
      const headers = await store.readHeaders({ after: all[0]!.position, to });
      expect(headers.events.map((e) => e.type)).toEqual(['E2', 'E3']);
      expect(headers.events[0]).toEqual({ streamId: all[1]!.streamId, revision: 1n, position: all[1]!.position, type: 'E2', recordedAt: all[1]!.recordedAt });
      expect(await store.readAll({ after: to, to })).toEqual([]);
    });

    it('passes a long run of foreign events in a filtered read: the checkpoint moves past them', async () => {
      const prefix = `far${crypto.randomBytes(4).toString('hex')}-`;
      const before = await store.headPosition();
      const foreign = streamOf('foreign');
      for (let i = 0; i < 1000; i += 250) {
        await store.append(foreign, Array.from({ length: 250 }, (_, k) => newEvent(`Foreign${i + k}`)), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      }
      const lastForeign = (await store.readStream(foreign, { fromRevision: 999n }))[0]!.position;
      const filter = { streamPrefixes: [prefix] };
      // Nothing matches yet: paging with the checkpoint still arrives past every foreign event, in a few reads.
      let after = before;
      for (let reads = 0; after < lastForeign; reads++) {
        expect(reads).toBeLessThan(50);
        const page = await store.readPage({ after, filter, limit: 10 });
        expect(page.events).toEqual([]);
        expect(page.checkpoint >= after).toBe(true);
        if (page.checkpoint === after) await new Promise((resolve) => setTimeout(resolve, 20)); // not readable yet
        after = page.checkpoint;
      }
      const { position: match } = await store.append(`${prefix}${crypto.randomUUID()}`, [newEvent('Wanted')], { expectedRevision: 'no_stream' });
      const found = await readAllUntil(store, { after: before, filter, limit: 5 }, 1);
      expect(found.map((e) => e.type)).toEqual(['Wanted']);
      const fromCheckpoint = await readAllUntil(store, { after, filter, limit: 5 }, 1);
      expect(fromCheckpoint.map((e) => e.position)).toEqual([match]);

      const controller = new AbortController();
      const received = collect(store.subscribe({ after: before, filter, pollMs: 5000, signal: controller.signal }), 1);
      expect((await received).map((e) => e.type)).toEqual(['Wanted']);
      controller.abort();
    }, 20_000);

    it('matches any of several filters', async () => {
      const tag = crypto.randomBytes(4).toString('hex');
      const before = await store.headPosition();
      await store.append(`a${tag}-${crypto.randomUUID()}`, [newEvent('Kept'), newEvent('Dropped')], { expectedRevision: 'no_stream' });
      await store.append(`b${tag}-${crypto.randomUUID()}`, [newEvent('Any')], { expectedRevision: 'no_stream' });
      await store.append(`c${tag}-${crypto.randomUUID()}`, [newEvent('Kept')], { expectedRevision: 'no_stream' });
      const filter = [{ streamPrefixes: [`a${tag}-`], eventTypes: ['Kept'] }, { streamPrefixes: [`b${tag}-`] }];
      const events = await readAllUntil(store, { after: before, filter }, 2);
      expect(events.map((e) => `${e.streamId[0]}:${e.type}`)).toEqual(['a:Kept', 'b:Any']);
    });

    it('knows the newest written position, at or after the newest readable one', async () => {
      const { position } = await store.append(streamOf('written'), [newEvent('Written')], { expectedRevision: 'no_stream' });
      expect((await store.writtenPosition()) >= position).toBe(true);
      expect((await store.writtenPosition()) >= (await store.headPosition())).toBe(true);
    });

  });
}

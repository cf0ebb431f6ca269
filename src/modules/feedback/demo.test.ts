// Demo ratings and PAKN: through the real use cases, in every status, replaying to their state, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_STATUSES, replayFeedback, type FeedbackAction } from '../../core/feedback/index.ts';
import { createFeedbackTestApp, returnedDossier, type FeedbackTestApp } from './testing.ts';

let t: FeedbackTestApp;
beforeAll(async () => {
  t = await createFeedbackTestApp();
  await returnedDossier(t);
  await returnedDossier(t);
}, 120_000);
afterAll(() => t?.close());

describe('the demo feedback', () => {
  it('rates the returned dossiers and files twenty PAKN in every status, whose histories replay to their state; once', async () => {
    const now = new Date('2026-11-20T10:00:00+07:00');
    expect(await t.app.feedback.seedDemo({ now })).toEqual({ ratings: 2, feedback: 20 });
    expect(await t.app.feedback.seedDemo({ now })).toEqual({ ratings: 0, feedback: 0 });

    const rows = await t.db.selectFrom('feedback').selectAll().execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(FEEDBACK_STATUSES));
    expect(rows.every((r) => r.received_at.getTime() < now.getTime())).toBe(true);
    for (const row of rows) {
      const events = await t.db.selectFrom('feedback_event').selectAll().where('feedback_id', '=', row.id).orderBy('seq').execute();
      expect(events).toHaveLength(row.version);
      const replayed = replayFeedback(events.map((e) => ({ type: e.type, at: e.at.toISOString(), ...e.payload }) as FeedbackAction));
      expect(replayed).toEqual(row.state);
    }
    const published = rows.filter((r) => r.status === 'published');
    expect(published.every((r) => r.likes + r.dislikes > 0)).toBe(true);
    const ratings = await t.db.selectFrom('rating').select('value').execute();
    expect(ratings).toHaveLength(2);
  }, 60_000);
});

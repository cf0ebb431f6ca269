// The feedback settings from configuration: defaults, a custom survey, and refused values.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { DEFAULT_RATING_CRITERIA } from '../../core/feedback/index.ts';
import { feedbackSettingsOf } from './module.ts';

describe('feedback settings', () => {
  it('default to MOST’s five criteria, 7 days to change a rating and the 766 windows', () => {
    expect(feedbackSettingsOf(loadConfig({}))).toEqual({
      criteria: DEFAULT_RATING_CRITERIA,
      changeDays: 7,
      windows: { rejectWorkingDays: 2, firstSupplementWorkingDays: 5, processWorkingDays: 15, publishWorkingDays: 2 },
    });
  });

  it('take a custom survey and windows', () => {
    const s = feedbackSettingsOf(loadConfig({ RATING_CRITERIA: '[{"code":"speed","vi":"Tốc độ","en":"Speed"}]', FEEDBACK_PROCESS_DAYS: '10', FEEDBACK_DEFAULT_UNIT: 'vu-phap-che' }));
    expect(s.criteria).toEqual([{ code: 'speed', label: { vi: 'Tốc độ', en: 'Speed' } }]);
    expect(s.windows.processWorkingDays).toBe(10);
    expect(s.defaultUnitId).toBe('vu-phap-che');
  });

  it.each([
    ['RATING_CRITERIA', 'not json'],
    ['RATING_CRITERIA', '[]'],
    ['RATING_CRITERIA', '[{"code":"a","vi":"A","en":"A"},{"code":"a","vi":"B","en":"B"}]'],
    ['RATING_CRITERIA', '[{"code":"Bad Code","vi":"A","en":"A"}]'],
    ['RATING_CHANGE_DAYS', '-1'],
    ['FEEDBACK_PROCESS_DAYS', '0'],
  ])('refuse %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });
});

import type { ComponentType } from 'react';
import type { ActionItem, Meeting } from '../../shared/domain/meetings';

/**
 * Extra commands in a meeting page's header, beside the lifecycle buttons (the Word export's menu of
 * minutes and agenda goes here). Each feature adds its own entry.
 */
export const MEETING_HEADER_ACTIONS: ReadonlyArray<{
  key: string;
  Component: ComponentType<{ meeting: Meeting; actions: readonly ActionItem[] }>;
}> = [];

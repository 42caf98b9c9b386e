/** The IPC channel names shared by the preload and the main process. */
export const CALL_CHANNEL = 'workbook:call';

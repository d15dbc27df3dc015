import { api } from './client';

/** DESK-6: stand in at the desk (senior nurse, assistant, doctor); the desk's duties come with it. */
export function takeDesk(): Promise<{ since: string }> {
  return api('POST', '/desk-cover');
}

export function leaveDesk(): Promise<unknown> {
  return api('DELETE', '/desk-cover');
}

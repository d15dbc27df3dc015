import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from '../api/client';

/** Shows an error the user must see (not tied to a form field) in the UI language. */
export function notifyError(error: unknown): void {
  const lang = i18n.language;
  const message =
    error instanceof ApiError ? error.detailIn(lang) : error instanceof Error ? error.message : String(error);
  notifications.show({ color: 'red', title: i18n.t('common.errorTitle'), message, autoClose: 8000 });
}

export function notifySaved(message?: string): void {
  notifications.show({ color: 'teal', message: message ?? i18n.t('common.saved'), autoClose: 2500 });
}
